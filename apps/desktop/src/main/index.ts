// Electron composition root: windows, tray, menus, single-instance lock, IPC registration and
// the browser bridge, wired to plain-Node services (everything with behaviour lives in
// create-desktop-handlers.ts and @signet/sharing, which the tests run without Electron).
// Security: contextIsolation, sandbox, no nodeIntegration, a strict CSP, navigation and
// window.open denied, external links https only, every IPC sender checked.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, dialog, ipcMain, session, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ApprovalStore, createBridgeServer, createSharingService, resolveSignetPaths } from '@signet/sharing';
import {
  APPROVAL_CHANNEL,
  DESKTOP_CHANNELS,
  PROGRESS_CHANNEL,
  SHARE_PATHS_CHANNEL,
  type InvokeMethod,
} from '../shared/desktop-api.js';
import { setAppMenu } from './app-menu.js';
import { createDesktopHandlers } from './create-desktop-handlers.js';
import { createMainWindow } from './main-window.js';
import { createTray } from './tray.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererUrl = pathToFileURL(join(here, 'renderer', 'index.html')).href;
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | undefined;
const showWindow = (): BrowserWindow => {
  if (!win || win.isDestroyed()) win = createMainWindow({ rendererUrl, preloadPath: join(here, 'preload.cjs') });
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return win;
};
/** "Share files…" from the tray or the menu: a native picker, then the window shares them like a drop. */
const shareFiles = async () => {
  const w = showWindow();
  const picked = await dialog.showOpenDialog(w, {
    title: 'Share files',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
  });
  if (!picked.canceled && picked.filePaths.length) w.webContents.send(SHARE_PATHS_CHANNEL, picked.filePaths);
};

app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) =>
    cb(permission === 'clipboard-sanitized-write'),
  );

  const paths = resolveSignetPaths();
  const service = createSharingService({ paths });
  const approvals = new ApprovalStore(paths.configDir);
  const handlers = createDesktopHandlers({
    service,
    approvals,
    isTrustedSender: (url) => url === rendererUrl,
    emitProgress: (p) => win?.webContents.send(PROGRESS_CHANNEL, p),
    openExternal: async (url) => {
      if (!url.startsWith('https://')) throw new Error('Only https links are opened.');
      await shell.openExternal(url);
    },
    startAtLogin: {
      get: () => app.getLoginItemSettings().openAtLogin,
      set: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
    },
    nativeHostPath: join(
      process.resourcesPath,
      process.platform === 'win32' ? 'signet-native-host.exe' : 'signet-native-host',
    ),
  });
  for (const method of Object.keys(DESKTOP_CHANNELS) as InvokeMethod[]) {
    ipcMain.handle(DESKTOP_CHANNELS[method], (event: IpcMainInvokeEvent, ...args: unknown[]) =>
      handlers[method]({ url: event.senderFrame?.url }, args),
    );
  }

  // The browser extension's bridge: an approval request brings the window forward with the request.
  const bridge = createBridgeServer({
    service,
    approvals,
    app: { name: 'Signet', version: app.getVersion() },
    onApprovalRequest: (origin) => showWindow().webContents.send(APPROVAL_CHANNEL, origin),
  });
  await bridge.listen().catch((e: Error) => console.error(`Browser integration is off: ${e.message}`));

  setAppMenu({ shareFiles: () => void shareFiles() });
  showWindow();
  const tray = createTray(service, { shareFiles: () => void shareFiles(), showWindow, quit: () => app.quit() });
  await tray.refresh();
  setInterval(() => void tray.refresh(), 15_000).unref();
  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  app.on('before-quit', () => void bridge.close());
});

// Closing the window keeps Signet in the tray (links from the extension keep working); quit from its menu.
app.on('window-all-closed', () => {});
