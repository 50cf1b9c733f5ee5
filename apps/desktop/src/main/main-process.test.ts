// The Electron main process, built (dist/main.mjs, dist/preload.cjs), run under plain Node with
// a RECORDING STAND-IN for the `electron` module (test-support/electron-stand-in.mjs): Electron's
// runtime cannot be downloaded here, so this checks what main asks Electron for — not that
// Electron honours it. Everything behind the IPC (handlers, sharing, keychain, RGW) is tested
// for real elsewhere (renderer-attacks.test.ts, the desktop e2e).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_CHANNELS } from '../shared/desktop-api.js';
import { PRELOAD_CHANNELS } from '../shared/preload-channels.js';
import { CSP, RENDERER_URL } from './app-protocol.js';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const runner = fileURLToPath(new URL('./test-support/run-main.mjs', import.meta.url));

interface MenuItem {
  label?: string;
  role?: string;
  submenu: MenuItem[];
}
interface Report {
  started: boolean;
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  schemesAfterReady: boolean;
  windows: {
    options: Record<string, unknown> & { webPreferences: Record<string, unknown> };
    url: string;
    shown: boolean;
  }[];
  windowOpen: { action: string };
  navigateHandlers: number;
  channels: string[];
  trusted: { ok: boolean; value?: unknown };
  untrusted: { ok: boolean; code?: string };
  shareRefused: { ok: boolean; code?: string; message?: string };
  served: { status: number; csp: string; body: string };
  traversal: number;
  exposedKey: string;
  exposedMethods: string[];
  dropped: string;
  forged: string;
  invoked: unknown[][];
  tray: { image: string; empty: boolean; tooltip: string; items: MenuItem[] }[];
  appMenu: MenuItem[];
  permissionClipboard: boolean;
  permissionCamera: boolean;
  sharedPaths: string[][];
  opened: string;
  viaDock: string;
  openedShare: { ok: boolean; code?: string; message?: string };
  bridgeBeforeQuit: boolean;
  bridgeAfterQuit: boolean;
  quitRequested: boolean;
}

describe('main process start-up (built main.mjs under Node, electron replaced by a recording stand-in)', () => {
  let r: Report;
  beforeAll(() => {
    if (!existsSync(join(dist, 'main.mjs')) || !existsSync(join(dist, 'preload.cjs')))
      throw new Error('apps/desktop is not built: run pnpm --filter @signet/desktop build first.');
    const home = mkdtempSync(join(tmpdir(), 'signet-main-'));
    const out = execFileSync(process.execPath, [runner, dist], {
      env: { ...process.env, SIGNET_HOME: home, SIGNET_BRIDGE_SOCKET: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    r = JSON.parse(out.trim().split('\n').pop()!) as Report;
  }, 40_000);

  it('starts: one window on the signet-app:// renderer, shown, the tray and the app menu built', () => {
    expect(r.started).toBe(true);
    expect(r.windows).toHaveLength(1);
    expect(r.windows[0]!.url).toBe(RENDERER_URL);
    expect(r.windows[0]!.shown).toBe(true);
  });

  it('the window gets the secure options', () => {
    const { options } = r.windows[0]!;
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String(options.webPreferences.preload)).toBe(join(dist, 'preload.cjs'));
    expect(existsSync(String(options.icon))).toBe(true);
    expect(r.windowOpen).toEqual({ action: 'deny' });
    expect(r.navigateHandlers).toBe(1);
    expect(options.minWidth).toBeLessThanOrEqual(800);
    expect(options.minHeight).toBeLessThanOrEqual(600);
  });

  it('signet-app:// is registered as privileged before ready and serves the renderer with the CSP, nothing outside it', () => {
    expect(r.schemesAfterReady).toBe(false);
    expect(r.schemes).toEqual([
      { scheme: 'signet-app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(r.served.status).toBe(200);
    expect(r.served.csp).toBe(CSP);
    expect(r.served.body).toMatch(/<!doctype html>/i);
    expect(r.traversal).toBe(404);
  });

  it('every DesktopApi invoke method has exactly one handler, plus the preload’s registerDrop, and nothing else', () => {
    expect(r.channels).toEqual([...Object.values(DESKTOP_CHANNELS), ...Object.values(PRELOAD_CHANNELS)].sort());
  });

  it('the registered handlers check the sender and refuse paths the user never gave', () => {
    expect(r.trusted).toEqual({ ok: true, value: [] });
    expect(r.untrusted).toMatchObject({ ok: false, code: 'UNTRUSTED_SENDER' });
    expect(r.shareRefused).toMatchObject({ ok: false, code: 'NOT_GIVEN_BY_USER' });
  });

  it('the preload exposes exactly DesktopApi as window.signet, and reports a real File’s path to main', () => {
    const events = ['onApprovalRequest', 'onProgress', 'onSharePaths'];
    expect(r.exposedKey).toBe('signet');
    expect(r.exposedMethods).toEqual([...Object.keys(DESKTOP_CHANNELS), ...events, 'pathForFile'].sort());
    expect(r.dropped).toBe('/home/u/report.pdf');
    expect(r.forged).toBe('');
    expect(r.invoked).toEqual([[PRELOAD_CHANNELS.registerDrop, '/home/u/report.pdf']]);
  });

  it('the tray has a real icon and its items; the app menu has Share Files…', () => {
    expect(r.tray).toHaveLength(1);
    expect(r.tray[0]!.empty).toBe(false);
    expect(r.tray[0]!.image).toMatch(/icons\/(tray|trayTemplate)\.png$/);
    expect(r.tray[0]!.items.map((i) => i.label)).toEqual([
      'Share files…',
      'Open Signet',
      'Recent links',
      undefined,
      'Quit Signet',
    ]);
    expect(r.tray[0]!.items[2]!.submenu.map((i) => i.label)).toEqual(['No active links']);
    const file = r.appMenu.find((m) => m.label === 'File');
    expect(file?.submenu.map((i) => i.label ?? i.role)).toContain('Share Files…');
  });

  it('only the clipboard write permission is granted to the page', () => {
    expect(r.permissionClipboard).toBe(true);
    expect(r.permissionCamera).toBe(false);
  });

  it('files opened with Signet (second instance argv, macOS open-file, a drop on the tray icon) are shared, as given by the user', () => {
    expect(r.sharedPaths).toEqual([[r.opened], [r.viaDock], [r.opened]]);
    // past the path check: it fails only for want of a profile in this empty home
    expect(r.openedShare.code).not.toBe('NOT_GIVEN_BY_USER');
    expect(r.openedShare.message).toMatch(/profile/i);
  });

  it('quitting closes the browser bridge', () => {
    expect(r.bridgeBeforeQuit).toBe(true);
    expect(r.quitRequested).toBe(true);
    expect(r.bridgeAfterQuit).toBe(false);
  });
});
