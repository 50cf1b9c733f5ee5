// Builds the native-messaging host as a standalone executable the browser can start on a user's
// machine, where no Node may be installed (issue 11 item 15). A host manifest's `path` must be
// an executable, and the packaged Electron cannot run scripts (its RunAsNode fuse is off), so the
// relay becomes a Node single-executable application (SEA):
//   1. esbuild bundles src/native-host/index.ts into one CommonJS file (protocol + zod inlined;
//      Node 20's SEA runs exactly one CommonJS script and nothing from node_modules);
//   2. `node --experimental-sea-config` turns it into a preparation blob;
//   3. a copy of the Node binary that runs this build gets the blob injected with postject
//      (sentinel fuse NODE_SEA_FUSE_…), giving dist/signet-native-host(.exe).
// The result needs only the C/C++ runtime libraries of the OS, like Node itself. It is built for
// the OS and CPU of the build machine: each installer is built on its own OS.
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', '..', 'dist');
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** The host executable's file name on this OS (what host manifests and extraResources name). */
function hostExecutableName(platform = process.platform) {
  return platform === 'win32' ? 'signet-native-host.exe' : 'signet-native-host';
}

export async function buildNativeHost({ outDir = dist, nodePath = process.execPath } = {}) {
  await mkdir(outDir, { recursive: true });
  const bundle = join(outDir, 'native-host.cjs');
  await build({
    entryPoints: [join(here, 'index.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    minify: true,
  });
  const blob = join(outDir, 'native-host.blob');
  const seaConfig = join(outDir, 'native-host.sea.json');
  await writeFile(
    seaConfig,
    JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false }),
  );
  await run(nodePath, ['--experimental-sea-config', seaConfig]);
  const launcher = join(outDir, hostExecutableName());
  await rm(launcher, { force: true });
  await copyFile(nodePath, launcher);
  await chmod(launcher, 0o755);
  const postject = createRequire(import.meta.url).resolve('postject/dist/cli.js');
  const macho = process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [];
  if (process.platform === 'darwin') await run('codesign', ['--remove-signature', launcher]);
  await run(process.execPath, [postject, launcher, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE, ...macho]);
  if (process.platform === 'darwin') await run('codesign', ['--sign', '-', launcher]); // ad hoc; the release signs again
  await rm(blob, { force: true });
  await rm(seaConfig, { force: true });
  return { bundle, launcher };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { launcher } = await buildNativeHost();
  console.log(`native host: ${launcher}`);
}
