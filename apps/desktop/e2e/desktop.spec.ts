// The desktop renderer end to end in Debian's Chromium. Electron cannot run on these machines,
// so the test harness plays the preload's role: the built renderer gets `window.signet` through
// page.exposeBinding, backed by the REAL main-process handlers (createDesktopHandlers) in this
// Node process, with the real sharing engine, the real keychain (scripts/with-keyring.sh) and a
// real S3 server (RGW). The one Electron-only piece is webUtils.getPathForFile: the harness maps
// a dropped file's name to the temp file the test wrote, and reports it to main's real
// registerDrop handler as the preload does. Nothing else is stubbed.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateBucketCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ApprovalStore, createSharingService, type SharingService } from '@signet/sharing';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';
import { createDesktopHandlers, type DesktopHandlers } from '../src/main/create-desktop-handlers.js';
import { createShortcutSetting } from '../src/main/global-shortcut.js';
import { GrantedPaths } from '../src/main/granted-paths.js';
import { createPreloadHandlers } from '../src/main/preload-handlers.js';
import { startThrottledProxy, type ThrottledProxy } from './throttled-proxy.js';
import type { DesktopApi, ProgressView } from '../src/shared/desktop-api.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
// SIGNET_E2E_RENDERER_DIR: serve an already built renderer instead (e.g. an older commit's, to
// show a test failing before a fix); by default the current sources are built first.
const prebuilt = process.env.SIGNET_E2E_RENDERER_DIR;
const rendererDir = prebuilt ?? join(appDir, 'dist', 'renderer');
const shots = join(appDir, 'test-results', 'screenshots');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

describe('desktop app (renderer in Chromium, real handlers, keychain and RGW)', () => {
  const bucket = uniqueBucket('desk');
  const home = mkdtempSync(join(tmpdir(), 'signet-desktop-'));
  const files = mkdtempSync(join(tmpdir(), 'signet-desktop-files-'));
  let server: Server;
  let origin: string;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let service: SharingService;
  let handlers: DesktopHandlers;
  /** What the user gave main (drops via registerDrop; the tray picker adds its paths directly, as index.ts does). */
  const granted = new GrantedPaths();
  /** Electron's globalShortcut cannot run here: a map in its place (the Electron-only piece, like webUtils). */
  const keys = new Map<string, () => void>();
  let shortcutPresses = 0;
  /** The handlers the page talks to (a test may point the window at another, empty home). */
  let active: DesktopHandlers;
  let admin: S3Client;
  /** RGW behind a slow uplink (3 MB/s), and RGW behind a line the test can cut. */
  let slow: ThrottledProxy;
  let flaky: ThrottledProxy;

  async function openApp(theme: 'light' | 'dark' = 'light'): Promise<Page> {
    const p = await ctx.newPage();
    await p.emulateMedia({ colorScheme: theme });
    await p.goto(`${origin}/index.html`);
    await p.evaluate((t) => localStorage.setItem('signet-theme', t), theme);
    await p.reload();
    await p.waitForSelector('.topbar');
    return p;
  }

  /** Drops real files (their bytes) on the drop zone, as a user's drag would. */
  async function drop(p: Page, name: string, bytes: Buffer) {
    const path = join(files, name);
    writeFileSync(path, bytes);
    await p.evaluate(
      ([n, fp]) => ((window as unknown as { __dropPaths: Record<string, string> }).__dropPaths[n] = fp),
      [name, path] as const,
    );
    const dt = await p.evaluateHandle(
      ({ b64, n }) => {
        const s = atob(b64);
        const a = new Uint8Array(s.length);
        for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
        const d = new DataTransfer();
        d.items.add(new File([a], n));
        return d;
      },
      { b64: bytes.subarray(0, 64).toString('base64'), n: name },
    );
    for (const ev of ['dragenter', 'dragover', 'drop'])
      await p.dispatchEvent('[data-testid=dropzone]', ev, { dataTransfer: dt });
    return path;
  }

  /** Everything the handlers send back to the page, to prove no secret ever reaches the renderer. */
  const toPage: string[] = [];
  const recordToPage = <T>(answer: T): T => (toPage.push(JSON.stringify(answer)), answer);

  /**
   * Waits until the newest result in the window shows `name` and says it is on the clipboard; a
   * share that failed instead fails with the window's message.
   */
  async function sharedOk(p: Page, name: string, timeout = 30_000) {
    const h = await p.waitForFunction(
      (n) => {
        const res = document.querySelector('.results');
        if (res?.textContent?.includes(n) && res.querySelector('[data-testid=copied]')) return 'ok';
        const failed = [...document.querySelectorAll('[data-testid=job-failed] [data-testid=error]')].pop();
        return failed ? `failed: ${failed.textContent}` : false;
      },
      name,
      { timeout },
    );
    const r = await h.jsonValue();
    if (r !== 'ok') throw new Error(`The share of ${name} failed in the window: ${String(r)}`);
  }

  /** The full text of the newest share error once there are more than `before` (details unfolded). */
  async function errorAfter(p: Page, before: number, timeout = 30_000): Promise<string> {
    await p.waitForFunction((n) => document.querySelectorAll('[data-testid=error]').length > n, before, { timeout });
    const last = p.locator('[data-testid=error]').last();
    const details = last.locator('details p');
    return (await details.count()) ? ((await details.textContent()) ?? '') : ((await last.textContent()) ?? '');
  }

  /** Runs axe-core on the page as it is now; every violation is listed by rule and element. */
  async function expectNoAxeViolations(p: Page, state: string) {
    const r = await new AxeBuilder({ page: p }).analyze();
    const found = r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(found, `axe violations in ${state}`).toEqual([]);
  }

  const clipboard = (p: Page) => p.evaluate(() => navigator.clipboard.readText());

  beforeAll(async () => {
    if (!prebuilt)
      execFileSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], { cwd: appDir, stdio: 'inherit' });
    server = createServer((req, res) => {
      const path = join(
        rendererDir,
        decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/+/, '') || 'index.html',
      );
      try {
        const body = readFileSync(path);
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const s3 = testS3();
    admin = testS3Client();
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    service = createSharingService({
      paths: { configDir: home, dataDir: home },
      upload: { partSize: 5 * 1024 * 1024, queueSize: 1 },
    });
    await service.saveProfile({
      id: 'work',
      name: 'Work',
      bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      defaultExpiry: '1d',
    });
    await service.setAwsSecret('work', { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    slow = await startThrottledProxy(s3.endpoint, 3 * 1024 * 1024);
    flaky = await startThrottledProxy(s3.endpoint, 4 * 1024 * 1024);
    for (const [id, name, endpoint] of [
      ['slow', 'Slow uplink', slow.endpoint],
      ['flaky', 'Flaky line', flaky.endpoint],
    ] as const) {
      await service.saveProfile({ id, name, bucket, region: s3.region, endpoint, forcePathStyle: true });
      await service.setAwsSecret(id, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    }

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    ctx = await browser.newContext({ viewport: { width: 1040, height: 860 } });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const pages = new Set<Page>();
    ctx.on('page', (p) => pages.add(p));
    handlers = createDesktopHandlers({
      service,
      approvals: new ApprovalStore(home),
      isTrustedSender: (url) => url.startsWith(`${origin}/`),
      emitProgress: (p: ProgressView) => {
        for (const pg of pages)
          void pg
            .evaluate((x) => (window as unknown as { __progress: (p: unknown) => void }).__progress(x), p)
            .catch(() => {});
      },
      openExternal: async () => {},
      startAtLogin: { get: () => false, set: () => {} },
      nativeHostPath: join(appDir, 'dist', 'signet-native-host'),
      grantedPaths: granted,
      shortcut: createShortcutSetting(
        home,
        { register: (a, cb) => (keys.set(a, cb), true), unregister: (a) => void keys.delete(a) },
        () => shortcutPresses++,
      ),
    });
    active = handlers;
    const preload = createPreloadHandlers({
      isTrustedSender: (url) => url.startsWith(`${origin}/`),
      grantedPaths: granted,
    });
    await ctx.exposeBinding('__signetRegisterDrop', (source, path: string) =>
      preload.registerDrop({ url: source.frame.url() }, [path]),
    );
    await ctx.exposeBinding('__signetInvoke', async (source, method: string, args: unknown[]) => {
      try {
        return recordToPage({
          ok: true,
          value: await (active as Record<string, (s: { url: string }, a: unknown[]) => Promise<unknown>>)[method]!(
            { url: source.frame.url() },
            args,
          ),
        });
      } catch (e) {
        return recordToPage({ ok: false, message: (e as Error).message });
      }
    });
    await ctx.addInitScript(() => {
      const w = window as unknown as Record<string, unknown> & {
        __signetInvoke: (m: string, a: unknown[]) => Promise<{ ok: boolean; value?: unknown; message?: string }>;
      };
      // main → renderer events (webContents.send in the app): onProgress, onApprovalRequest, onSharePaths
      const listeners: Record<string, Set<(p: unknown) => void>> = {};
      const emit = (event: string, p: unknown) => (listeners[event] ?? new Set()).forEach((l) => l(p));
      w.__dropPaths = {};
      w.__progress = (p: unknown) => emit('onProgress', p);
      w.__emit = emit;
      w.signet = new Proxy(
        {},
        {
          get: (_t, name: string) => {
            // webUtils.getPathForFile's stand-in, then what the preload does: report the path to main.
            if (name === 'pathForFile')
              return (f: File) => {
                const path = (w.__dropPaths as Record<string, string>)[f.name] ?? '';
                if (path) void (w.__signetRegisterDrop as (p: string) => Promise<void>)(path);
                return path;
              };
            if (/^on[A-Z]/.test(name))
              return (l: (p: unknown) => void) => (
                (listeners[name] ??= new Set()).add(l),
                () => listeners[name]!.delete(l)
              );
            return async (...args: unknown[]) => {
              const r = await w.__signetInvoke(name, args);
              if (!r.ok) throw new Error(r.message);
              return r.value;
            };
          },
        },
      );
    });
    page = await openApp();
  }, 120_000);

  afterAll(async () => {
    await slow?.close();
    await flaky?.close();
    await browser?.close();
    server?.close();
  });

  it('drop a file → progress → the link is on the clipboard → it returns the file’s bytes', async () => {
    const bytes = Buffer.alloc(12 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
    await drop(page, 'Quarterly report.pdf', bytes);
    await page.waitForSelector('[data-testid=progress]');
    await sharedOk(page, 'Quarterly report.pdf', 60_000);
    const url = await clipboard(page);
    expect(url).toMatch(/Quarterly%20report\.pdf\?X-Amz-Algorithm=/);
    expect(await page.inputValue('[data-testid=result-url]')).toBe(url);
    // The link can be dragged out of the window (into a mail, a chat) as a URL.
    const dragged = await page.evaluate(() => {
      const dt = new DataTransfer();
      document
        .querySelector('[data-testid=drag-link]')!
        .dispatchEvent(new DragEvent('dragstart', { dataTransfer: dt, bubbles: true }));
      return [dt.getData('text/uri-list'), dt.getData('text/plain')];
    });
    expect(dragged).toEqual([url, url]);
    const res = await fetch(url);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    await page.screenshot({ path: join(shots, 'result-card-light.png'), fullPage: true });
  });

  it('the chosen expiry is the link’s X-Amz-Expires', async () => {
    await page.click('[data-testid=expiry-15m]');
    await drop(page, 'fifteen.txt', Buffer.from('15 minutes'));
    await sharedOk(page, 'fifteen.txt');
    expect(new URL(await clipboard(page)).searchParams.get('X-Amz-Expires')).toBe('900');
    await page.click('[data-testid=expiry-7d]');
    await drop(page, 'week.txt', Buffer.from('7 days'));
    await page.waitForFunction(() =>
      document.querySelector<HTMLInputElement>('[data-testid=result-url]')?.value.includes('week.txt'),
    );
    expect(new URL(await clipboard(page)).searchParams.get('X-Amz-Expires')).toBe('604800');
  });

  it('a temporary-credential profile shows the shortened effective expiry and why', async () => {
    const s3 = testS3();
    await service.saveProfile({
      id: 'sts',
      name: 'Temporary',
      bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
    });
    await service.setAwsSecret('sts', {
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      sessionToken: 'session-token',
      expiration: new Date(Date.now() + 20 * 60_000).toISOString(),
    });
    const p = await openApp();
    await p.selectOption('[data-testid=profile-select]', 'sts');
    await p.click('[data-testid=expiry-1d]');
    await drop(p, 'temp.txt', Buffer.from('temp'));
    await p.waitForSelector('[data-testid=warning]');
    expect(await p.textContent('[data-testid=warning]')).toMatch(
      /temporary credentials that signed it expire \(you asked for 1 day\)/,
    );
    expect(await p.textContent('.result .facts')).toMatch(/You asked for/);
    await p.close();
  });

  it('cancel leaves no object and no orphaned parts', async () => {
    const p = await openApp();
    await drop(p, 'huge.bin', Buffer.alloc(60 * 1024 * 1024, 5));
    await p.waitForFunction(
      () => /\d+% ·/.test(document.querySelector('[data-testid=progress]')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await p.click('[data-testid=cancel]');
    expect(await errorAfter(p, 0)).toMatch(/cancelled; nothing was left on the server/);
    expect(await p.getByTestId('job-cancelled').getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await new Promise((r) => setTimeout(r, 500));
    expect((await admin.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toHaveLength(0);
    const objects = (await admin.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? [];
    expect(objects.some((o) => o.Key?.endsWith('huge.bin'))).toBe(false);
    await p.close();
  });

  it('history lists the links from this window and renew makes a fresh one', async () => {
    // Its own link, so the test runs alone too (vitest -t) and not only after the first tests.
    await drop(page, 'renew-me.txt', Buffer.from('renew me'));
    await sharedOk(page, 'renew-me.txt');
    await page.click('[data-testid=tab-history]');
    await page.waitForSelector('[data-testid=history]');
    expect(await page.textContent('[data-testid=history]')).toContain('renew-me.txt');
    await page.screenshot({ path: join(shots, 'history-light.png'), fullPage: true });
    await page.locator('tr', { hasText: 'renew-me.txt' }).first().locator('[data-testid=renew]').click();
    // The fresh link shows right under the row that was clicked, and is on the clipboard (as after a share).
    const card = page.locator('.renewed-row [data-testid=result-card]');
    await card.waitFor();
    const renewed = await card.locator('[data-testid=result-url]').inputValue();
    expect(renewed).toContain('renew-me.txt');
    expect(await clipboard(page)).toBe(renewed);
    expect(await page.textContent('[data-testid=history-message]')).toContain('copied to the clipboard');
    expect(await (await fetch(renewed)).text()).toBe('renew me');
    await page.click('[data-testid=tab-share]');
  });

  it('a damaged history line is reported above the list, which still shows every readable link', async () => {
    await drop(page, 'readable.txt', Buffer.from('still listed'));
    await sharedOk(page, 'readable.txt');
    const file = join(home, 'history.jsonl');
    const before = readFileSync(file);
    try {
      appendFileSync(file, '{"op":"add","record":{"id":"torn\n');
      await page.click('[data-testid=tab-history]');
      await page.click('[role=radio]:has-text("All")');
      await page.waitForSelector('[data-testid=history-problem]');
      expect(await page.textContent('[data-testid=history-problem]')).toMatch(
        /1 line\(s\) of the link history .*history\.jsonl cannot be read \(line \d+\)\. They are kept as they are and skipped/,
      );
      expect(await page.textContent('[data-testid=history]')).toContain('readable.txt');
      await page.screenshot({ path: join(shots, 'history-damaged-line.png'), fullPage: true });
      // Removing expired links compacts the file: the damaged line moves aside, kept, and the user is told where.
      await page.click('[data-testid=prune]');
      await page.waitForFunction(() =>
        /moved to/.test(document.querySelector('[data-testid=history-problem]')?.textContent ?? ''),
      );
      expect(await page.textContent('[data-testid=history-problem]')).toMatch(
        /1 damaged line\(s\) of the link history were moved to .*history\.damaged\.jsonl/,
      );
      expect(readFileSync(join(home, 'history.damaged.jsonl'), 'utf8')).toContain('{"op":"add","record":{"id":"torn');
      expect(await page.textContent('[data-testid=history-message]')).toMatch(/expired links? (was|were) removed/);
    } finally {
      writeFileSync(file, before);
    }
    await page.click('[role=radio]:has-text("Active")');
    await page.waitForFunction(() => !document.querySelector('[data-testid=history-problem]'));
    await page.click('[data-testid=tab-share]');
  });

  it('revoke shows describeRevocation’s words, deletes the object and the link stops working', async () => {
    await drop(page, 'revoke-me.txt', Buffer.from('revoke me'));
    await sharedOk(page, 'revoke-me.txt');
    const [rec] = await service.listLinks({ search: 'revoke-me.txt', filter: 'active' });
    expect(rec).toBeDefined();
    const url = await service.getLinkUrl(rec!.id);
    expect((await fetch(url)).status).toBe(200);
    const expected = (await service.describeRevocation(rec!.id)).message;
    await page.click('[data-testid=tab-history]');
    await page.waitForSelector('[data-testid=history]');
    const revokeButton = page.locator('tr', { hasText: 'revoke-me.txt' }).getByRole('button', { name: /Revoke/ });
    // A native modal dialog: focus moves in, Escape closes it, focus returns to the button.
    await revokeButton.click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke the link to revoke-me.txt?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(expected);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('dialog')?.matches(':modal'))).toBe(true);
    await expectNoAxeViolations(page, 'the revoke dialog');
    await page.screenshot({ path: join(shots, 'revoke-dialog-light.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await revokeButton.evaluate((b) => b === document.activeElement)).toBe(true);
    await revokeButton.click();
    await dialog.getByRole('button', { name: 'Delete the object' }).click();
    await page.waitForSelector('[data-testid=history-message]');
    expect(await page.textContent('[data-testid=history-message]')).toContain('no longer works');
    expect((await fetch(url)).status).toBe(404);
    expect((await service.listLinks({ search: 'revoke-me.txt', filter: 'all' }))[0]?.revokedAt).toBeDefined();
    // The revoked row offers no Renew (its object is gone: a new link would only answer 404).
    await page.click('[role=radio]:has-text("Expired")');
    const row = page.locator('tr', { hasText: 'revoke-me.txt' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Revoked');
    expect(await row.locator('[data-testid=renew]').count()).toBe(0);
    await page.click('[role=radio]:has-text("Active")');
    await page.click('[data-testid=tab-share]');
  });

  it('bad input shows a message in the window: an unreadable file, a profile without a key, a wrong bucket', async () => {
    const p = await openApp();
    await p.evaluate(
      () =>
        ((window as unknown as { __dropPaths: Record<string, string> }).__dropPaths['gone.txt'] =
          '/nonexistent/gone.txt'),
    );
    const dt = await p.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(['x'], 'gone.txt'));
      return d;
    });
    for (const ev of ['dragenter', 'dragover', 'drop'])
      await p.dispatchEvent('[data-testid=dropzone]', ev, { dataTransfer: dt });
    expect(await errorAfter(p, 0)).toMatch(/^\/nonexistent\/gone\.txt does not exist.*Nothing was uploaded\.$/);

    const s3 = testS3();
    await service.saveProfile({
      id: 'nokey',
      name: 'No key',
      bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
    });
    await service.saveProfile({
      id: 'wrong',
      name: 'Wrong bucket',
      bucket: 'no-such-bucket-desk',
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
    });
    await service.setAwsSecret('wrong', { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    await p.reload();
    await p.selectOption('[data-testid=profile-select]', 'nokey');
    await drop(p, 'a.txt', Buffer.from('a'));
    expect(await errorAfter(p, 0)).toMatch(/Profile "nokey" has no AWS access key in the keychain yet/);
    await p.selectOption('[data-testid=profile-select]', 'wrong');
    await drop(p, 'b.txt', Buffer.from('b'));
    expect(await errorAfter(p, 1)).toMatch(/The bucket( "no-such-bucket-desk")? does not exist/);
    await expectNoAxeViolations(p, 'failed shares');
    await p.screenshot({ path: join(shots, 'error-light.png'), fullPage: true });
    await p.close();
  });

  it('a locked keychain shows what to do in the window, and nothing is uploaded', async () => {
    const s3 = testS3();
    await service.saveProfile({
      id: 'locked',
      name: 'Locked',
      bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
    });
    await service.setAwsSecret('locked', { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    const p = await openApp();
    await p.selectOption('[data-testid=profile-select]', 'locked');
    execFileSync('gdbus', [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.secrets',
      '--object-path',
      '/org/freedesktop/secrets',
      '--method',
      'org.freedesktop.Secret.Service.Lock',
      "['/org/freedesktop/secrets/collection/login']",
    ]);
    try {
      await drop(p, 'while-locked.txt', Buffer.from('x'));
      expect(await errorAfter(p, 0)).toMatch(/Your keychain is locked\W+unlock it/i);
      await p.screenshot({ path: join(shots, 'keychain-locked-light.png'), fullPage: true });
    } finally {
      execFileSync('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--replace'], {
        input: process.env.SIGNET_TEST_KEYRING_PASSWORD ?? '',
      });
      await new Promise((r) => setTimeout(r, 500));
    }
    const objects = (await admin.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? [];
    expect(objects.some((o) => o.Key?.endsWith('while-locked.txt'))).toBe(false);
    await p.close();
  });

  it('a request from another page is refused by the handlers (sender check)', async () => {
    const other = await ctx.newPage();
    await other.goto('about:blank');
    const r = await other.evaluate(() =>
      (
        window as unknown as { __signetInvoke: (m: string, a: unknown[]) => Promise<{ ok: boolean; message?: string }> }
      ).__signetInvoke('listProfiles', []),
    );
    expect(r).toEqual({ ok: false, message: 'Refused: this request did not come from the Signet window.' });
    await other.close();
  });

  it('the expiry picker previews when the link ends, and says when it is the profile’s default', async () => {
    const p = await openApp();
    expect(await p.textContent('[data-testid=expiry-preview]')).toMatch(/^Until .+ · the profile’s default$/);
    await p.click('[data-testid=expiry-1h]');
    const text = (await p.textContent('[data-testid=expiry-preview]')) ?? '';
    expect(text).toMatch(/^Until /);
    expect(text).not.toContain('default');
    await p.close();
  });

  it('Settings: a profile added in the form gets its key into the keychain, tests fine, and the secret never comes back', async () => {
    const s3 = testS3();
    const p = await openApp();
    await p.click('[data-testid=tab-settings]');
    await p.click('summary:has-text("Add a profile")');
    const form = p.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Name', { exact: true }).fill('Client A');
    await form.getByLabel('Bucket').fill(bucket);
    await form.getByLabel('Region').fill(s3.region);
    await form.getByLabel('Endpoint (S3-compatible, optional)').fill(s3.endpoint);
    await form.getByLabel(/Path-style addressing/).check();
    await form.getByLabel('Access key id').fill(s3.accessKeyId);
    await form.getByLabel('Secret access key').fill(s3.secretAccessKey);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=settings-message]')?.textContent?.includes('saved'),
    );
    expect(await p.textContent('[data-testid=settings-message]')).toBe(
      'Profile “Client A” saved. Its access key is in the keychain.',
    );
    expect((await service.getProfile('client-a')).hasAwsSecret).toBe(true);
    const card = p.getByTestId('profile-client-a');
    await card.getByRole('button', { name: 'Test connection' }).click();
    await card.locator('[data-testid=profile-test].ok').waitFor();
    // the secret went main-ward once; nothing the handlers answered the page carries it
    expect(toPage.length).toBeGreaterThan(5);
    expect(toPage.filter((a) => a.includes(s3.secretAccessKey))).toEqual([]);
    await p.close();
  });

  it('Settings: a B2 endpoint typed in the profile form brings its region, unless a region was typed', async () => {
    const p = await openApp();
    await p.click('[data-testid=tab-settings]');
    await p.click('summary:has-text("Add a profile")');
    const form = p.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Name', { exact: true }).fill('Backblaze');
    await form.getByLabel('Bucket').fill('b2-files');
    const region = form.getByLabel('Region', { exact: true });
    const endpoint = form.getByLabel('Endpoint (S3-compatible, optional)');
    expect(await region.inputValue()).toBe('us-east-1');
    await form.screenshot({ path: join(shots, 'region-default-light.png') });
    // Typed key by key, as people do: the half-typed host names no region and changes nothing.
    await endpoint.pressSequentially('https://s3.us-west-004.backblazeb2.com');
    expect(await region.inputValue()).toBe('us-west-004');
    expect(await form.getByTestId('region-hint').textContent()).toBe('Region from the endpoint: us-west-004');
    await expectNoAxeViolations(p, 'the profile form with a region from the endpoint');
    await form.screenshot({ path: join(shots, 'region-from-endpoint-light.png') });
    await form.getByRole('button', { name: 'Save profile' }).click();
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=settings-message]')?.textContent?.includes('saved'),
    );
    expect((await service.getProfile('backblaze')).profile.region).toBe('us-west-004');

    // A region the user typed stays, whatever endpoint follows.
    await p.click('summary:has-text("Add a profile")');
    await form.getByLabel('Name', { exact: true }).fill('Wasabi EU');
    await form.getByLabel('Bucket').fill('wasabi-files');
    await region.fill('eu-central-2');
    await endpoint.fill('https://s3.eu-central-1.wasabisys.com');
    expect(await region.inputValue()).toBe('eu-central-2');
    expect(await form.getByTestId('region-hint').textContent()).toBe('');
    await p.close();
    await service.removeProfile('backblaze');
  });

  it('an extension asking for approval shows in the window and is approved from Settings', async () => {
    const extOrigin = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}/`;
    const approvals = new ApprovalStore(home);
    await approvals.request(extOrigin); // what the bridge server records on first contact
    const p = await openApp();
    await p.evaluate(
      (o) => (window as unknown as { __emit: (e: string, p: unknown) => void }).__emit('onApprovalRequest', o),
      extOrigin,
    );
    await p.getByTestId('approval-banner').getByRole('button', { name: 'Review…' }).click();
    const waiting = p.getByRole('list', { name: 'Extensions waiting for approval' });
    expect(await waiting.textContent()).toContain(extOrigin);
    await waiting.getByRole('button', { name: 'Approve' }).click();
    await p.getByText('Extension approved: it can now ask for links.').waitFor();
    expect(await approvals.isApproved(extOrigin)).toBe(true);
    await p.close();
  });

  it('“Share files…” from the tray or the menu shares the picked paths like a drop', async () => {
    const p = await openApp();
    const path = join(files, 'from-tray.txt');
    writeFileSync(path, 'picked in the native dialog');
    granted.add(path); // main records what its own picker returned (index.ts sharePaths)
    await p.evaluate(
      (fp) => (window as unknown as { __emit: (e: string, p: unknown) => void }).__emit('onSharePaths', [fp]),
      path,
    );
    await sharedOk(p, 'from-tray.txt');
    expect(await (await fetch(await clipboard(p))).text()).toBe('picked in the native dialog');
    await p.close();
  });

  it('a share outlives the view: Links and back mid-upload keeps progress, Cancel and the expiry; a second drop waits its turn', async () => {
    const p = await openApp();
    await p.selectOption('[data-testid=profile-select]', 'slow');
    await p.click('[data-testid=expiry-1h]');
    const size = 24 * 1024 * 1024; // about 8 s at 3 MB/s
    await drop(p, 'big-video.mov', Buffer.alloc(size, 7));
    await p.waitForFunction(
      () => /\d+% ·/.test(document.querySelector('[data-testid=progress]')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await p.click('[data-testid=tab-history]');
    // On the Links tab the running upload still shows, with its Cancel.
    await p.getByTestId('progress').getByRole('button', { name: 'Cancel the share of big-video.mov' }).waitFor();
    await p.click('[data-testid=tab-share]');
    expect(await p.getByTestId('expiry-1h').getAttribute('aria-checked')).toBe('true');
    expect(await p.inputValue('[data-testid=profile-select]')).toBe('slow');
    expect(await p.getByTestId('progress').textContent()).toContain('big-video.mov');
    // A second drop while the first runs is queued; the first keeps its progress and Cancel.
    await drop(p, 'notes.txt', Buffer.from('second'));
    await p.getByTestId('job-queued').waitFor();
    expect(await p.getByTestId('job-queued').textContent()).toContain('notes.txt');
    expect(await p.getByTestId('progress').textContent()).toContain('big-video.mov');
    expect(await p.textContent('[data-testid=notice]')).toMatch(/Queued: it starts when the current share is done/);
    await p.screenshot({ path: join(shots, 'queue-light.png') });
    await expectNoAxeViolations(p, 'a running and a queued share');
    await p.click('[data-testid=tab-history]');
    await expectNoAxeViolations(p, 'the Links tab during an upload');
    await p.screenshot({ path: join(shots, 'links-during-upload-light.png') });
    await p.click('[data-testid=tab-share]');
    // Both finish, in order; the clipboard ends with the second one's link, the first is in the history.
    await sharedOk(p, 'notes.txt', 120_000);
    const url = await clipboard(p);
    expect(await (await fetch(url)).text()).toBe('second');
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('3600');
    const [big] = await service.listLinks({ search: 'big-video.mov', filter: 'all' });
    expect(big?.file?.size).toBe(size);
    // A look at Links and back keeps the last result.
    await p.click('[data-testid=tab-history]');
    await p.click('[data-testid=tab-share]');
    expect(await p.locator('.results').textContent()).toContain('notes.txt');
    expect(await p.getByTestId('expiry-1h').getAttribute('aria-checked')).toBe('true');
    await p.close();
  }, 180_000);

  it('server lost mid-upload: a short message with the details folded away, and Retry once it answers again', async () => {
    const p = await openApp();
    await p.selectOption('[data-testid=profile-select]', 'flaky');
    const bytes = Buffer.alloc(20 * 1024 * 1024, 3);
    await drop(p, 'lost.bin', bytes);
    await p.waitForFunction(
      () => /[1-9]\d*% ·/.test(document.querySelector('[data-testid=progress]')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await flaky.cut();
    const failed = p.getByTestId('job-failed');
    await failed.waitFor({ timeout: 60_000 });
    const summary = (await failed.locator('[data-testid=error]').evaluate((e) => e.firstChild?.textContent)) ?? '';
    expect(summary.length).toBeLessThan(200);
    expect(await failed.locator('details summary').textContent()).toBe('Details');
    expect(await failed.locator('details p').isVisible()).toBe(false);
    expect(await errorAfter(p, 0)).toMatch(/lost\.bin failed: .*(could not be reached|try again|answered)/i);
    await expectNoAxeViolations(p, 'a failed share');
    await p.screenshot({ path: join(shots, 'server-lost-light.png') });
    await flaky.resume();
    await failed.getByRole('button', { name: 'Retry' }).click();
    await sharedOk(p, 'lost.bin', 60_000);
    expect(Buffer.from(await (await fetch(await clipboard(p))).arrayBuffer()).equals(bytes)).toBe(true);
    // The multipart upload the lost line left behind was aborted once the server answered again.
    const left = (await admin.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? [];
    expect(left.filter((u) => u.Key?.endsWith('lost.bin'))).toEqual([]);
    // ...and the window says so next to the result, in a polite live region (ShareResult.cleanedUp).
    expect(await p.locator('.results').textContent()).toMatch(
      /Cleaned up 1 unfinished upload \([^)]*lost\.bin\) left on the server when it was lost\./,
    );
    const note = p.getByTestId('cleaned-up');
    expect(await note.getAttribute('role')).toBe('status');
    expect(await note.isVisible()).toBe(true);
    await expectNoAxeViolations(p, 'a result with a cleaned-up note');
    await p.screenshot({ path: join(shots, 'cleaned-up-light.png') });
    await p.close();
  }, 120_000);

  it('a folder: "n of N" with total progress, a row per file by its exact path, compact results with Copy all / Copy one and one QR', async () => {
    const p = await openApp();
    await p.selectOption('[data-testid=profile-select]', 'slow');
    const dir = join(files, 'album');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'a.txt'), 'A');
    writeFileSync(join(dir, 'data.txt'), 'DATA');
    writeFileSync(join(dir, 'sub', 'deep.bin'), Buffer.alloc(9 * 1024 * 1024, 1));
    await p.evaluate(
      (fp) => ((window as unknown as { __dropPaths: Record<string, string> }).__dropPaths['album'] = fp),
      dir,
    );
    const dt = await p.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File([''], 'album'));
      return d;
    });
    for (const ev of ['dragenter', 'dragover', 'drop'])
      await p.dispatchEvent('[data-testid=dropzone]', ev, { dataTransfer: dt });
    // While deep.bin uploads: overall "3 of 3", and each row is the file with exactly that path.
    await p.waitForFunction(
      () => /3 of 3 · \d+% of/.test(document.querySelector('[data-testid=overall]')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    const rows = await p.$$eval('[data-testid=file-row]', (els) =>
      els.map((e) => [
        e.getAttribute('data-path'),
        e.querySelector('.name')?.textContent,
        e.querySelector('.nums')?.textContent,
      ]),
    );
    expect(rows.map((r) => r[0])).toEqual([join(dir, 'a.txt'), join(dir, 'data.txt'), join(dir, 'sub', 'deep.bin')]);
    expect(rows.map((r) => r[1])).toEqual(['album/a.txt', 'album/data.txt', 'album/sub/deep.bin']);
    // Finished rows say so, never "1 s left".
    expect(rows[0]![2]).toBe('Uploaded · 1 B');
    expect(rows[1]![2]).toBe('Uploaded · 4 B');
    await p.screenshot({ path: join(shots, 'folder-progress-light.png') });
    await expectNoAxeViolations(p, 'a folder upload');
    await sharedOk(p, 'deep.bin', 60_000);
    expect(await p.textContent('[data-testid=copied]')).toBe('3 links copied to the clipboard, one a line');
    const all = (await clipboard(p)).split('\n');
    expect(all).toHaveLength(3);
    const list = p.getByTestId('result-list');
    expect(await list.getByTestId('result-row').count()).toBe(3);
    // Each row names the file by its path in the folder: two IMG_0001.jpg in different sub-folders
    // must not look (and be announced) the same.
    expect(await list.locator('[data-testid=result-row] .name').allTextContents()).toEqual([
      'a.txt',
      'data.txt',
      'sub/deep.bin',
    ]);
    expect(await list.getByRole('button', { name: 'All copied ✓' }).count()).toBe(1);
    expect(await list.getByTestId('copy-one').filter({ hasText: 'Copied' }).count()).toBe(0);
    expect(await p.locator('img.qr').count()).toBe(0);
    // Copy one: that row says Copied, Copy all no longer does, the clipboard holds that one link.
    await list.getByRole('button', { name: 'Copy link to data.txt' }).click();
    await list.getByRole('button', { name: 'Copied link to data.txt' }).waitFor();
    const one = await clipboard(p);
    expect(await (await fetch(one)).text()).toBe('DATA');
    expect(await list.getByRole('button', { name: 'Copy all' }).count()).toBe(1);
    // The note above the list says what the clipboard holds now, not what it held after the share.
    await expect
      .poll(() => p.locator('.result-notes .toast').innerText())
      .toBe('The link to data.txt is on the clipboard');
    await list.getByRole('button', { name: 'Copy all' }).click();
    await expect
      .poll(() => p.locator('.result-notes .toast').innerText())
      .toBe('3 links copied to the clipboard, one a line');
    await list.getByRole('button', { name: 'Copy link to data.txt' }).click();
    await list.getByRole('button', { name: 'Copied link to data.txt' }).waitFor();
    // The rows stay a table: "Copied ✓" on one row moves no column, and the row buttons line up with Copy all.
    const edges = await list.evaluate((l) => {
      const right = (e: Element | null) => Math.round(e!.getBoundingClientRect().right);
      const rows = [...l.querySelectorAll('[data-testid=result-row]')];
      return {
        nums: [...new Set(rows.map((r) => right(r.querySelector('.nums'))))],
        actions: [
          ...new Set([
            right(l.querySelector('[data-testid=copy-all]')),
            ...rows.map((r) => right(r.querySelector('.row-actions'))),
          ]),
        ],
      };
    });
    expect(edges.nums, 'right edges of "time left"').toHaveLength(1);
    expect(edges.actions, 'right edges of Copy all and the row buttons').toHaveLength(1);
    await list.getByRole('button', { name: 'QR code of the link to a.txt' }).click();
    await list.getByRole('button', { name: 'QR code of the link to sub/deep.bin' }).click();
    expect(await p.locator('img.qr').count()).toBe(1);
    expect(await p.getByTestId('qr-box').textContent()).toContain('deep.bin');
    await expectNoAxeViolations(p, 'the result list');
    await p.screenshot({ path: join(shots, 'result-list-light.png'), fullPage: true });
    expect((await p.evaluate(() => document.documentElement.scrollHeight)) < 1600).toBe(true);
    await p.close();
  }, 120_000);

  it('attack: page script in the window asks main to share /proc/self/environ and ~/.ssh/id_rsa, open a phishing page, check a metadata URL', async () => {
    const p = await openApp();
    const tries = await p.evaluate(async () => {
      const api = (window as unknown as { signet: DesktopApi }).signet;
      const out: string[] = [];
      for (const path of ['/proc/self/environ', '/root/.ssh/id_rsa'])
        out.push(
          await api.share('evil', { paths: [path] }).then(
            () => 'SHARED',
            (e: Error) => e.message,
          ),
        );
      out.push(
        await api.openExternal('https://evil.example.com/login').then(
          () => 'OPENED',
          (e: Error) => e.message,
        ),
      );
      out.push(
        await api.checkLink('http://169.254.169.254/latest/meta-data/').then(
          () => 'FETCHED',
          (e: Error) => e.message,
        ),
      );
      out.push(
        await api.approveExtension(`chrome-extension://${'e'.repeat(32)}/`).then(
          () => 'APPROVED',
          (e: Error) => e.message,
        ),
      );
      return out;
    });
    expect(tries[0]).toMatch(/^Refused: Signet only shares files you dropped, pasted or picked/);
    expect(tries[1]).toMatch(/^Refused: Signet only shares files you dropped/);
    expect(tries[2]).toMatch(/^Refused: that page is not a link Signet made/);
    expect(tries[3]).toMatch(/^Refused: that address is not a link Signet made/);
    expect(tries[4]).toMatch(/^Refused: that extension has not asked to use Signet/);
    expect((await service.listLinks({ search: 'environ', filter: 'all' })).length).toBe(0);
    await p.close();
  });

  it('a CloudFront profile takes its private key from a picked .pem file (Keys on its card) into the keychain', async () => {
    await service.saveProfile({
      id: 'cfkey',
      name: 'CDN key',
      bucket,
      link: { kind: 'cloudfront', domain: 'd111111abcdef8.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F' },
    });
    expect((await service.getProfile('cfkey')).hasCloudFrontKey).toBe(false);
    const pemPath = join(files, 'cdn.pem');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    writeFileSync(pemPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const p = await openApp();
    await p.click('[data-testid=tab-settings]');
    const card = p.getByTestId('profile-cfkey');
    await card.locator('details.keys > summary').click();
    // The file as the window sees it; main gets its path the way the preload reports a real File.
    await p.evaluate(
      (fp) => ((window as unknown as { __dropPaths: Record<string, string> }).__dropPaths['cdn.pem'] = fp),
      pemPath,
    );
    await card.getByLabel('CloudFront private key (.pem)').setInputFiles(pemPath);
    await card.getByRole('button', { name: 'Save to the keychain' }).click();
    await expect.poll(async () => (await service.getProfile('cfkey')).hasCloudFrontKey, { timeout: 10_000 }).toBe(true);
    await service.removeProfile('cfkey');
    await p.close();
  });

  it('a profile can be fixed: edit every field, test before saving (with the link Signet would make), replace the key', async () => {
    const s3 = testS3();
    await service.saveProfile({
      id: 'editme',
      name: 'Broken endpoint',
      bucket,
      region: s3.region,
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
    });
    await service.setAwsSecret('editme', { accessKeyId: s3.accessKeyId, secretAccessKey: 'rotated-away' });
    const p = await openApp();
    await p.click('[data-testid=tab-settings]');
    const card = p.getByTestId('profile-editme');
    await card.getByTestId('edit-profile').click();
    const form = p.getByRole('form', { name: 'Edit profile Broken endpoint' });
    expect(await form.getByLabel('Bucket').inputValue()).toBe(bucket);
    expect(await form.getByTestId('profile-id').getAttribute('readonly')).not.toBeNull();
    // The broken endpoint fails the test before anything is saved.
    await form.getByTestId('test-draft').click();
    await form.locator('[data-testid=draft-test].bad').waitFor({ timeout: 30_000 });
    // Fix the endpoint: the stored (wrong) secret is used and refused, so the test says so.
    await form.getByLabel('Endpoint (S3-compatible, optional)').fill(s3.endpoint);
    await form.getByTestId('test-draft').click();
    await p.waitForFunction(() => {
      const t = document.querySelector('[data-testid=draft-test]');
      return t?.classList.contains('bad') && !/Testing/.test(t.textContent ?? '');
    });
    // Replace the key, test again: connected, and the link Signet would make is shown.
    await form.getByLabel('Access key id').fill(s3.accessKeyId);
    await form.getByLabel('Secret access key').fill(s3.secretAccessKey);
    await form.getByLabel('Name', { exact: true }).fill('Fixed');
    await form.getByLabel('Object names').fill('fixed/{name}');
    await form.getByLabel('Default expiry').selectOption('7d');
    // Every field of the profile can be changed here, not only some.
    for (const label of ['Bucket', 'Region', 'Endpoint (S3-compatible, optional)'])
      expect(await form.getByLabel(label, { exact: true }).isEditable(), label).toBe(true);
    // the kind ("Links": S3 presigned / CloudFront); a select's name includes its chosen option
    expect(await form.getByRole('combobox', { name: /^Links/ }).isEnabled()).toBe(true);
    expect(await form.getByLabel(/Path-style addressing/).isEnabled()).toBe(true);
    await form.getByTestId('test-draft').click();
    await form.locator('[data-testid=draft-test].ok').waitFor({ timeout: 30_000 });
    const sample = await form.getByTestId('draft-sample-url').inputValue();
    expect(sample).toMatch(new RegExp(`^${s3.endpoint}/${bucket}/signet-connection-test\\.txt\\?X-Amz-Algorithm=`));
    // Nothing was saved by the test.
    expect((await service.getProfile('editme')).profile.endpoint).toBe('http://127.0.0.1:9');
    // Test connection and Save do not touch (two buttons, not one split button).
    const testBox = (await form.getByTestId('test-draft').boundingBox())!;
    const saveBox = (await form.getByRole('button', { name: 'Save changes' }).boundingBox())!;
    expect(saveBox.x - (testBox.x + testBox.width)).toBeGreaterThanOrEqual(6);
    await expectNoAxeViolations(p, 'the edit-profile form');
    await p.screenshot({ path: join(shots, 'edit-profile-light.png'), fullPage: true });
    await form.getByRole('button', { name: 'Save changes' }).click();
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=settings-message]')?.textContent?.includes('Fixed'),
    );
    const saved = await service.getProfile('editme');
    expect(saved.profile).toMatchObject({
      name: 'Fixed',
      endpoint: s3.endpoint,
      keyTemplate: 'fixed/{name}',
      defaultExpiry: '7d',
    });
    expect((await service.testProfile('editme')).ok).toBe(true);
    await p.close();
  }, 90_000);

  it('a global shortcut, off by default, can be turned on in Settings and opens Share files…', async () => {
    const p = await openApp();
    await p.click('[data-testid=tab-settings]');
    const toggle = p.getByTestId('shortcut-toggle');
    await toggle.waitFor();
    await p.waitForFunction(() => !document.querySelector<HTMLInputElement>('[data-testid=shortcut-toggle]')?.disabled);
    expect(await toggle.isChecked()).toBe(false);
    expect(keys.size).toBe(0);
    // Shown and typed as the platform writes it (Ctrl+Shift+U), not Electron's CommandOrControl+….
    expect(await p.inputValue('[data-testid=shortcut-text]')).toBe('Ctrl+Shift+U');
    // A key main cannot register is refused in the window's words, and nothing is registered.
    await p.getByTestId('shortcut-text').fill('Ctrl+Shift+ü');
    await toggle.click();
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=settings-message]')?.textContent?.includes('needs a modifier'),
    );
    expect(await p.textContent('[data-testid=settings-message]')).toBe(
      'A shortcut needs a modifier (Ctrl, Alt, Shift or Super) and one key, e.g. Ctrl+Shift+U.',
    );
    expect(await toggle.isChecked()).toBe(false);
    expect(keys.size).toBe(0);
    await p.getByTestId('shortcut-text').fill('Ctrl+Alt+S');
    await toggle.click(); // the box follows the saved state, once main has registered the key
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=settings-message]')?.textContent?.includes('now opens Share files'),
    );
    expect(await p.textContent('[data-testid=settings-message]')).toContain('Ctrl+Alt+S now opens');
    expect([...keys.keys()]).toEqual(['CommandOrControl+Alt+S']);
    keys.get('CommandOrControl+Alt+S')!();
    expect(shortcutPresses).toBe(1);
    expect(JSON.parse(readFileSync(join(home, 'desktop-settings.json'), 'utf8'))).toEqual({
      shortcut: 'CommandOrControl+Alt+S',
    });
    await p.reload();
    await p.click('[data-testid=tab-settings]');
    await p.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-testid=shortcut-toggle]')?.checked);
    expect(await p.inputValue('[data-testid=shortcut-text]')).toBe('Ctrl+Alt+S');
    await p.getByTestId('shortcut-toggle').click();
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=settings-message]')?.textContent?.includes('shortcut is off'),
    );
    expect(keys.size).toBe(0);
    await p.close();
  });

  it('messages are spoken: each live region is in the page before its text comes, and the 7-day warning sits under the expiry', async () => {
    const p = await openApp();
    // Mark every live region there is now; a message must then arrive in a marked node (a region
    // added together with its text is not announced by most screen readers).
    const mark = () =>
      p.evaluate(() => {
        for (const el of document.querySelectorAll('[role=status], [role=alert], [aria-live]'))
          el.setAttribute('data-was-there', '');
      });
    const spokenIn = (testId: string) =>
      p.getByTestId(testId).evaluate((el) => ({
        wasThere: el.hasAttribute('data-was-there'),
        live: el.getAttribute('role') ?? el.getAttribute('aria-live'),
        shown: getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden',
      }));
    await mark();
    // The S3 7-day limit, said next to the control that caused it.
    const in30Days = new Date(Date.now() + 30 * 86_400_000);
    const local = new Date(in30Days.getTime() - in30Days.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await p.fill('[data-testid=expiry-custom]', local);
    const warning = p.getByTestId('expiry-warning');
    await expect.poll(() => warning.innerText()).toContain('S3 links live at most 7 days.');
    expect(await spokenIn('expiry-warning')).toEqual({ wasThere: true, live: 'alert', shown: true });
    const picker = (await p.locator('fieldset.expiry').boundingBox())!;
    const box = (await warning.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(picker.y + picker.height - 1);
    expect(box.y - (picker.y + picker.height)).toBeLessThan(48); // right under it, not at the page's end
    expect(box.x).toBeLessThan(picker.x + picker.width); // and in its column, not beside another field
    expect(box.x + box.width).toBeGreaterThan(picker.x);
    await p.click('[data-testid=expiry-1h]');
    await expect.poll(() => warning.innerText()).toBe('');
    // "Link copied" after a share.
    await drop(p, 'spoken.txt', Buffer.from('said aloud'));
    await sharedOk(p, 'spoken.txt');
    expect(await spokenIn('copied')).toEqual({ wasThere: true, live: 'status', shown: true });
    // Settings and Links: their message lines exist as soon as the view does.
    await p.click('[data-testid=tab-settings]');
    await p.getByTestId('settings-message').waitFor({ state: 'attached' });
    await mark();
    await p.getByTestId('shortcut-text').fill('F5');
    await p.getByTestId('shortcut-toggle').click();
    await expect.poll(() => p.getByTestId('settings-message').innerText()).toContain('needs a modifier');
    expect(await spokenIn('settings-message')).toEqual({ wasThere: true, live: 'status', shown: true });
    await p.close();
  });

  it('tabs and expiry presets move with the arrow keys (tablist/tabpanel, radiogroup)', async () => {
    const p = await openApp();
    await p.focus('[data-testid=tab-share]');
    await p.keyboard.press('ArrowRight');
    await p.getByRole('tabpanel', { name: 'Links' }).waitFor();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('tab-history');
    await p.keyboard.press('End');
    await p.getByRole('tabpanel', { name: 'Settings' }).waitFor();
    await p.keyboard.press('Home');
    await p.getByRole('tabpanel', { name: 'Share' }).waitFor();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('tab-share');
    // Tab reaches the checked preset only; arrows change the choice.
    await p.focus('[data-testid=expiry-1d]');
    expect(await p.getByTestId('expiry-15m').getAttribute('tabindex')).toBe('-1');
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'expiry-7d');
    expect(await p.getByTestId('expiry-7d').getAttribute('aria-checked')).toBe('true');
    await p.keyboard.press('ArrowLeft');
    await p.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'expiry-1d');
    expect(await p.getByTestId('expiry-1d').getAttribute('aria-checked')).toBe('true');
    await p.close();
  });

  it('a file pasted into the window is shared like a drop', async () => {
    const p = await openApp();
    const path = join(files, 'pasted.txt');
    writeFileSync(path, 'from the clipboard');
    await p.evaluate(
      ([n, fp]) => ((window as unknown as { __dropPaths: Record<string, string> }).__dropPaths[n] = fp),
      ['pasted.txt', path] as const,
    );
    await p.evaluate(() => {
      const d = new DataTransfer();
      d.items.add(new File(['from the clipboard'], 'pasted.txt'));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: d, bubbles: true }));
    });
    await sharedOk(p, 'pasted.txt');
    expect(await (await fetch(await clipboard(p))).text()).toBe('from the clipboard');
    await p.close();
  });

  it('first run: a loading state, then Welcome → Add a profile opens the form ready to type; any script gets an id or a reason', async () => {
    const emptyHome = mkdtempSync(join(tmpdir(), 'signet-desktop-empty-'));
    const empty = createSharingService({ paths: { configDir: emptyHome, dataDir: emptyHome } });
    // listProfiles answers late here, so the loading state can be seen instead of a Welcome flash
    let release!: () => void;
    const late = new Promise<void>((r) => (release = r));
    const base = createDesktopHandlers({
      service: empty,
      approvals: new ApprovalStore(emptyHome),
      isTrustedSender: (url) => url.startsWith(`${origin}/`),
      emitProgress: () => {},
      openExternal: async () => {},
      startAtLogin: { get: () => false, set: () => {} },
      nativeHostPath: join(appDir, 'dist', 'signet-native-host'),
      grantedPaths: granted,
    });
    active = { ...base, listProfiles: async (s, a) => (await late, base.listProfiles(s, a)) };
    try {
      const p = await ctx.newPage();
      await p.goto(`${origin}/index.html`);
      await p.getByTestId('loading').waitFor();
      expect(await p.getByText('Welcome to Signet').count()).toBe(0);
      release();
      await p.getByRole('heading', { name: 'Welcome to Signet' }).waitFor();
      await expectNoAxeViolations(p, 'Welcome');
      await p.screenshot({ path: join(shots, 'welcome-light.png') });
      await p.getByRole('button', { name: 'Add a profile' }).click();
      const form = p.getByRole('form', { name: 'New profile' });
      await form.waitFor();
      await p
        .waitForFunction(
          () => document.activeElement?.closest('form')?.getAttribute('aria-label') === 'New profile',
          undefined,
          { timeout: 3000 },
        )
        .catch(async (e: unknown) => {
          throw new Error(
            `focus is on ${await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 200))}: ${String(e)}`,
          );
        });
      await p.keyboard.type('Клиент');
      expect(await p.textContent('[data-testid=profile-id-hint]')).toMatch(/Save needs a short name in Latin letters/);
      expect(await form.getByRole('button', { name: 'Save profile' }).isDisabled()).toBe(true);
      await form.getByTestId('profile-id').fill('klient');
      expect(await p.textContent('[data-testid=profile-id-hint]')).toContain('Saved as “klient”');
      expect(await p.textContent('[data-testid=profile-id-hint]')).not.toContain('CLI');
      expect(await form.textContent()).not.toMatch(/profile id|for the CLI/i);
      // A failed save keeps everything typed.
      await form.getByLabel('Bucket').fill('Bad_Bucket');
      await form.getByLabel('Access key id').fill('AKIAEXAMPLE');
      await form.getByLabel('Secret access key').fill('typed-once');
      await form.getByRole('button', { name: 'Save profile' }).click();
      await p.getByTestId('add-profile-error').waitFor();
      expect(await form.getByLabel('Bucket').inputValue()).toBe('Bad_Bucket');
      expect(await form.getByLabel('Secret access key').inputValue()).toBe('typed-once');
      expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Клиент');
      // The connection-test line is empty (nothing tested yet): no empty grey box under the buttons.
      expect((await form.locator('[data-testid=draft-test]').boundingBox())?.height ?? 0).toBeLessThan(2);
      await expectNoAxeViolations(p, 'the add-profile form with an error');
      await p.screenshot({ path: join(shots, 'add-profile-error-light.png'), fullPage: true });
      await p.close();
    } finally {
      active = handlers;
    }
  });

  it('a view that fails to render shows what happened instead of a blank window; the other tabs still work', async () => {
    // A history answer the view cannot draw (a null record): the handlers answer it, nothing is stubbed in the page.
    active = { ...handlers, listLinks: async () => [null] as never };
    const p = await openApp();
    try {
      await p.click('[data-testid=tab-history]');
      const crashed = p.getByTestId('view-crashed');
      await crashed.waitFor();
      expect(await crashed.getByRole('heading').textContent()).toBe('This part of the window stopped working');
      expect(await p.locator('.topbar').isVisible()).toBe(true);
      await expectNoAxeViolations(p, 'a view that failed to render');
      await p.screenshot({ path: join(shots, 'view-crashed-light.png') });
      await p.click('[data-testid=tab-share]');
      await p.getByTestId('dropzone').waitFor();
      expect(await crashed.count()).toBe(0);
    } finally {
      active = handlers;
      await p.close();
    }
  });

  it('screenshots: main window, result card, history and settings, light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const p = await openApp(theme);
      await p.screenshot({ path: join(shots, `main-${theme}.png`), fullPage: true });
      if (theme === 'dark') {
        // The dark theme tells the browser too (native controls, scrollbars follow it).
        expect(await p.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
        await drop(p, 'Design review.pdf', Buffer.from('%PDF'));
        await p.waitForSelector('[data-testid=result-card]');
        await expectNoAxeViolations(p, 'the result card, dark');
        await p.screenshot({ path: join(shots, 'result-card-dark.png'), fullPage: true });
        await p.click('[data-testid=tab-history]');
        await p.waitForSelector('[data-testid=history]');
        await expectNoAxeViolations(p, 'the history, dark');
        await p.screenshot({ path: join(shots, 'history-dark.png'), fullPage: true });
      }
      await p.click('[data-testid=tab-settings]');
      await p.waitForSelector('.profiles');
      await expectNoAxeViolations(p, `Settings, ${theme}`);
      await p.screenshot({ path: join(shots, `settings-${theme}.png`), fullPage: true });
      await p.close();
    }
  });

  it.each([
    [800, 600],
    [1280, 800],
    [1920, 1080],
  ])(
    'at %i×%i every view is usable, axe finds nothing, and a new result is scrolled into view',
    async (width, height) => {
      const p = await ctx.newPage();
      await p.setViewportSize({ width, height });
      await p.goto(`${origin}/index.html`);
      await p.evaluate(() => localStorage.setItem('signet-theme', 'light'));
      await p.reload();
      await p.waitForSelector('[data-testid=dropzone]');
      await expectNoAxeViolations(p, `Share at ${width}×${height}`);
      await p.screenshot({ path: join(shots, `share-${width}x${height}.png`) });
      // Nothing wider than the window (no sideways scrolling).
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // The profile select shows the whole name of the longest profile.
      const fits = await p.$eval('[data-testid=profile-select]', (sel) => {
        const s = sel as HTMLSelectElement;
        const longest = [...s.options].map((o) => o.text).sort((a, b) => b.length - a.length)[0] ?? '';
        const c = document.createElement('canvas').getContext('2d')!;
        c.font = getComputedStyle(s).font;
        return c.measureText(longest).width + 32 <= s.clientWidth;
      });
      expect(fits).toBe(true);
      const name = `Quarterly numbers for the board meeting ${width}.pdf`;
      await drop(p, name, Buffer.from('numbers'));
      await sharedOk(p, name);
      await p.waitForTimeout(600); // the smooth scroll
      const box = await p.locator('[data-testid=result-card]').boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeLessThan(height);
      expect(box!.y + Math.min(box!.height, 120)).toBeLessThanOrEqual(height);
      await expectNoAxeViolations(p, `a result at ${width}×${height}`);
      await p.screenshot({ path: join(shots, `result-${width}x${height}.png`) });
      await p.click('[data-testid=tab-history]');
      await p.waitForSelector('[data-testid=history]');
      await expectNoAxeViolations(p, `Links at ${width}×${height}`);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // The file name gets the room: its column is the widest; from 1280 px up the whole name shows,
      // below that a cut name carries the full name as its tooltip.
      const heads = await p.$$eval('table.history thead th', (ths) => ths.map((t) => t.getBoundingClientRect().width));
      expect(heads[0], `File column ${heads.join(' / ')} px`).toBeGreaterThanOrEqual(Math.max(...heads.slice(1)));
      const cell = p.locator('tr', { hasText: name }).first().locator('.name');
      expect(await cell.getAttribute('title')).toBe(name);
      if (width >= 1280) expect(await cell.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      await p.screenshot({ path: join(shots, `history-${width}x${height}.png`) });
      await p.click('[data-testid=tab-settings]');
      await p.waitForSelector('.profiles');
      await expectNoAxeViolations(p, `Settings at ${width}×${height}`);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await p.screenshot({ path: join(shots, `settings-${width}x${height}.png`) });
      await p.close();
    },
  );
});
