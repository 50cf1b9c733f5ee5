// Electron composition root: windows, tray, menus, single-instance lock, IPC registration and
// the browser bridge, wired to plain-Node services (everything with behaviour lives in
// create-desktop-handlers.ts and @signet/sharing, which the tests run without Electron).
// Security: contextIsolation, sandbox, no nodeIntegration, the renderer from its own
// signet-app:// scheme with a strict CSP, navigation and window.open denied, external links
// only for links Signet made, every IPC sender checked, share only for paths the user gave.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Notification,
  protocol,
  session,
  shell,
  type BrowserWindow,
  type IpcMainInvokeEvent,
} from 'electron';
import { ApprovalStore, createBridgeServer, createSharingService, resolveSignetPaths } from '@signet/sharing';
import {
  APPROVAL_CHANNEL,
  DESKTOP_CHANNELS,
  PROGRESS_CHANNEL,
  SHARE_PATHS_CHANNEL,
  type InvokeMethod,
} from '../shared/desktop-api.js';
import { setAppMenu } from './app-menu.js';
import { APP_SCHEME, RENDERER_URL, serveAppAsset } from './app-protocol.js';
import { createDesktopHandlers } from './create-desktop-handlers.js';
import { createShortcutSetting } from './global-shortcut.js';
import { GrantedPaths } from './granted-paths.js';
import { pathsFromArgv } from './launch-paths.js';
import { createMainWindow } from './main-window.js';
import { createPreloadHandlers, PRELOAD_CHANNELS } from './preload-handlers.js';
import { notificationFor } from './share-notifications.js';
import { ShareTracker } from './share-tracker.js';
import { createTray } from './tray.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, 'renderer');
const iconDir = join(here, 'icons');

// Before ready: the renderer's own scheme is standard and secure (a real origin for 'self').
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

const granted = new GrantedPaths();
let win: BrowserWindow | undefined;
const showWindow = (): BrowserWindow => {
  if (!win || win.isDestroyed())
    win = createMainWindow({
      rendererUrl: RENDERER_URL,
      preloadPath: join(here, 'preload.cjs'),
      iconPath: join(iconDir, 'icon-256.png'),
    });
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return win;
};
/** Paths from outside the window (picker, Open with, second instance): the user gave them; share like a drop. */
const sharePaths = (paths: string[]) => {
  if (paths.length === 0) return;
  for (const p of paths) granted.add(p);
  const w = showWindow();
  const send = () => w.webContents.send(SHARE_PATHS_CHANNEL, paths);
  if (w.webContents.isLoading()) w.webContents.once('did-finish-load', send);
  else send();
};
/** "Share files…" from the tray or the menu: a native picker, then the window shares them like a drop. */
const shareFiles = async () => {
  const w = showWindow();
  const picked = await dialog.showOpenDialog(w, {
    title: 'Share files',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
  });
  if (!picked.canceled) sharePaths(picked.filePaths);
};
// macOS: "Open with Signet" and drops on the dock icon, possibly before the app is ready.
const openedEarly: string[] = [];
app.on('open-file', (e, path) => {
  e.preventDefault();
  if (app.isReady()) sharePaths([path]);
  else openedEarly.push(path);
});

void app.whenReady().then(async () => {
  protocol.handle(APP_SCHEME, (req) => serveAppAsset(req.url, rendererDir));
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) =>
    cb(permission === 'clipboard-sanitized-write'),
  );

  const paths = resolveSignetPaths();
  const service = createSharingService({ paths });
  const approvals = new ApprovalStore(paths.configDir);
  let refreshTray = () => {};
  let lastTray = 0;
  const shares = new ShareTracker((e) => {
    // Taskbar / dock progress over every running share; -1 removes the bar.
    if (win && !win.isDestroyed()) win.setProgressBar(shares.fraction() ?? -1);
    if (e.type === 'changed') {
      // The tray menu is rebuilt at most once a second while bytes flow.
      const now = Date.now();
      if (shares.list().length === 0 || now - lastTray > 1000) {
        lastTray = now;
        refreshTray();
      }
      return;
    }
    // The links go on the clipboard from here: the window's own copy needs it focused, and a
    // share often ends while the user is in another app (the notification says it is there).
    if (e.type === 'done')
      void Promise.resolve(clipboard.writeText(e.links.map((l) => l.url).join('\n'))).catch(() => {});
    const text = notificationFor(e, (iso) =>
      new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
    );
    if (text && Notification.isSupported()) {
      const n = new Notification({ ...text, icon: join(iconDir, 'icon-256.png') });
      n.on('click', () => showWindow());
      n.show();
    }
  });
  const isTrustedSender = (url: string) => url === RENDERER_URL;
  const deps = {
    service,
    approvals,
    isTrustedSender,
    grantedPaths: granted,
    shares,
    emitProgress: (p: Parameters<Parameters<typeof createDesktopHandlers>[0]['emitProgress']>[0]) =>
      win?.webContents.send(PROGRESS_CHANNEL, p),
    openExternal: async (url: string) => {
      if (!url.startsWith('https://')) throw new Error('Only https links are opened.');
      await shell.openExternal(url);
    },
    shortcut: createShortcutSetting(paths.configDir, globalShortcut, () => void shareFiles()),
    startAtLogin: {
      get: () => app.getLoginItemSettings().openAtLogin,
      set: (openAtLogin: boolean) => app.setLoginItemSettings({ openAtLogin }),
    },
    nativeHostPath: join(
      process.resourcesPath,
      process.platform === 'win32' ? 'signet-native-host.cmd' : 'signet-native-host',
    ),
  };
  const handlers = createDesktopHandlers(deps);
  for (const method of Object.keys(DESKTOP_CHANNELS) as InvokeMethod[]) {
    ipcMain.handle(DESKTOP_CHANNELS[method], (event: IpcMainInvokeEvent, ...args: unknown[]) =>
      handlers[method]({ url: event.senderFrame?.url }, args),
    );
  }
  const preloadHandlers = createPreloadHandlers(deps);
  ipcMain.handle(PRELOAD_CHANNELS.registerDrop, (event: IpcMainInvokeEvent, ...args: unknown[]) =>
    preloadHandlers.registerDrop({ url: event.senderFrame?.url }, args),
  );

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
  const tray = createTray(
    service,
    {
      shareFiles: () => void shareFiles(),
      sharePaths,
      showWindow,
      quit: () => app.quit(),
      cancelShare: (id) => shares.cancel(id),
      shares: () => shares.list(),
    },
    join(iconDir, process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
  );
  refreshTray = () => void tray.refresh();
  await tray.refresh();
  setInterval(() => void tray.refresh(), 15_000).unref();
  // Files on this instance's command line ("Open with Signet" on Linux/Windows) and a second one's.
  sharePaths([...openedEarly, ...pathsFromArgv(process.argv, process.cwd(), app.isPackaged ? 1 : 2)]);
  app.on('second-instance', (_e, argv, cwd) => {
    const files = pathsFromArgv(argv, cwd, app.isPackaged ? 1 : 2);
    if (files.length) sharePaths(files);
    else showWindow();
  });
  app.on('activate', () => showWindow());
  app.on('will-quit', () => globalShortcut.unregisterAll());
  app.on('before-quit', () => {
    shares.cancelAll();
    void bridge.close();
  });
});

// Closing the window keeps Signet in the tray (links from the extension keep working); quit from its menu.
app.on('window-all-closed', () => {});
