// End to end in a real Chromium: the shared scenarios (support/scenarios.ts) plus what only
// Chromium's harness can do here: a second raw port from the service worker, and killing the
// host mid-request. A right-click is the exposed menu handler (Playwright cannot click native
// menus); the clipboard is read back through a page; every link is fetched from RGW.
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SharingService } from '@signet/sharing';
import { expect, it } from 'vitest';
import {
  buildArtifacts,
  chromiumDriver,
  findHostPids,
  launchBrowser,
  type TestBrowser,
} from './support/launch-browser.js';
import { defineExtensionScenarios, fetchBytes, SUITE_RATE_LIMIT } from './support/scenarios.js';

let raw: TestBrowser;
let gate: Promise<void> | undefined;

/** Requests for keys containing "slow" wait for `gate` (to kill the host mid-request). */
const withGate = (service: SharingService): SharingService => ({
  ...service,
  link: async (req) => {
    if (req.ref.includes('slow') && gate) await gate;
    return service.link(req);
  },
});

defineExtensionScenarios(
  'Chromium: extension ⇄ native host ⇄ bridge',
  async (signetHome) => {
    raw = await launchBrowser({ ...(await buildArtifacts()), signetHome, links: [] });
    return chromiumDriver(raw);
  },
  (ctx) => {
    it('shows a red badge for no link and clears it on the next success', async () => {
      const { browser, bucket, objectRef } = ctx();
      const badge = () => raw.sw.evaluate(() => chrome.action.getBadgeText({}));
      await browser.click({ menuItemId: 'target/copy-link', linkUrl: `${objectRef}-missing` });
      expect(await badge()).toBe('!');
      expect(await raw.sw.evaluate(() => chrome.action.getTitle({}))).toMatch(/^Signet — No such object: /);
      expect(
        await browser.click({ menuItemId: 'selection/copy-link', selectionText: `s3://${bucket}/slow.txt` }),
      ).toMatchObject({ ok: true });
      expect(await badge()).toBe('');
      // A link that dies early is a warning (amber "!"), not a plain success.
      const early = await browser.click({
        menuItemId: 'selection/copy-link:1d',
        selectionText: `s3://${ctx().f.tempBucket}/temp.txt`,
      });
      expect(early).toMatchObject({ ok: true, level: 'warning' });
      expect(await badge()).toBe('!');
      expect(await raw.sw.evaluate(() => chrome.action.getBadgeBackgroundColor({}))).toEqual([154, 103, 0, 255]);
      // The notification is the primary feedback: it was raised (headless shows no pixels).
      expect(Object.keys(await raw.sw.evaluate(() => chrome.notifications.getAll()))).toEqual(['signet-outcome']);
    });

    it('lays the popup out in its own width: no sideways scrolling, each row readable', async () => {
      // Chromium sizes an action popup to its content; 340 px is popup.css's body width.
      const page = await raw.ctx.newPage();
      await page.setViewportSize({ width: 340, height: 560 });
      await page.goto(`chrome-extension://${raw.extensionId}/popup.html`);
      await expect
        .poll(() => page.locator('#status').getAttribute('data-state'), { timeout: 10_000 })
        .toBe('connected');
      // The recent links arrive in a second request after the status: give it time on a busy machine.
      await expect
        .poll(() => page.locator('[data-testid=links] li').count(), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(2);
      // The profiles that sign sit with the connection, above the list (not as a first "link" row).
      const profiles = page.getByTestId('profiles');
      expect(await profiles.innerText()).toMatch(/^Profiles: e2e-\S+ \(default\), temp-/);
      const [profilesTop, recentTop] = await Promise.all([
        profiles.evaluate((e) => e.getBoundingClientRect().top),
        page.locator('#recent-label').evaluate((e) => e.getBoundingClientRect().top),
      ]);
      expect(profilesTop).toBeLessThan(recentTop);
      expect(await page.locator('header').getByTestId('profiles').count()).toBe(1);
      // Look at it: the file lands next to the run's other temporary files.
      await page.screenshot({ path: join(tmpdir(), 'signet-e2e-popup-chromium.png'), fullPage: true });
      // Nothing wider than the popup's own box (body: 340 px + padding).
      const [scroll, box] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.body.offsetWidth,
      ]);
      expect(scroll).toBeLessThanOrEqual(box!);
      const rows = await page.locator('[data-testid=links] li').allInnerTexts();
      // Not four identical file names: rows differ by what they say about bucket, profile and time.
      expect(rows.every((r) => r.includes(ctx().bucket))).toBe(true);
      expect(
        rows.every((r) => /· made .+ · .+ left/.test(r)),
        rows.join('\n'),
      ).toBe(true);
      // Whole minutes, as the notification said ("1 hour"), not "59 minutes 59 seconds" a second later.
      expect(
        rows.filter((r) => /minutes? \d+ seconds? left/.test(r)),
        rows.join('\n'),
      ).toEqual([]);
      await page.close();
    });

    it('a busy bridge: the popup says so instead of "No links yet", then lists the links once it may ask again', async () => {
      const { f } = ctx();
      // A tight limit (3 at once, then 1 a second) so the drained state is certain, not a race.
      await f.stopBridge();
      await f.startBridge({ rateLimit: { capacity: 3, refillPerSecond: 1 }, wrap: withGate });
      try {
        await raw.sw.evaluate(
          () =>
            new Promise<void>((resolve) => {
              const port = chrome.runtime.connectNative('app.signet.bridge');
              let replies = 0;
              port.onMessage.addListener(() => {
                if (++replies < 6) return;
                port.disconnect();
                resolve();
              });
              for (let i = 0; i < 6; i++) port.postMessage({ v: 1, id: `drain-${i}`, type: 'status', params: {} });
            }),
        );
        const page = await raw.ctx.newPage();
        await page.goto(`chrome-extension://${raw.extensionId}/popup.html`);
        const empty = page.getByTestId('links-empty');
        await expect
          .poll(async () => ((await empty.isVisible()) ? await empty.innerText() : ''), {
            timeout: 10_000,
            interval: 50,
          })
          .toBe('Signet is busy with other requests from this browser. Asking again in a moment…');
        // The popup asks again by itself (backing off, so its own tries let the limit refill).
        await expect
          .poll(() => page.locator('[data-testid=links] li').count(), { timeout: 20_000 })
          .toBeGreaterThanOrEqual(2);
        expect(await empty.isVisible()).toBe(false);
        await page.close();
      } finally {
        await f.stopBridge();
        await f.startBridge({ rateLimit: SUITE_RATE_LIMIT, wrap: withGate });
      }
    });

    it('a profile added while the browser runs reaches the page menu when the person moves to a page', async () => {
      const { f } = ctx();
      const patterns = () =>
        raw.sw.evaluate(() =>
          (globalThis as unknown as { signetMenus: { current(): { patterns: string[] } } }).signetMenus.current(),
        );
      await f.service.saveProfile({
        id: 'later-ceph',
        bucket: 'later-bucket',
        region: 'us-east-1',
        endpoint: 'https://ceph.later.example.net',
      });
      try {
        // Asked at most once a minute on page changes: make that minute be over (it is kept in
        // session storage, so a restarted service worker keeps it too).
        await raw.sw.evaluate(() => chrome.storage.session.remove('menusAskedAt'));
        const page = await raw.ctx.newPage();
        await page.goto(raw.pageUrl);
        await expect
          .poll(async () => (await patterns()).patterns, { timeout: 5000 })
          .toContain('*://*.ceph.later.example.net/*');
        // And not again within the minute: another page change asks nothing.
        await f.service.removeProfile('later-ceph');
        await page.goto(`${raw.pageUrl}?again`);
        await new Promise((r) => setTimeout(r, 500));
        expect((await patterns()).patterns).toContain('*://*.ceph.later.example.net/*');
        await page.close();
      } finally {
        await f.service.removeProfile('later-ceph').catch(() => undefined);
        await raw.sw.evaluate(() =>
          (globalThis as unknown as { signetMenus: { refresh(): Promise<void> } }).signetMenus.refresh(),
        );
      }
    });

    it('survives malformed and oversized frames on the socket and from the browser', async () => {
      const { f, browser, objectRef } = ctx();
      const socket = connect(f.bridge()!.socketPath);
      await new Promise<void>((r) => socket.once('connect', () => r()));
      const big = Buffer.alloc(4 + 300_000);
      big.writeUInt32LE(300_000, 0);
      socket.write(Buffer.concat([Buffer.from([5, 0, 0, 0]), Buffer.from('{{{{{'), big]));
      await new Promise((r) => setTimeout(r, 100));
      socket.destroy();
      // A second port from the extension itself, sending a message of the wrong shape.
      const reply = await raw.sw.evaluate(
        () =>
          new Promise((resolve) => {
            const port = chrome.runtime.connectNative('app.signet.bridge');
            port.onMessage.addListener((m) => {
              resolve(m);
              port.disconnect();
            });
            port.postMessage({ v: 1, id: 'odd', type: 'link', params: { ref: 42 } });
          }),
      );
      expect(reply).toMatchObject({ id: 'odd', ok: false, error: { code: 'BAD_REQUEST' } });
      expect(await browser.click({ menuItemId: 'target/copy-link', linkUrl: objectRef })).toMatchObject({ ok: true });
    });

    it('recovers on the next click after the host is killed mid-request', async () => {
      const { f, browser, objectRef, bucket, body } = ctx();
      let open!: () => void;
      gate = new Promise<void>((r) => (open = r));
      const pending = browser.click({ menuItemId: 'selection/copy-link', selectionText: `s3://${bucket}/slow.txt` });
      await expect.poll(() => findHostPids(f.home), { timeout: 5000 }).not.toEqual([]);
      await new Promise((r) => setTimeout(r, 200));
      for (const pid of await findHostPids(f.home)) process.kill(pid, 'SIGKILL');
      const failed = await pending;
      expect(failed).toMatchObject({ ok: false, code: 'HOST_DISCONNECTED' });
      expect(failed.message).toBe('The connection to Signet was lost. Try again.');
      open();
      gate = undefined;
      const again = await browser.click({ menuItemId: 'target/copy-link', linkUrl: objectRef });
      expect(again).toMatchObject({ ok: true });
      expect(await fetchBytes(await browser.readClipboard())).toEqual(body);
    });
  },
  withGate,
);
