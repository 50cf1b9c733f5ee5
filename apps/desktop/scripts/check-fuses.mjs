#!/usr/bin/env node
// Reads the fuse wire of a packaged Signet binary with @electron/fuses and compares it with
// `electronFuses` in electron-builder.yml (loaded by electron-builder's own config loader).
// For the release machine, after `pnpm --filter @signet/desktop package`:
//   node apps/desktop/scripts/check-fuses.mjs apps/desktop/release/linux-unpacked/<executable>
//   node apps/desktop/scripts/check-fuses.mjs apps/desktop/release/mac/Signet.app
//   node apps/desktop/scripts/check-fuses.mjs apps/desktop/release/win-unpacked/Signet.exe
// Exit 0: every configured fuse is as configured; 1: some are not (listed); 2: cannot check.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const desktopDir = fileURLToPath(new URL('..', import.meta.url));

// electron-builder.yml key → fuse in the wire.
const FUSES = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const binary = process.argv[2];
if (!binary)
  fail('Usage: node apps/desktop/scripts/check-fuses.mjs <packaged binary> (the Signet executable, or Signet.app)');

const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig } = builderRequire('app-builder-lib/out/util/config/config');
const config = await getConfig(desktopDir, join(desktopDir, 'electron-builder.yml'), null);
const wanted = Object.entries(config.electronFuses ?? {}).filter(([key]) => key in FUSES);
if (wanted.length === 0) fail('electron-builder.yml sets no electronFuses: nothing to check.');

let wire;
try {
  wire = await getCurrentFuseWire(binary);
} catch (e) {
  fail(`${binary}: no fuse wire found (${e.message}). Give the packaged Electron executable (or the .app bundle).`);
}

const word = (state) =>
  state === FuseState.ENABLE
    ? 'on'
    : state === FuseState.DISABLE
      ? 'off'
      : state === FuseState.REMOVED
        ? 'removed'
        : 'default';
let wrong = 0;
for (const [key, on] of wanted) {
  const name = FuseV1Options[FUSES[key]];
  const state = wire[FUSES[key]];
  const ok = state === (on ? FuseState.ENABLE : FuseState.DISABLE);
  if (!ok) wrong++;
  process.stdout.write(
    `${name.padEnd(40)} ${word(state).padEnd(8)} ${ok ? 'ok' : `WRONG (want ${on ? 'on' : 'off'})`}\n`,
  );
}
if (wrong > 0) {
  process.stderr.write(
    `${wrong} of ${wanted.length} fuses are not as electron-builder.yml says: this binary was not packaged by electron-builder with that config. Do not ship it.\n`,
  );
  process.exit(1);
}
process.stdout.write(`All ${wanted.length} fuses are as electron-builder.yml says.\n`);
