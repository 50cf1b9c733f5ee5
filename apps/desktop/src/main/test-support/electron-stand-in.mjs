// A RECORDING STAND-IN FOR THE `electron` MODULE — NOT ELECTRON. Electron's runtime cannot be
// downloaded on the machines these tests run on, so main-process.test.ts runs the built main
// entry (dist/main.mjs) and preload (dist/preload.cjs) under plain Node with this module in
// place of `electron`. It implements only what Signet calls, records every call, and answers
// the way Electron documents (whenReady resolves, a window has webContents, …). What it proves:
// start-up wiring, the options and handlers main asks Electron for. What it cannot: that
// Electron itself honours them (that is Electron's own test suite).
import { existsSync } from 'node:fs';

export const record = {
  schemes: [],
  schemesAfterReady: false,
  protocolHandlers: new Map(),
  handles: new Map(),
  windows: [],
  trays: [],
  appMenu: undefined,
  notifications: [],
  progress: [],
  opened: [],
  exposed: undefined,
  invoked: [],
  quitRequested: false,
};

class Emitter {
  #l = new Map();
  on(event, fn) {
    this.#l.set(event, [...(this.#l.get(event) ?? []), fn]);
    return this;
  }
  once(event, fn) {
    return this.on(event, fn);
  }
  emit(event, ...args) {
    for (const fn of this.#l.get(event) ?? []) fn(...args);
  }
  listeners(event) {
    return this.#l.get(event) ?? [];
  }
}

class App extends Emitter {
  ready = false;
  isPackaged = false;
  isReady() {
    return this.ready;
  }
  whenReady() {
    this.ready = true;
    return Promise.resolve();
  }
  requestSingleInstanceLock() {
    return true;
  }
  getVersion() {
    return '0.1.0';
  }
  getLoginItemSettings() {
    return { openAtLogin: false };
  }
  setLoginItemSettings() {}
  quit() {
    record.quitRequested = true;
    this.emit('before-quit', { preventDefault() {} });
  }
}
export const app = new App();
// Electron sets this for the packaged app; main joins the native host's path onto it.
process.resourcesPath ??= '/opt/Signet/resources';

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (app.ready) record.schemesAfterReady = true; // Electron throws/ignores after ready
    record.schemes.push(...schemes);
  },
  handle(scheme, fn) {
    record.protocolHandlers.set(scheme, fn);
  },
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler(fn) {
      record.permissionHandler = fn;
    },
    webRequest: { onHeadersReceived() {} },
  },
};
export const ipcMain = {
  handle(channel, fn) {
    if (record.handles.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    record.handles.set(channel, fn);
  },
};
export const shell = { openExternal: async (url) => void record.opened.push(url) };
export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) };

export class Notification extends Emitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    record.notifications.push(this.options);
  }
}

class WebContents extends Emitter {
  sent = [];
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
  isLoading() {
    return false;
  }
}
export class BrowserWindow extends Emitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    record.windows.push(this);
  }
  loadURL(url) {
    this.url = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {
    this.shown = true;
  }
  focus() {}
  setProgressBar(v) {
    record.progress.push(v);
  }
}

const image = (path) => ({ path, isEmpty: () => !path || !existsSync(path), setTemplateImage() {} });
export const nativeImage = { createFromPath: (p) => image(p), createEmpty: () => image(undefined) };
export class Tray extends Emitter {
  constructor(img) {
    super();
    this.image = img;
    record.trays.push(this);
  }
  setToolTip(t) {
    this.tooltip = t;
  }
  setContextMenu(menu) {
    this.menu = menu;
  }
  destroy() {}
}
export const Menu = {
  buildFromTemplate: (template) => ({ items: template }),
  setApplicationMenu(menu) {
    record.appMenu = menu;
  },
};
export const globalShortcut = {
  registered: new Map(),
  register(accelerator, fn) {
    this.registered.set(accelerator, fn);
    return true;
  },
  unregister(accelerator) {
    this.registered.delete(accelerator);
  },
  unregisterAll() {
    this.registered.clear();
  },
};
export const clipboard = { writeText: (t) => void (record.clipboard = t) };

// The preload's side.
export const contextBridge = {
  exposeInMainWorld(key, api) {
    record.exposed = { key, api };
  },
};
export const ipcRenderer = {
  invoke: async (channel, ...args) => void record.invoked.push([channel, ...args]),
  on() {},
  off() {},
};
/** Real Electron answers '' for a File not backed by disk; here a test File carries its path. */
export const webUtils = { getPathForFile: (file) => file?.standInPath ?? '' };

export default {
  app,
  protocol,
  session,
  ipcMain,
  shell,
  dialog,
  Notification,
  BrowserWindow,
  nativeImage,
  Tray,
  Menu,
  clipboard,
  globalShortcut,
  contextBridge,
  ipcRenderer,
  webUtils,
};
