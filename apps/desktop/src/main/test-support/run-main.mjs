// Child process of main-process.test.ts: loads the BUILT main entry with the electron stand-in
// (see electron-stand-in.mjs — not Electron), waits for start-up, exercises what it registered,
// quits, and prints one JSON report on stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { connect } from 'node:net';
import { join } from 'node:path';

register('./electron-loader.mjs', import.meta.url);
const [distDir] = process.argv.slice(2);
const standIn = await import('./electron-stand-in.mjs');
const { record, app } = standIn;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Electron's own argv in development: [electron, appDir, …files] (none here).
process.argv = [process.argv[0], join(distDir, '..')];
await import(join(distDir, 'main.mjs'));
for (let i = 0; i < 200 && !record.trays[0]?.menu; i++) await sleep(25);

const win = record.windows[0];
const channels = [...record.handles.keys()].sort();
const event = (url) => ({ senderFrame: { url } });
const call = async (channel, url, ...args) => {
  try {
    return { ok: true, value: await record.handles.get(channel)(event(url), ...args) };
  } catch (e) {
    return { ok: false, message: e.message, code: e.code };
  }
};
const rendererUrl = win?.url;
const trusted = await call('signet:listProfiles', rendererUrl);
const untrusted = await call('signet:listProfiles', 'file:///tmp/evil.html');
const shareRefused = await call('signet:share', rendererUrl, 's1', { paths: ['/proc/self/environ'] });

const handler = record.protocolHandlers.get('signet-app');
const served = handler ? await handler(new Request('signet-app://renderer/index.html')) : undefined;
const traversal = handler ? await handler(new Request('signet-app://renderer/..%2f..%2fmain.mjs')) : undefined;

// The preload, as Electron runs it: one CommonJS file whose `electron` is the stand-in.
const preloadCode = readFileSync(join(distDir, 'preload.cjs'), 'utf8');
const realRequire = createRequire(join(distDir, 'preload.cjs'));
const mod = { exports: {} };
new Function('require', 'module', 'exports', preloadCode)(
  (id) => (id === 'electron' ? standIn : realRequire(id)),
  mod,
  mod.exports,
);
const exposed = record.exposed;
const dropped = exposed?.api.pathForFile({ standInPath: '/home/u/report.pdf' });
const forged = exposed?.api.pathForFile({});
await sleep(10);

// "Open with Signet": a second instance's argv, and macOS open-file; both reach the window as a
// share, and main records them as given by the user (share then gets past the path check).
const opened = join(process.env.SIGNET_HOME, 'opened.txt');
writeFileSync(opened, 'opened with Signet');
const viaDock = join(process.env.SIGNET_HOME, 'dock.txt');
writeFileSync(viaDock, 'dropped on the dock');
app.emit('second-instance', {}, ['/usr/bin/electron', join(distDir, '..'), '--enable-logging', opened], '/');
app.emit('open-file', { preventDefault() {} }, viaDock);
record.trays[0]?.emit('drop-files', {}, [opened]);
await sleep(10);
const sharedPaths = win?.webContents.sent.filter(([ch]) => ch === 'signet:share-paths').map(([, p]) => p);
const openedShare = await call('signet:share', rendererUrl, 's2', { paths: [opened] });

const socketPath = join(process.env.SIGNET_HOME, 'run', 'bridge.sock');
const canConnect = () =>
  new Promise((r) => {
    const s = connect(socketPath);
    s.once('connect', () => (s.destroy(), r(true)));
    s.once('error', () => r(false));
  });
const bridgeBeforeQuit = await canConnect();
app.quit();
await sleep(300);
const bridgeAfterQuit = await canConnect();

const items = (menu) =>
  (menu?.items ?? []).map((i) => ({
    label: i.label,
    role: i.role,
    type: i.type,
    submenu: items(i.submenu?.items ? i.submenu : { items: i.submenu }),
  }));
process.stdout.write(
  `${JSON.stringify({
    started: Boolean(record.trays[0]?.menu),
    schemes: record.schemes,
    schemesAfterReady: record.schemesAfterReady,
    windows: record.windows.map((w) => ({ options: w.options, url: w.url, shown: Boolean(w.shown) })),
    windowOpen: win?.webContents.windowOpenHandler?.({ url: 'https://evil.example.com/' }),
    navigateHandlers: win?.webContents.listeners('will-navigate').length ?? 0,
    channels,
    trusted,
    untrusted,
    shareRefused,
    served: served && {
      status: served.status,
      csp: served.headers.get('content-security-policy'),
      body: (await served.text()).slice(0, 200),
    },
    traversal: traversal?.status,
    exposedKey: exposed?.key,
    exposedMethods: Object.keys(exposed?.api ?? {}).sort(),
    dropped,
    forged,
    invoked: record.invoked,
    tray: record.trays.map((t) => ({
      image: t.image.path,
      empty: t.image.isEmpty(),
      tooltip: t.tooltip,
      items: items(t.menu),
    })),
    appMenu: items(record.appMenu),
    permissionClipboard: await new Promise((r) => record.permissionHandler?.(null, 'clipboard-sanitized-write', r)),
    permissionCamera: await new Promise((r) => record.permissionHandler?.(null, 'media', r)),
    sharedPaths,
    opened,
    viaDock,
    openedShare,
    bridgeBeforeQuit,
    bridgeAfterQuit,
    quitRequested: record.quitRequested,
  })}\n`,
);
process.exit(0);
