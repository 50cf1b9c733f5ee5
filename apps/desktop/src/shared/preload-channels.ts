// IPC channels only the preload uses, never part of DesktopApi: page script in the renderer
// cannot call them (context isolation keeps ipcRenderer in the preload's world).
export const PRELOAD_CHANNELS = {
  /** The preload reports the real path of a dropped / pasted / picked File (see main/granted-paths.ts). */
  registerDrop: 'signet:registerDrop',
} as const;
