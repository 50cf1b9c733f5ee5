// The renderer's only way out: window.signet, the DesktopApi the preload exposes.
import type { DesktopApi } from '../shared/desktop-api.js';

declare global {
  interface Window {
    signet: DesktopApi;
  }
}

export const api = (): DesktopApi => window.signet;

/** The message of an IPC error, without Electron's "Error invoking remote method" prefix. */
export function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, '');
}
