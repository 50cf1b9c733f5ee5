// Electron composition root: windows, tray, single-instance lock, IPC registration and the
// browser bridge, wired to plain-Node services (everything with behaviour lives in
// create-desktop-handlers.ts and @signet/sharing, which the tests run without Electron).
// Security: contextIsolation, sandbox, no nodeIntegration, a strict CSP, navigation and
// window.open denied, external links https only, every IPC sender checked.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, clipboard, ipcMain, Menu, session, shell, Tray, nativeImage, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { ApprovalStore, createBridgeServer, createSharingService, resolveSignetPaths } from '@signet/sharing';
import { DESKTOP_CHANNELS, PROGRESS_CHANNEL, type InvokeMethod } from '../shared/desktop-api.js';
import { createDesktopHandlers } from './create-desktop-handlers.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | undefined;
let tray: Tray | undefined;

function createWindow(): BrowserWindow {
  const w = new BrowserWindow({
    width: 980,
    height: 720,
    minWidth: 720,
    minHeight: 520,
    title: 'Signet',
    show: false,
    webPreferences: { preload: join(here, 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
  });
  w.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  w.once('ready-to-show', () => w.show());
  void w.loadURL(rendererUrl);
  return w;
}

app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }));
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(permission === 'clipboard-sanitized-write'));

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
    startAtLogin: { get: () => app.getLoginItemSettings().openAtLogin, set: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }) },
    nativeHostPath: join(process.resourcesPath, process.platform === 'win32' ? 'signet-native-host.cmd' : 'signet-native-host'),
  });
  for (const method of Object.keys(DESKTOP_CHANNELS) as InvokeMethod[]) {
    ipcMain.handle(DESKTOP_CHANNELS[method], (event: IpcMainInvokeEvent, ...args: unknown[]) => handlers[method]({ url: event.senderFrame?.url }, args));
  }

  // The browser extension's bridge: approval requests bring the window forward (Settings).
  const bridge = createBridgeServer({ service, approvals, app: { name: 'Signet', version: app.getVersion() }, onApprovalRequest: () => win?.show() });
  await bridge.listen().catch((e: Error) => console.error(`Browser integration is off: ${e.message}`));

  win = createWindow();
  tray = new Tray(nativeImage.createEmpty());
  tray.setToolTip('Signet');
  // The tray menu: share, the last links (click copies one again), quit. Refreshed every 15 s.
  const rebuildTray = async () => {
    const recent = await service.listLinks({ filter: 'active', limit: 8 }).catch(() => []);
    const items: MenuItemConstructorOptions[] = recent.length
      ? recent.map((r) => ({
          label: r.file?.name ?? r.key.split('/').pop() ?? r.key,
          click: () => void service.getLinkUrl(r.id).then((url) => clipboard.writeText(url), () => (win ??= createWindow()).show()),
        }))
      : [{ label: 'No active links', enabled: false }];
    tray?.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Share files…', click: () => (win ??= createWindow()).show() },
        { label: 'Recent links', submenu: items },
        { type: 'separator' },
        { label: 'Quit Signet', click: () => app.quit() },
      ]),
    );
  };
  await rebuildTray();
  setInterval(() => void rebuildTray(), 15_000).unref();
  app.on('second-instance', () => (win ??= createWindow()).show());
  app.on('before-quit', () => void bridge.close());
});

app.on('window-all-closed', () => {
  // stays in the tray; quit from its menu
});
void tray;
