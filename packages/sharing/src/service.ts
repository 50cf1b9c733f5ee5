// createSharingService: composes the stores, uploads and signing into SharingService.
export {};
