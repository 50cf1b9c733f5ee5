// Issue 11 item 14: the packaged app's Electron fuses. electron-builder flips them from
// `electronFuses` in electron-builder.yml when it packages; this reads that file the way
// electron-builder does (its own config loader and schema validation), checks each fuse, and
// runs scripts/check-fuses.mjs — the release machine's check of a packaged binary — against
// stand-in binaries that hold only a fuse wire (Electron itself cannot be downloaded here).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const desktopDir = fileURLToPath(new URL('../..', import.meta.url));
const checkScript = join(desktopDir, 'scripts', 'check-fuses.mjs');

// electron-builder's own loader and validator (app-builder-lib, resolved through electron-builder).
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig, validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const debugLogger = { isEnabled: false, add() {} };

async function loadConfig(): Promise<Record<string, unknown>> {
  return getConfig(desktopDir, join(desktopDir, 'electron-builder.yml'), null);
}

describe('Electron fuses in electron-builder.yml', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect; turns on asar-only, asar integrity and cookie encryption', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('is a configuration electron-builder accepts (and its validator does reject a misspelt fuse)', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...(config.electronFuses as object), runAsNod: false } };
    await expect(validateConfiguration(misspelt, debugLogger)).rejects.toThrow(/configuration\.electronFuses/);
  });
});

/** A stand-in binary: some bytes, the fuse sentinel, version 1, the wire length, the wire. */
function standIn(wire: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'signet-fuses-')), 'signet');
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.alloc(4096, 0x90),
      sentinel,
      Buffer.from([1, wire.length]),
      Buffer.from(wire),
      Buffer.alloc(64),
    ]),
  );
  return file;
}

// Wire order (@electron/fuses FuseV1Options): RunAsNode, CookieEncryption, NodeOptions,
// NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolPrivileges, WasmTrap.
// '0' off, '1' on.
const FUSED = '010011011';
const STOCK = '101100011'; // what an unfused Electron 45 ships: RunAsNode, NODE_OPTIONS, --inspect on

describe('scripts/check-fuses.mjs (run on the release machine against the packaged binary)', () => {
  it('passes a binary fused as electron-builder.yml says', () => {
    const out = execFileSync(process.execPath, [checkScript, standIn(FUSED)], { encoding: 'utf8' });
    expect(out).toMatch(/RunAsNode +off +ok/);
    expect(out).toMatch(/All 6 fuses are as electron-builder\.yml says/);
  });

  it('fails an unfused binary and names each fuse that is wrong', () => {
    const r = spawnSync(process.execPath, [checkScript, standIn(STOCK)], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/RunAsNode +on +WRONG \(want off\)/);
    expect(r.stdout).toMatch(/OnlyLoadAppFromAsar +off +WRONG \(want on\)/);
    expect(r.stderr).toMatch(/6 of 6 fuses are not as electron-builder\.yml says/);
  });

  it('says what to do when given no binary, or a file without a fuse wire', () => {
    const none = spawnSync(process.execPath, [checkScript], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/Usage: node apps\/desktop\/scripts\/check-fuses\.mjs <packaged binary>/);
    const notElectron = join(mkdtempSync(join(tmpdir(), 'signet-fuses-')), 'x');
    writeFileSync(notElectron, 'not electron');
    const bad = spawnSync(process.execPath, [checkScript, notElectron], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no fuse wire/i);
  });
});
