// `pnpm start`: runs the desktop app with Electron. pnpm skips Electron's own install script
// (no download at install time), so when the runtime is missing this runs that installer once
// (it fetches the Electron build for this machine); where that cannot happen (no internet),
// say so and what to do instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(appDir, 'package.json'));

function findElectron() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32'
        ? 'electron.exe'
        : process.platform === 'darwin'
          ? 'Electron.app/Contents/MacOS/Electron'
          : 'electron',
    );
    return existsSync(exe) ? exe : undefined;
  }
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const exe = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : undefined;
}

if (!existsSync(join(appDir, 'dist', 'main.mjs')) || !existsSync(join(appDir, 'dist', 'renderer', 'index.html'))) {
  console.error('Signet is not built yet. Run: pnpm build (or bash scripts/setup.sh), then pnpm start.');
  process.exit(1);
}
function electronVersion() {
  try {
    return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  } catch {
    return '(see apps/desktop/package.json)';
  }
}

/** Runs electron's install.js (what npm would have run at install time); true when it worked. */
function installElectron() {
  let installer;
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return false;
  }
  if (!existsSync(installer) || process.env.ELECTRON_OVERRIDE_DIST_PATH) return false;
  console.error(`Downloading the Electron ${electronVersion()} runtime for this machine (once)…`);
  const r = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], timeout: 10 * 60_000 });
  if (r.status !== 0) {
    // The error line, not the stack under it ("TypeError: fetch failed" without a connection).
    const why = String(r.stderr ?? '')
      .split('\n')
      .find((l) => l.trim() && !/^\s+at /.test(l))
      ?.trim();
    console.error(`The download did not work${why ? `: ${why}` : ''}.\n`);
    return false;
  }
  return true;
}

let electron = findElectron();
if (!electron && installElectron()) electron = findElectron();
if (!electron) {
  console.error(`The Electron runtime is not installed on this machine, so the Signet window cannot open.

  • With internet access: pnpm start downloads it by itself; if that failed, check the connection
    (or a proxy: HTTPS_PROXY) and run pnpm start again.
  • Offline: unpack an Electron ${electronVersion()} build and set ELECTRON_OVERRIDE_DIST_PATH to its folder.

Meanwhile everything else works without the window: the CLI (pnpm -s signet --help) and
browser integration via  pnpm -s signet serve.`);
  process.exit(1);
}
const child = spawn(electron, [appDir], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
