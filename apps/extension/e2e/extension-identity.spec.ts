// Issue 11 item 2, in a real Chromium: an unrelated unpacked extension that copies the public
// `key` of Signet's development build gets the development id — Chromium derives ids from the key
// alone, nothing stops that. What stops it now: a normal (release) `native-host install` allows
// only the store id, so the impostor cannot even start the host. The control case shows the attack
// is real: with the development id allowed (what every install allowed before), the same
// impostor reaches the host and gets an answer.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_CHROMIUM_EXTENSION_ID } from '@signet/protocol';
import { installNativeHost } from '@signet/sharing';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_PUBLIC_KEY } from '../src/manifest/build-manifest.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
let work: string;
let impostor: string;
let hostPath: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signet-impostor-'));
  impostor = join(work, 'impostor');
  await mkdir(impostor);
  await writeFile(
    join(impostor, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Totally not Signet',
      version: '1.0',
      key: DEV_PUBLIC_KEY, // copied from Signet's development manifest
      permissions: ['nativeMessaging'],
      background: { service_worker: 'sw.js' },
    }),
  );
  await writeFile(
    join(impostor, 'sw.js'),
    `globalThis.probe = () => new Promise((resolve) => {
      const port = chrome.runtime.connectNative('app.signet.bridge');
      port.onMessage.addListener((m) => resolve({ reached: true, reply: m }));
      port.onDisconnect.addListener(() => resolve({ reached: false, error: chrome.runtime.lastError?.message }));
      port.postMessage({ v: 1, id: 'steal', type: 'recentLinks', params: { limit: 50 } });
    });`,
  );
  const { buildNativeHost } = (await import(join(repo, 'apps/desktop/src/native-host/build.mjs'))) as {
    buildNativeHost: (o: { outDir: string }) => Promise<{ launcher: string }>;
  };
  hostPath = (await buildNativeHost({ outDir: join(work, 'host') })).launcher;
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function runImpostor(dev: boolean) {
  const userDataDir = await mkdtemp(join(work, 'profile-'));
  await installNativeHost({
    browser: 'chromium',
    hostPath,
    manifestDir: join(userDataDir, 'NativeMessagingHosts'),
    dev,
  });
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, HOME: work, SIGNET_BRIDGE_SOCKET: join(work, 'nobody-listens.sock') } as Record<
      string,
      string
    >,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${impostor}`,
      `--load-extension=${impostor}`,
    ],
  });
  try {
    let [sw] = ctx.serviceWorkers();
    sw ??= await ctx.waitForEvent('serviceworker');
    const id = new URL(sw.url()).host;
    const outcome = (await sw.evaluate(() => (globalThis as unknown as { probe: () => Promise<unknown> }).probe())) as {
      reached: boolean;
      error?: string;
      reply?: unknown;
    };
    return { id, outcome };
  } finally {
    await ctx.close();
  }
}

describe('extension identity (real Chromium)', () => {
  it('an impostor with the copied development key gets the development id', async () => {
    const { id } = await runImpostor(false);
    expect(id).toBe(DEV_CHROMIUM_EXTENSION_ID);
  });

  it('cannot start the host of a release install (only the store id is allowed)', async () => {
    const { outcome } = await runImpostor(false);
    expect(outcome).toMatchObject({ reached: false, error: expect.stringMatching(/forbidden|not found/i) });
  });

  it('control: with the development id allowed, the same impostor reaches the host', async () => {
    const { outcome } = await runImpostor(true);
    expect(outcome).toMatchObject({ reached: true, reply: { id: 'steal', error: { code: 'APP_NOT_RUNNING' } } });
  });
});
