// The end-to-end behaviours every browser must show, written once and run by extension.spec.ts
// (Chromium) and firefox.spec.ts (Firefox ESR): the built extension → the built native host the
// browser starts → the bridge server → the sharing service → RGW. Every copied link is fetched
// from RGW; every "no link" says why in words; nothing dead is recorded in the history.
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { SharingService } from '@signet/sharing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testS3 } from '../../../../scripts/test-support/s3.js';
import type { ExtensionDriver } from './extension-driver.js';
import { findHostPids } from './launch-browser.js';
import { createSignetFixture, type SignetFixture } from './signet-fixture.js';

export interface ScenarioContext {
  f: SignetFixture;
  browser: ExtensionDriver;
  bucket: string;
  /** An S3 URL (path-style on RGW) of an object whose key has a space. */
  objectRef: string;
  body: Buffer;
}

export async function fetchBytes(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status, await res.clone().text()).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * Defines the shared describe block. `launch` starts the browser for the fixture's SIGNET_HOME;
 * `extra` adds browser-specific tests that run after the shared ones and before Signet is stopped.
 */
/**
 * The suite clicks far faster than a person (a dozen links in under a second on an idle machine),
 * so the shared scenarios run with a roomy limit; the real default (20 at once, then 5 a second)
 * has its own tests: rate-limiter.test.ts, the bridge attack tests and the popup's busy test in
 * extension.spec.ts.
 */
export const SUITE_RATE_LIMIT = { capacity: 1000, refillPerSecond: 1000 } as const;

export function defineExtensionScenarios(
  name: string,
  launch: (signetHome: string) => Promise<ExtensionDriver>,
  extra?: (ctx: () => ScenarioContext) => void,
  /** Wraps the service the bridge serves (a test gate to hold a request). */
  wrap?: (s: SharingService) => SharingService,
): void {
  const body = Buffer.from(`signet e2e ${Date.now()}\n`);
  let c: ScenarioContext;

  beforeAll(async () => {
    const s3 = testS3();
    const f = await createSignetFixture(s3, {
      'reports/q3 final.txt': body,
      'dossiers/été 2026.txt': body,
      'media/clip.mp4': body,
      'twins/a': body,
      'twins/a b': body,
      'slow.txt': body,
    });
    await f.startBridge({ rateLimit: SUITE_RATE_LIMIT, ...(wrap ? { wrap } : {}) });
    const browser = await launch(f.home);
    c = { f, browser, bucket: f.bucket, objectRef: `${s3.endpoint}/${f.bucket}/reports/q3%20final.txt`, body };
  });

  afterAll(async () => {
    await c?.browser.close();
    await c?.f.dispose();
  });

  describe(name, () => {
    it('refuses an unapproved extension, the popup shows the approval command, then updates once approved', async () => {
      const { f, browser } = c;
      const refused = await browser.click({ menuItemId: 'target/copy-link', linkUrl: c.objectRef });
      expect(refused).toMatchObject({ ok: false, code: 'NOT_APPROVED', level: 'error' });
      // Short in the notification; the whole command (with the origin) in the popup.
      expect(refused.message.length).toBeLessThanOrEqual(110);
      expect(refused.details).toContain(`signet bridge approve ${browser.origin}`);
      expect((await f.approvals.pending()).map((p) => p.origin)).toEqual([browser.origin]);

      const popup = await browser.openPopup();
      await expect.poll(() => popup.state(), { timeout: 10_000 }).toBe('not-approved');
      expect(await popup.text('[data-testid=approve-command]')).toBe(`signet bridge approve ${browser.origin}`);
      expect(await popup.visible('#recent-label')).toBe(false); // no empty "Recent links" when not connected
      await popup.click('[data-testid=copy-approve]');
      await expect.poll(() => popup.text('[data-testid=copy-approve]')).toBe('Copied');
      expect(await browser.readClipboard()).toBe(`signet bridge approve ${browser.origin}`);

      await f.approvals.approve(browser.origin);
      // The popup asks again by itself: no reopening.
      await expect.poll(() => popup.state(), { timeout: 10_000 }).toBe('connected');
      expect(await popup.visible('[data-testid=approve-command]')).toBe(false);
      expect(await popup.visible('#recent-label')).toBe(true);
      // The earlier "not approved" click is over: the popup no longer shows it as the last outcome.
      expect(await popup.visible('[data-testid=last]')).toBe(false);
      await popup.close();

      const done = await browser.click({ menuItemId: 'target/copy-link', linkUrl: c.objectRef });
      expect(done, JSON.stringify(done)).toMatchObject({ ok: true, level: 'ok', title: 'Share link copied' });
      expect(done.message).toMatch(/^q3 final\.txt · works until .+ \(1 day\) · profile e2e-/);
      expect(done.profileId).toMatch(/^e2e-/);
      expect(done.profileName).toBe(done.profileId); // the fixture's profile has no display name
      const copied = await browser.readClipboard();
      expect(copied).toBe(done.url);
      expect(new URL(copied).searchParams.get('X-Amz-Expires')).toBe('86400');
      expect(await fetchBytes(copied)).toEqual(c.body);
    });

    it('shows the page menu on the profiles’ own servers, following profile changes', async () => {
      const first = await c.browser.syncMenus();
      expect(first).toEqual({ patterns: ['*://127.0.0.1/*'], errors: [] }); // RGW's host, any port
      await c.f.service.saveProfile({
        id: 'minio',
        bucket: 'other-bucket',
        region: 'us-east-1',
        endpoint: 'https://minio.example.org:9000',
      });
      await c.f.service.saveProfile({
        id: 'cdn',
        bucket: 'media-bucket',
        link: { kind: 'cloudfront', domain: 'files.example.com', keyPairId: 'K2JCJMDEHXQW5F' },
      });
      expect(await c.browser.syncMenus()).toEqual({
        patterns: ['*://*.minio.example.org/*', '*://127.0.0.1/*', 'https://files.example.com/*'],
        errors: [],
      });
      await c.f.service.removeProfile('minio');
      await c.f.service.removeProfile('cdn');
      expect(await c.browser.syncMenus()).toEqual(first);
    });

    it('signs an image or video source with a preset', async () => {
      const src = `${testS3().endpoint}/${c.bucket}/media/clip.mp4`;
      const done = await c.browser.click({ menuItemId: 'target/copy-link:15m', srcUrl: src });
      expect(done, JSON.stringify(done)).toMatchObject({ ok: true });
      expect(done.message).toContain('(15 minutes)');
      const copied = await c.browser.readClipboard();
      expect(new URL(copied).searchParams.get('X-Amz-Expires')).toBe('900');
      expect(await fetchBytes(copied)).toEqual(c.body);
    });

    it('warns, in one sentence and one clock, when temporary credentials end the link early', async () => {
      const done = await c.browser.click({
        menuItemId: 'selection/copy-link:1d',
        selectionText: `s3://${c.f.tempBucket}/temp.txt`,
      });
      expect(done, JSON.stringify(done)).toMatchObject({ ok: true, level: 'warning' });
      expect(done.title).toBe('Link copied — ends when its credentials expire');
      expect(done.effectiveExpiresAt).toBe(c.f.tempExpiresAt.toISOString());
      // File, the one time (the computer's clock) and the signing profile, as for a plain success.
      expect(done.message).toMatch(/^temp\.txt · works until .+ \((2 hours|1 hour 59 minutes)\) · profile \S+$/);
      expect(done.message).not.toContain('UTC');
      expect(await fetchBytes(await c.browser.readClipboard())).toEqual(Buffer.from('temp'));
    });

    it('the badge: red "!" for no link, amber for a link that dies early, cleared by the next plain success', async () => {
      const missing = await c.browser.click({ menuItemId: 'target/copy-link', linkUrl: `${c.objectRef}-missing` });
      expect(missing).toMatchObject({ ok: false });
      expect(await c.browser.badge()).toEqual({ text: '!', color: [207, 34, 46, 255] });
      const early = await c.browser.click({
        menuItemId: 'selection/copy-link:1d',
        selectionText: `s3://${c.f.tempBucket}/temp.txt`,
      });
      expect(early).toMatchObject({ ok: true, level: 'warning' });
      expect(await c.browser.badge()).toEqual({ text: '!', color: [154, 103, 0, 255] });
      expect(await c.browser.click({ menuItemId: 'target/copy-link', linkUrl: c.objectRef })).toMatchObject({
        ok: true,
        level: 'ok',
      });
      expect((await c.browser.badge()).text).toBe('');
    });

    it('says "no such object" for a missing key and records nothing', async () => {
      const before = (await c.f.service.listLinks({ filter: 'all' })).length;
      const missing = `${testS3().endpoint}/${c.bucket}/reports/not-there.txt`;
      const clipboardBefore = await c.browser.readClipboard();
      const done = await c.browser.click({ menuItemId: 'target/copy-link', linkUrl: missing });
      // No dead link on the clipboard either: it still holds what it held.
      expect(await c.browser.readClipboard()).toBe(clipboardBefore);
      expect(done, JSON.stringify(done)).toMatchObject({ ok: false, code: 'NO_SUCH_OBJECT', title: 'No such object' });
      expect(done.message).toContain(`s3://${c.bucket}/reports/not-there.txt`);
      expect(done.url).toBeUndefined();
      const after = await c.f.service.listLinks({ filter: 'all' });
      expect(after.length).toBe(before);
      expect(after.some((l) => l.key === 'reports/not-there.txt')).toBe(false);
    });

    it('signs the key with spaces a sentence names, not the key cut at the first space', async () => {
      const done = await c.browser.click({
        menuItemId: 'selection/copy-link:1h',
        selectionText: `Le fichier s3://${c.bucket}/dossiers/été 2026.txt est prêt.`,
      });
      expect(done, JSON.stringify(done)).toMatchObject({ ok: true });
      expect(done.message).toMatch(/^été 2026\.txt · /);
      const copied = await c.browser.readClipboard();
      expect(decodeURIComponent(new URL(copied).pathname)).toBe(`/${c.bucket}/dossiers/été 2026.txt`);
      expect(await fetchBytes(copied)).toEqual(c.body);
      // Only the link that works is in the history (the probes of the other readings are not).
      const keys = (await c.f.service.listLinks({ filter: 'all' })).map((l) => l.key);
      expect(keys.filter((k) => k.startsWith('dossiers/'))).toEqual(['dossiers/été 2026.txt']);
    });

    it('refuses a selection that names two existing objects, in words', async () => {
      const done = await c.browser.click({
        menuItemId: 'selection/copy-link',
        selectionText: `see s3://${c.bucket}/twins/a b`,
      });
      expect(done).toMatchObject({ ok: false, code: 'AMBIGUOUS_REFERENCE' });
      expect(done.details).toContain(`s3://${c.bucket}/twins/a, s3://${c.bucket}/twins/a b`);
    });

    it('uses the default expiry chosen in the popup, and the popup rows show bucket, profile and time', async () => {
      const popup = await c.browser.openPopup();
      await expect.poll(() => popup.state(), { timeout: 10_000 }).toBe('connected');
      await popup.select('[data-testid=default-expiry]', '1h');
      await expect.poll(() => popup.count('[data-testid=links] li'), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      const row = await popup.text('[data-testid=links] li');
      expect(row).toContain(c.bucket);
      expect(row).toMatch(/e2e-\w+ · made .+ · .+ left/);
      expect(await popup.text('#last-text')).toMatch(/Which object\?/); // the last click, in full
      await popup.close();
      const done = await c.browser.click({ menuItemId: 'target/copy-link', linkUrl: c.objectRef });
      expect(new URL(done.url!).searchParams.get('X-Amz-Expires')).toBe('3600');
    });

    it('never signs an AWS URL with the RGW profile that has the same bucket name', async () => {
      // The profile's bucket, but on AWS: another server. Its link would have pointed at RGW.
      for (const ref of [
        `https://${c.bucket}.s3.eu-west-1.amazonaws.com/reports/q3%20final.txt`,
        `https://s3.amazonaws.com/${c.bucket}/reports/q3%20final.txt`,
        `https://s3.console.aws.amazon.com/s3/object/${c.bucket}?region=eu-west-1&prefix=reports/q3%20final.txt`,
      ]) {
        const done = await c.browser.click({ menuItemId: 'target/copy-link', linkUrl: ref });
        expect(done, JSON.stringify(done)).toMatchObject({ ok: false, code: 'NO_PROFILE_FOR_OBJECT' });
        expect(done.url).toBeUndefined();
      }
    });

    it('says what differs when the page says localhost and the profile 127.0.0.1', async () => {
      const local = testS3().endpoint.replace('//127.0.0.1', '//localhost');
      const done = await c.browser.click({
        menuItemId: 'target/copy-link',
        linkUrl: `${local}/${c.bucket}/reports/q3%20final.txt`,
      });
      expect(done, JSON.stringify(done)).toMatchObject({ ok: false, code: 'NO_PROFILE_FOR_OBJECT' });
      expect(done.details).toContain('localhost and 127.0.0.1 are the same computer but different host names');
      expect(done.details).not.toContain('signet profile add');
    });

    it('says when an object is in no profile', async () => {
      const done = await c.browser.click({
        menuItemId: 'selection/copy-link',
        selectionText: 's3://someone-elses-bucket/file.bin',
      });
      expect(done).toMatchObject({ ok: false, code: 'NO_PROFILE_FOR_OBJECT' });
      expect(done.message).toBe('No Signet profile covers this object. Details in the popup.');
    });

    extra?.(() => c);

    it('says how to start Signet when it is not running, and works again once it is', async () => {
      await c.f.stopBridge();
      const down = await c.browser.click({ menuItemId: 'target/copy-link', linkUrl: c.objectRef });
      expect(down).toMatchObject({
        ok: false,
        code: 'APP_NOT_RUNNING',
        message: 'Open the Signet app, then try again.',
      });
      expect(down.details).toContain('signet serve');
      await c.f.startBridge({ rateLimit: SUITE_RATE_LIMIT, ...(wrap ? { wrap } : {}) });
      expect(await c.browser.click({ menuItemId: 'target/copy-link', linkUrl: c.objectRef })).toMatchObject({
        ok: true,
      });
    });

    it('says the connector is missing when the browser cannot find the host, and recovers once it is back', async () => {
      const manifest = await readFile(c.browser.manifestPath, 'utf8');
      await rm(c.browser.manifestPath);
      for (const pid of await findHostPids(c.f.home)) process.kill(pid, 'SIGKILL'); // drop the open port
      await expect.poll(() => findHostPids(c.f.home)).toEqual([]);
      await new Promise((r) => setTimeout(r, 200));
      const missing = await c.browser.click({ menuItemId: 'target/copy-link', linkUrl: c.objectRef });
      expect(missing, JSON.stringify(missing)).toMatchObject({ ok: false, code: 'HOST_NOT_INSTALLED' });
      expect(missing.message).toBe('Install it in Signet: Settings → Browser integration.');
      await writeFile(c.browser.manifestPath, manifest);
      expect(await c.browser.click({ menuItemId: 'target/copy-link', linkUrl: c.objectRef })).toMatchObject({
        ok: true,
      });
    });
  });
}
