import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_WEB_STORE_EXTENSION_ID } from '@signet/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS } from './browsers.js';
import { buildHostManifest } from './build-host-manifest.js';
import {
  installNativeHost,
  nativeHostStatus,
  uninstallNativeHost,
  type RunRegistryCommand,
} from './install-native-host.js';
import { planNativeHostInstall } from './plan-native-host-install.js';

const ID = 'loheciihofbchbhcnnmnapojpbafjpic';
let home: string;
let hostPath: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'signet-nmh-'));
  hostPath = join(home, 'bin', 'signet-native-host');
  await mkdir(join(home, 'bin'));
  await writeFile(hostPath, '#!/bin/sh\n');
  await chmod(hostPath, 0o755);
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('buildHostManifest', () => {
  it('lists exact origins for Chromium browsers and add-on ids for Firefox', () => {
    expect(buildHostManifest('chrome', '/opt/signet/host', [ID])).toEqual({
      name: 'app.signet.bridge',
      description: expect.any(String),
      path: '/opt/signet/host',
      type: 'stdio',
      allowed_origins: [`chrome-extension://${ID}/`],
    });
    expect(buildHostManifest('firefox', '/opt/signet/host', ['signet@signet.app'])).toMatchObject({
      allowed_extensions: ['signet@signet.app'],
    });
    expect(buildHostManifest('brave', '/h', [ID, `chrome-extension://${ID}/`])).toMatchObject({
      allowed_origins: [`chrome-extension://${ID}/`],
    });
  });

  it('refuses wildcards, malformed ids and empty lists', () => {
    expect(() => buildHostManifest('chrome', '/h', ['*'])).toThrow(/wildcards/);
    expect(() => buildHostManifest('chrome', '/h', ['chrome-extension://*/'])).toThrow(/wildcards/);
    expect(() => buildHostManifest('edge', '/h', ['ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP'])).toThrow();
    expect(() => buildHostManifest('firefox', '/h', ['*'])).toThrow(/Firefox/);
    expect(() => buildHostManifest('chrome', '/h', [])).toThrow(/at least one/);
  });
});

describe('planNativeHostInstall', () => {
  it('uses the per-user folder of each browser on Linux and macOS', () => {
    const at = (browser: (typeof BROWSERS)[number], platform: NodeJS.Platform) =>
      planNativeHostInstall({ browser, platform, homeDir: '/home/ana', hostPath: '/opt/h' }).manifestPath;
    expect(BROWSERS.map((b) => at(b, 'linux'))).toEqual([
      '/home/ana/.config/google-chrome/NativeMessagingHosts/app.signet.bridge.json',
      '/home/ana/.config/chromium/NativeMessagingHosts/app.signet.bridge.json',
      '/home/ana/.config/microsoft-edge/NativeMessagingHosts/app.signet.bridge.json',
      '/home/ana/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/app.signet.bridge.json',
      '/home/ana/.mozilla/native-messaging-hosts/app.signet.bridge.json',
    ]);
    expect(BROWSERS.map((b) => at(b, 'darwin'))).toEqual([
      '/home/ana/Library/Application Support/Google/Chrome/NativeMessagingHosts/app.signet.bridge.json',
      '/home/ana/Library/Application Support/Chromium/NativeMessagingHosts/app.signet.bridge.json',
      '/home/ana/Library/Application Support/Microsoft Edge/NativeMessagingHosts/app.signet.bridge.json',
      '/home/ana/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts/app.signet.bridge.json',
      '/home/ana/Library/Application Support/Mozilla/NativeMessagingHosts/app.signet.bridge.json',
    ]);
  });

  it('writes HKCU registry values with reg.exe on Windows', () => {
    const plan = planNativeHostInstall({
      browser: 'chrome',
      platform: 'win32',
      homeDir: 'C:\\Users\\Ana',
      hostPath: 'C:\\Program Files\\Signet\\signet-native-host.exe',
    });
    const manifestPath = 'C:\\Users\\Ana\\AppData\\Local\\Signet\\NativeMessagingHosts\\chrome\\app.signet.bridge.json';
    expect(plan.manifestPath).toBe(manifestPath);
    expect(plan.registry).toEqual({
      key: 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\app.signet.bridge',
      add: [
        'add',
        'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\app.signet.bridge',
        '/ve',
        '/t',
        'REG_SZ',
        '/d',
        manifestPath,
        '/f',
      ],
      remove: ['delete', 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\app.signet.bridge', '/f'],
      query: ['query', 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\app.signet.bridge', '/ve'],
    });
    const keys = BROWSERS.map(
      (browser) =>
        planNativeHostInstall({ browser, platform: 'win32', homeDir: 'C:\\Users\\Ana', hostPath: 'C:\\h.exe' }).registry
          ?.key,
    );
    expect(keys).toEqual([
      'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\app.signet.bridge',
      'HKCU\\Software\\Chromium\\NativeMessagingHosts\\app.signet.bridge',
      'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\app.signet.bridge',
      'HKCU\\Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts\\app.signet.bridge',
      'HKCU\\Software\\Mozilla\\NativeMessagingHosts\\app.signet.bridge',
    ]);
  });

  it('requires an absolute host path for the target OS', () => {
    expect(() =>
      planNativeHostInstall({ browser: 'chrome', platform: 'linux', homeDir: '/h', hostPath: 'bin/host' }),
    ).toThrow(/absolute/);
    expect(() =>
      planNativeHostInstall({ browser: 'chrome', platform: 'win32', homeDir: 'C:\\h', hostPath: '/usr/bin/host' }),
    ).toThrow(/absolute/);
  });

  it('defaults to the release ids only; the development id only when asked for (issue 11 item 2)', () => {
    expect(
      planNativeHostInstall({ browser: 'chromium', platform: 'linux', homeDir: '/h', hostPath: '/x' }).manifest,
    ).toEqual(expect.objectContaining({ allowed_origins: [`chrome-extension://${CHROME_WEB_STORE_EXTENSION_ID}/`] }));
    expect(
      planNativeHostInstall({ browser: 'chrome', platform: 'linux', homeDir: '/h', hostPath: '/x', dev: true })
        .manifest,
    ).toEqual(expect.objectContaining({ allowed_origins: [`chrome-extension://${ID}/`] }));
    expect(
      planNativeHostInstall({ browser: 'firefox', platform: 'linux', homeDir: '/h', hostPath: '/x', dev: true })
        .manifest,
    ).toMatchObject({ allowed_extensions: ['signet@signet.app'] });
    expect(
      planNativeHostInstall({ browser: 'firefox', platform: 'linux', homeDir: '/h', hostPath: '/x' }).manifest,
    ).toMatchObject({ allowed_extensions: ['signet@signet.app'] });
  });
});

describe('install / status / uninstall', () => {
  it('round-trips on Linux and macOS folders', async () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const plan = await installNativeHost({
        browser: 'chrome',
        platform,
        homeDir: home,
        hostPath,
        extensionIds: [ID],
      });
      expect(JSON.parse(await readFile(plan.manifestPath, 'utf8'))).toEqual(plan.manifest);
      const [status] = await nativeHostStatus({ browser: 'chrome', platform, homeDir: home });
      expect(status).toEqual({
        browser: 'chrome',
        manifestPath: plan.manifestPath,
        installed: true,
        hostPath,
        hostExecutable: true,
        allowed: [`chrome-extension://${ID}/`],
      });
      expect(await uninstallNativeHost({ browser: 'chrome', platform, homeDir: home })).toMatchObject({
        removed: true,
      });
      expect((await nativeHostStatus({ browser: 'chrome', platform, homeDir: home }))[0]).toMatchObject({
        installed: false,
      });
      expect(await uninstallNativeHost({ browser: 'chrome', platform, homeDir: home })).toMatchObject({
        removed: false,
      });
    }
  });

  it('reports every browser and a host that is gone', async () => {
    await installNativeHost({ browser: 'firefox', platform: 'linux', homeDir: home, hostPath });
    await rm(hostPath);
    const all = await nativeHostStatus({ platform: 'linux', homeDir: home });
    expect(all.map((s) => [s.browser, s.installed])).toEqual([
      ['chrome', false],
      ['chromium', false],
      ['edge', false],
      ['brave', false],
      ['firefox', true],
    ]);
    expect(all[4]).toMatchObject({ hostExecutable: false, problem: expect.stringContaining('missing') });
  });

  it('writes into a browser user-data dir when asked', async () => {
    const manifestDir = join(home, 'profile', 'NativeMessagingHosts');
    const plan = await installNativeHost({ browser: 'chromium', hostPath, manifestDir });
    expect(plan.manifestPath).toBe(join(manifestDir, 'app.signet.bridge.json'));
  });

  it('runs the registry commands on Windows (reg.exe is injected: it cannot run on this Linux machine)', async () => {
    const calls: string[][] = [];
    const reg: RunRegistryCommand = async (args) => {
      calls.push(args);
      return { ok: true, stdout: '' };
    };
    const windowsManifestRoot = join(home, 'win');
    // win32 path joins on a POSIX file system: only the registry part is checked here.
    const plan = await installNativeHost({
      browser: 'edge',
      platform: 'win32',
      homeDir: 'C:\\Users\\Ana',
      hostPath: 'C:\\Signet\\host.exe',
      windowsManifestRoot,
      runRegistry: reg,
    });
    expect(calls).toEqual([plan.registry!.add]);
    await nativeHostStatus({
      browser: 'edge',
      platform: 'win32',
      homeDir: 'C:\\Users\\Ana',
      windowsManifestRoot,
      runRegistry: reg,
    });
    expect(calls[1]).toEqual(plan.registry!.query);
    await uninstallNativeHost({
      browser: 'edge',
      platform: 'win32',
      homeDir: 'C:\\Users\\Ana',
      windowsManifestRoot,
      runRegistry: reg,
    });
    expect(calls[2]).toEqual(plan.registry!.remove);
    const failing: RunRegistryCommand = async () => ({ ok: false, stdout: '' });
    await expect(
      installNativeHost({
        browser: 'edge',
        platform: 'win32',
        homeDir: 'C:\\Users\\Ana',
        hostPath: 'C:\\Signet\\host.exe',
        windowsManifestRoot,
        runRegistry: failing,
      }),
    ).rejects.toThrow(/reg add/);
  });
});
