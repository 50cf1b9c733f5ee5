// The one app window, locked down: context isolation, sandbox, no Node, no navigation, no
// popups (https links go to the default browser instead).
import { BrowserWindow, shell } from 'electron';

export interface MainWindowOptions {
  /** file:// URL of the built renderer's index.html. */
  rendererUrl: string;
  /** Absolute path of the bundled preload (one CommonJS file). */
  preloadPath: string;
}

export function createMainWindow({ rendererUrl, preloadPath }: MainWindowOptions): BrowserWindow {
  const w = new BrowserWindow({
    width: 980,
    height: 720,
    minWidth: 720,
    minHeight: 520,
    title: 'Signet',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  w.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  w.webContents.on('will-attach-webview', (e) => e.preventDefault());
  w.once('ready-to-show', () => w.show());
  void w.loadURL(rendererUrl);
  return w;
}
