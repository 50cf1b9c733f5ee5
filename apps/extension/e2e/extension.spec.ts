// End to end: the built extension in a real Chromium → the built native host (started by the
// browser through the manifest in <userDataDir>/NativeMessagingHosts) → the bridge server →
// the sharing service → RGW. A right-click is the exposed menu handler (Playwright cannot click
// native menus); the clipboard is read back through a page; every link is fetched from RGW.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import type { SharingService } from '@signet/sharing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testS3 } from '../../../scripts/test-support/s3.js';
import {
  buildArtifacts,
  clickMenu,
  findHostPids,
  launchBrowser,
  readClipboard,
  writeClipboard,
  type TestBrowser,
} from './support/launch-browser.js';
import { createSignetFixture, type SignetFixture } from './support/signet-fixture.js';

const body = Buffer.from(`signet e2e ${Date.now()}\n`);
let f: SignetFixture;
let bucket: string;
let objectRef: string;
let browser: TestBrowser;
let gate: Promise<void> | undefined;

/** Requests for keys containing "slow" wait for `gate` (to kill the host mid-request). */
const withGate = (service: SharingService): SharingService => ({
  ...service,
  link: async (req) => {
    if (req.ref.includes('slow') && gate) await gate;
    return service.link(req);
  },
});

async function fetchBytes(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status, await res.clone().text()).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  const s3 = testS3();
  f = await createSignetFixture(s3, { 'reports/q3 final.txt': body, 'slow.txt': body });
  bucket = f.bucket;
  objectRef = `${s3.endpoint}/${bucket}/reports/q3%20final.txt`;
  const artifacts = await buildArtifacts();
  await f.startBridge({ wrap: withGate });
  browser = await launchBrowser({ ...artifacts, signetHome: f.home, links: [objectRef] });
});

afterAll(async () => {
  await browser?.close();
  await f?.dispose();
});

describe('extension ⇄ native host ⇄ bridge', () => {
  it('refuses an unapproved extension with where to approve it, then works once approved', async () => {
    const refused = await clickMenu(browser, { menuItemId: 'copy-link', linkUrl: objectRef });
    expect(refused).toMatchObject({ ok: false, code: 'NOT_APPROVED' });
    expect(refused.message).toContain(`signet bridge approve ${browser.origin}`);
    expect((await f.approvals.pending()).map((p) => p.origin)).toEqual([browser.origin]);

    await f.approvals.approve(browser.origin);
    await writeClipboard(browser, 'before');
    const done = await clickMenu(browser, { menuItemId: 'copy-link', linkUrl: objectRef });
    expect(done, JSON.stringify(done)).toMatchObject({ ok: true });
    expect(done.message).toMatch(/^Share link copied\. It works until .* \(1 day\)\.$/);
    const copied = await readClipboard(browser);
    expect(copied).toBe(done.url);
    expect(new URL(copied).searchParams.get('X-Amz-Expires')).toBe('86400');
    expect(await fetchBytes(copied)).toEqual(body);
  });

  it('signs s3:// selections with the chosen preset', async () => {
    const done = await clickMenu(browser, {
      menuItemId: 'copy-link:15m',
      selectionText: ` s3://${bucket}/reports/q3 final.txt `,
    });
    expect(done, JSON.stringify(done)).toMatchObject({ ok: true });
    expect(done.message).toContain('(15 minutes)');
    const copied = await readClipboard(browser);
    expect(new URL(copied).searchParams.get('X-Amz-Expires')).toBe('900');
    expect(await fetchBytes(copied)).toEqual(body);
  });

  it('uses the default expiry stored from the popup, and the popup lists the links', async () => {
    const popup = await browser.ctx.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('#status').getAttribute('data-state')).toBe('connected');
    await popup.selectOption('[data-testid=default-expiry]', '1h');
    await expect.poll(() => popup.locator('[data-testid=links] li').count()).toBeGreaterThanOrEqual(2);
    expect(await popup.locator('[data-testid=links] li').first().textContent()).toContain('q3 final.txt');
    await popup.close();
    const done = await clickMenu(browser, { menuItemId: 'copy-link', linkUrl: objectRef });
    expect(new URL(done.url!).searchParams.get('X-Amz-Expires')).toBe('3600');
  });

  it('says when an object is in no profile', async () => {
    const done = await clickMenu(browser, {
      menuItemId: 'copy-link',
      selectionText: 's3://someone-elses-bucket/file.bin',
    });
    expect(done).toMatchObject({ ok: false, code: 'NO_PROFILE_FOR_OBJECT' });
    expect(done.message).toMatch(/not in any of your Signet profiles/);
  });

  it('survives malformed and oversized frames on the socket and from the browser', async () => {
    const socket = connect(f.bridge()!.socketPath);
    await new Promise<void>((r) => socket.once('connect', () => r()));
    const big = Buffer.alloc(4 + 300_000);
    big.writeUInt32LE(300_000, 0);
    socket.write(Buffer.concat([Buffer.from([5, 0, 0, 0]), Buffer.from('{{{{{'), big]));
    await new Promise((r) => setTimeout(r, 100));
    socket.destroy();
    // A second port from the extension itself, sending a message of the wrong shape.
    const reply = await browser.sw.evaluate(
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
    expect(await clickMenu(browser, { menuItemId: 'copy-link', linkUrl: objectRef })).toMatchObject({ ok: true });
  });

  it('recovers on the next click after the host is killed mid-request', async () => {
    let open!: () => void;
    gate = new Promise<void>((r) => (open = r));
    const pending = clickMenu(browser, { menuItemId: 'copy-link', selectionText: `s3://${bucket}/slow.txt` });
    await expect.poll(() => findHostPids(f.home), { timeout: 5000 }).not.toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    for (const pid of await findHostPids(f.home)) process.kill(pid, 'SIGKILL');
    const failed = await pending;
    expect(failed).toMatchObject({ ok: false, code: 'HOST_DISCONNECTED' });
    expect(failed.message).toMatch(/connection to Signet was lost/);
    open();
    gate = undefined;
    const again = await clickMenu(browser, { menuItemId: 'copy-link', linkUrl: objectRef });
    expect(again).toMatchObject({ ok: true });
    expect(await fetchBytes(await readClipboard(browser))).toEqual(body);
  });

  it('says how to start Signet when it is not running, and works again once it is', async () => {
    await f.stopBridge();
    const down = await clickMenu(browser, { menuItemId: 'copy-link', linkUrl: objectRef });
    expect(down).toMatchObject({ ok: false, code: 'APP_NOT_RUNNING' });
    expect(down.message).toContain('signet serve');
    await f.startBridge({ wrap: withGate });
    expect(await clickMenu(browser, { menuItemId: 'copy-link', linkUrl: objectRef })).toMatchObject({ ok: true });
  });

  it('says the connector is not installed when the browser cannot find the host, and recovers once it is', async () => {
    const manifest = await readFile(browser.manifestPath, 'utf8');
    await rm(browser.manifestPath);
    for (const pid of await findHostPids(f.home)) process.kill(pid, 'SIGKILL'); // drop the open port
    await expect.poll(() => findHostPids(f.home)).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    const missing = await clickMenu(browser, { menuItemId: 'copy-link', linkUrl: objectRef });
    expect(missing).toMatchObject({ ok: false, code: 'HOST_NOT_INSTALLED' });
    expect(missing.message).toContain('signet native-host install');
    await writeFile(browser.manifestPath, manifest);
    expect(await clickMenu(browser, { menuItemId: 'copy-link', linkUrl: objectRef })).toMatchObject({ ok: true });
  });
});
