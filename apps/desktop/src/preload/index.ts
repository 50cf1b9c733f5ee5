// Preload: exposes DesktopApi (functions only, never ipcRenderer) to the sandboxed renderer.
// Bundled into one file (sandbox requirement). Dropped files are resolved with webUtils, and
// each real path is reported to main (registerDrop, a channel page script cannot reach): main
// shares only paths reported this way or picked in its own dialogs (main/granted-paths.ts).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  APPROVAL_CHANNEL,
  DESKTOP_CHANNELS,
  PROGRESS_CHANNEL,
  SHARE_PATHS_CHANNEL,
  type DesktopApi,
  type InvokeMethod,
  type ProgressView,
} from '../shared/desktop-api.js';
import { PRELOAD_CHANNELS } from '../shared/preload-channels.js';

const invoke =
  (method: InvokeMethod) =>
  (...args: unknown[]) =>
    ipcRenderer.invoke(DESKTOP_CHANNELS[method], ...args);

const api = Object.fromEntries(
  (Object.keys(DESKTOP_CHANNELS) as InvokeMethod[]).map((m) => [m, invoke(m)]),
) as unknown as DesktopApi;
api.pathForFile = (file: File) => {
  // '' for a File not backed by disk (made by page script): nothing to register.
  const path = webUtils.getPathForFile(file);
  // Sent before the share that uses it: messages from one renderer reach main in order.
  if (path) void ipcRenderer.invoke(PRELOAD_CHANNELS.registerDrop, path).catch(() => {});
  return path;
};
api.onProgress = (listener: (p: ProgressView) => void) => {
  const wrapped = (_e: unknown, p: ProgressView) => listener(p);
  ipcRenderer.on(PROGRESS_CHANNEL, wrapped);
  return () => ipcRenderer.off(PROGRESS_CHANNEL, wrapped);
};
api.onApprovalRequest = (listener: (origin: string) => void) => {
  const wrapped = (_e: unknown, origin: string) => listener(String(origin));
  ipcRenderer.on(APPROVAL_CHANNEL, wrapped);
  return () => ipcRenderer.off(APPROVAL_CHANNEL, wrapped);
};
api.onSharePaths = (listener: (paths: string[]) => void) => {
  const wrapped = (_e: unknown, paths: unknown) => listener(Array.isArray(paths) ? paths.map(String) : []);
  ipcRenderer.on(SHARE_PATHS_CHANNEL, wrapped);
  return () => ipcRenderer.off(SHARE_PATHS_CHANNEL, wrapped);
};

contextBridge.exposeInMainWorld('signet', api);
