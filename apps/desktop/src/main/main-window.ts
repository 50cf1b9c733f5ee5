// The one app window, locked down: context isolation, sandbox, no Node, no navigation, no
// popups. Links open in the browser only through openExternal, which checks they are Signet's;
// window.open is refused outright (it would skip that check).
import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  /** signet-app:// URL of the built renderer's index.html (see app-protocol.ts). */
  rendererUrl: string;
  /** Absolute path of the bundled preload (one CommonJS file). */
  preloadPath: string;
  /** The window icon (Linux, Windows; macOS uses the app bundle's). */
  iconPath?: string;
}

/** The window's options, secure by construction (the main-process test checks these). */
function mainWindowOptions({ preloadPath, iconPath }: Omit<MainWindowOptions, 'rendererUrl'>) {
  return {
    width: 980,
    height: 720,
    minWidth: 720,
    minHeight: 520,
    title: 'Signet',
    show: false,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  } as const;
}

export function createMainWindow({ rendererUrl, ...rest }: MainWindowOptions): BrowserWindow {
  const w = new BrowserWindow(mainWindowOptions(rest));
  w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  w.webContents.on('will-attach-webview', (e) => e.preventDefault());
  w.once('ready-to-show', () => w.show());
  void w.loadURL(rendererUrl);
  return w;
}
