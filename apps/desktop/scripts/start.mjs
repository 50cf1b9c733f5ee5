// `pnpm start`: runs the desktop app with Electron. Electron downloads its binary on first use;
// where that cannot happen (no internet), say so and what to do instead of a stack trace.
import { spawn } from 'node:child_process';
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

const electron = findElectron();
if (!electron) {
  console.error(`The Electron runtime is not installed on this machine, so the Signet window cannot open.

  • With internet access: run  node ${join('node_modules', 'electron', 'install.js')}  in apps/desktop once
    (pnpm skips Electron's download at install time), then pnpm start again.
  • Offline: unpack an Electron ${electronVersion()} build and set ELECTRON_OVERRIDE_DIST_PATH to its folder.

Meanwhile everything else works without the window: the CLI (pnpm -s signet --help) and
browser integration via  pnpm -s signet serve.`);
  process.exit(1);
}
const child = spawn(electron, [appDir], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
