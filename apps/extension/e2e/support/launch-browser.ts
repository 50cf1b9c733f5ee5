// Test support: a real Chromium with the built (unpacked) extension, the native-host manifest in
// <userDataDir>/NativeMessagingHosts (the only place Chromium reads it from with a custom user data
// dir), and SIGNET_HOME in the browser's environment so the host it starts finds the test bridge.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installNativeHost } from '@signet/sharing';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { buildExtension } from '../../scripts/build.js';
import type { ClickInfo, ExtensionDriver, MenuOutcome } from './extension-driver.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

export interface TestBrowser {
  ctx: BrowserContext;
  sw: Worker;
  extensionId: string;
  origin: string;
  /** An http://127.0.0.1 page holding `links` (the clipboard is read through it). */
  page: Page;
  pageUrl: string;
  /** The host manifest Chromium reads (in <userDataDir>/NativeMessagingHosts). */
  manifestPath: string;
  close(): Promise<void>;
}

export async function buildArtifacts(): Promise<{ extDir: string; hostPath: string }> {
  const extDir = await buildExtension('chromium', '0.1.0', { dev: true, testHooks: true }); // pinned development id
  // build.mjs is plain JS (the desktop package has no TS build step for it); typed loosely here.
  const { buildNativeHost } = (await import(join(repo, 'apps/desktop/src/native-host/build.mjs'))) as {
    buildNativeHost: () => Promise<{ launcher: string }>;
  };
  const { launcher } = await buildNativeHost();
  return { extDir, hostPath: launcher };
}

export async function launchBrowser(o: {
  extDir: string;
  hostPath: string;
  signetHome: string;
  links: string[];
}): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'signet-chromium-'));
  const home = await mkdtemp(join(tmpdir(), 'signet-chromium-home-'));
  const { manifestPath } = await installNativeHost({
    browser: 'chromium',
    hostPath: o.hostPath,
    manifestDir: join(userDataDir, 'NativeMessagingHosts'),
    dev: true, // allow the development build's id (release installs allow the store id only)
  });
  const http: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><title>links</title>${o.links.map((l, i) => `<p><a id="l${i}" href="${l}">${l}</a></p>`).join('')}<p id="sel">s3://selected/text.txt</p>`,
    );
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const port = (http.address() as { port: number }).port;
  const pageUrl = `http://127.0.0.1:${port}/`;
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, HOME: home, SIGNET_HOME: o.signetHome } as Record<string, string>,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${o.extDir}`,
      `--load-extension=${o.extDir}`,
    ],
  });
  let [sw] = ctx.serviceWorkers();
  sw ??= await ctx.waitForEvent('serviceworker');
  const extensionId = new URL(sw.url()).host;
  const page = await ctx.newPage();
  await page.goto(pageUrl);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pageUrl.slice(0, -1) });
  return {
    ctx,
    sw,
    extensionId,
    origin: `chrome-extension://${extensionId}/`,
    page,
    pageUrl,
    manifestPath,
    async close() {
      await ctx.close();
      await new Promise<void>((r) => http.close(() => r()));
      await rm(userDataDir, { recursive: true, force: true });
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Calls the context-menu handler the service worker exposes, as a right-click on `info` would. */
function clickMenu(b: TestBrowser, info: ClickInfo): Promise<MenuOutcome> {
  return b.sw.evaluate(
    async ({ info, pageUrl }) => {
      const handler = (globalThis as unknown as { handleMenuClick: (i: unknown, t: unknown) => Promise<MenuOutcome> })
        .handleMenuClick;
      return handler({ frameId: 0, editable: false, pageUrl, ...info }, { url: pageUrl });
    },
    { info, pageUrl: b.pageUrl },
  );
}

async function readClipboard(b: TestBrowser): Promise<string> {
  await b.page.bringToFront();
  return b.page.evaluate(() => navigator.clipboard.readText());
}

/** Pids of native hosts started for this test's SIGNET_HOME (read from /proc). */
export async function findHostPids(signetHome: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes('signet-native-host')) continue; // the standalone host executable
      const environ = await readFile(`/proc/${entry}/environ`, 'utf8');
      if (environ.split('\0').includes(`SIGNET_HOME=${signetHome}`)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** The Chromium browser as the shared scenarios drive it (scenarios.ts). */
export function chromiumDriver(b: TestBrowser): ExtensionDriver {
  return {
    name: 'chromium',
    origin: b.origin,
    manifestPath: b.manifestPath,
    pageUrl: b.pageUrl,
    click: (info) => clickMenu(b, info),
    readClipboard: () => readClipboard(b),
    badge: () =>
      b.sw.evaluate(async () => ({
        text: await chrome.action.getBadgeText({}),
        color: [...(await chrome.action.getBadgeBackgroundColor({}))],
      })),
    syncMenus: () =>
      b.sw.evaluate(async () => {
        const menus = (
          globalThis as unknown as {
            signetMenus: { refresh(): Promise<void>; current(): { patterns: string[]; errors: string[] } };
          }
        ).signetMenus;
        await menus.refresh();
        return menus.current();
      }),
    async openPopup() {
      const page = await b.ctx.newPage();
      await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
      return {
        state: async () => (await page.locator('#status').getAttribute('data-state')) ?? '',
        text: async (selector) => (await page.locator(selector).first().textContent()) ?? '',
        visible: (selector) => page.locator(selector).first().isVisible(),
        count: (selector) => page.locator(selector).count(),
        select: async (selector, value) => {
          await page.selectOption(selector, value);
        },
        click: async (selector) => {
          await page.bringToFront();
          await page.click(selector);
        },
        close: () => page.close(),
      };
    },
    close: () => b.close(),
  };
}
