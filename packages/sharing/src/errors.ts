// SharingError: the one error type of @signet/sharing (owned by the sharing-state engineer).
export {};
