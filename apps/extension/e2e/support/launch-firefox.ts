// Test support: Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi (no
// geckodriver, nothing downloaded; ../shared/recipes/firefox-e2e.md). The Firefox build of the
// extension is installed as a temporary add-on; the native-messaging host manifest goes to
// $HOME/.mozilla/native-messaging-hosts with HOME pointing at a temp dir; SIGNET_HOME in the
// browser's environment lets the host it starts find the test bridge. A menu click is the handler
// the background page exposes, reached from an extension page (runtime.getBackgroundPage); the
// clipboard is read back by pasting into a textarea of an http://127.0.0.1 page.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIREFOX_EXTENSION_ID } from '@signet/protocol';
import { installNativeHost } from '@signet/sharing';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { buildExtension } from '../../scripts/build.js';
import type { ClickInfo, ExtensionDriver, MenuOutcome, PopupView } from './extension-driver.js';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export async function buildFirefoxExtension(): Promise<string> {
  return buildExtension('firefox', '0.1.0', { testHooks: true });
}

export async function launchFirefox(o: {
  extDir: string;
  hostPath: string;
  signetHome: string;
}): Promise<ExtensionDriver> {
  const home = await mkdtemp(join(tmpdir(), 'signet-firefox-home-'));
  const { manifestPath } = await installNativeHost({
    browser: 'firefox',
    hostPath: o.hostPath,
    manifestDir: join(home, '.mozilla', 'native-messaging-hosts'),
  });
  const http: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>paste</title><textarea id="paste"></textarea>');
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const pageUrl = `http://127.0.0.1:${(http.address() as { port: number }).port}/`;
  const uuid = randomUUID();
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    env: { ...process.env, HOME: home, SIGNET_HOME: o.signetHome, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: uuid }),
      // The clipboard is read back by a paste into the test page.
      'dom.events.asyncClipboard.readText': true,
      'dom.events.testing.asyncClipboard': true,
    },
  });
  try {
    await browser.installExtension(o.extDir);
    const base = `moz-extension://${uuid}/`;
    // The extension page the tests act from: its background page is one call away.
    const control = await openExtensionPage(browser, `${base}popup.html`);
    const paste = await browser.newPage();
    await paste.goto(pageUrl);
    return {
      name: 'firefox',
      origin: FIREFOX_EXTENSION_ID,
      manifestPath,
      pageUrl,
      click: (info) => clickMenu(control, info, pageUrl),
      readClipboard: () => readClipboard(paste),
      syncMenus: () => syncMenus(control),
      badge: () => badge(control),
      openPopup: async () => popupView(await openExtensionPage(browser, `${base}popup.html`)),
      async close() {
        await browser.close().catch(() => {});
        await new Promise<void>((r) => http.close(() => r()));
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser.close().catch(() => {});
    await new Promise<void>((r) => http.close(() => r()));
    throw err;
  }
}

/** Opens an extension page. page.goto may report a timeout for moz-extension:// pages: wait for the body instead. */
async function openExtensionPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 1500 }).catch(() => {});
  await page.waitForSelector('#status', { timeout: 10_000 });
  return page;
}

function clickMenu(page: Page, info: ClickInfo, pageUrl: string): Promise<MenuOutcome> {
  return page.evaluate(
    async (info, pageUrl) => {
      const bg = (await (
        globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<unknown> } } }
      ).browser.runtime.getBackgroundPage()) as {
        handleMenuClick: (i: unknown, t: unknown) => Promise<MenuOutcome>;
      };
      // JSON round trip: the outcome is an object of the background's compartment.
      return JSON.parse(
        JSON.stringify(await bg.handleMenuClick({ frameId: 0, editable: false, pageUrl, ...info }, { url: pageUrl })),
      ) as MenuOutcome;
    },
    info,
    pageUrl,
  );
}

function syncMenus(page: Page): Promise<{ patterns: string[]; errors: string[] }> {
  return page.evaluate(async () => {
    const bg = (await (
      globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<unknown> } } }
    ).browser.runtime.getBackgroundPage()) as {
      signetMenus: { refresh(): Promise<void>; current(): { patterns: string[]; errors: string[] } };
    };
    await bg.signetMenus.refresh();
    return JSON.parse(JSON.stringify(bg.signetMenus.current())) as { patterns: string[]; errors: string[] };
  });
}

/** Read from an extension page: Firefox keeps one badge per extension, like Chromium. */
function badge(page: Page): Promise<{ text: string; color: number[] }> {
  return page.evaluate(async () => {
    const action = (
      globalThis as unknown as {
        browser: {
          action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> };
        };
      }
    ).browser.action;
    return { text: await action.getBadgeText({}), color: [...(await action.getBadgeBackgroundColor({}))] };
  });
}

async function readClipboard(page: Page): Promise<string> {
  await page.bringToFront();
  await page.$eval('#paste', (el) => {
    (el as HTMLTextAreaElement).value = '';
    (el as HTMLTextAreaElement).focus();
  });
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  return page.$eval('#paste', (el) => (el as HTMLTextAreaElement).value);
}

function popupView(page: Page): PopupView {
  return {
    state: () => page.$eval('#status', (el) => (el as HTMLElement).dataset.state ?? ''),
    text: (selector) => page.$eval(selector, (el) => el.textContent ?? '').catch(() => ''),
    visible: (selector) => page.$eval(selector, (el) => !(el as HTMLElement).closest('[hidden]')).catch(() => false),
    count: (selector) => page.$$eval(selector, (els) => els.length),
    select: async (selector, value) => {
      await page.select(selector, value);
    },
    click: async (selector) => {
      await page.bringToFront();
      await page.click(selector);
    },
    close: () => page.close(),
  };
}
