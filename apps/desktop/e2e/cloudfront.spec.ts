// "Set up CloudFront" and "Check setup" end to end: the built renderer in Debian's Chromium, its
// window.signet backed by the REAL main-process handlers (createDesktopHandlers) and sharing
// service in this Node process — the preload's role played by the harness, as in desktop.spec.ts.
// Which server each part talks to:
//   CloudFront + STS control plane → moto_server (scripts/test-support/moto.ts), started here;
//   bucket, bucket policy, Block Public Access → Ceph RGW; the private key → the real keychain
//   (scripts/with-keyring.sh). Electron does not run here (see the README); nothing else is stubbed.
// moto 5.2 does not keep an origin's OriginAccessControlId, so "Origin access" is a problem against
// it; and it has no DeleteKeyGroup, so a rolled-back run leaves its key group (named, with the command).
// Deployment: moto reports a new distribution Deployed at once by default; its state manager
// (POST /moto-api/state-manager/set-transition) holds it InProgress until the test lets it go, so
// the window's "Deploying…" → "Deployed" is seen against moto's own GetDistribution answers.
// Key rotation needs UpdateKeyGroup, which moto 5.2 lacks: that test's handlers talk to moto
// through scripts/test-support/moto-key-groups.ts (UpdateKeyGroup / DeleteKeyGroup answered in
// AWS's documented shape there, everything else moto's own answer), in a browser context of its own.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateBucketCommand, PutPublicAccessBlockCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  ApprovalStore,
  createSharingService,
  generateSigningKey,
  SecretStore,
  type SharingService,
} from '@signet/sharing';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyGroupFront, type KeyGroupFront } from '../../../scripts/test-support/moto-key-groups.js';
import { startMoto, type RunningMoto } from '../../../scripts/test-support/moto.js';
import { testS3, testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';
import { createDesktopHandlers, type DesktopHandlers } from '../src/main/create-desktop-handlers.js';
import { GrantedPaths } from '../src/main/granted-paths.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const prebuilt = process.env.SIGNET_E2E_RENDERER_DIR;
const rendererDir = prebuilt ?? join(appDir, 'dist', 'renderer');
const shots = join(appDir, 'test-results', 'screenshots');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};
const SIZES = [
  [800, 600],
  [1280, 800],
] as const;
const blockAll = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

describe('desktop CloudFront set-up and Check setup (Chromium; CloudFront/STS: moto; S3: RGW; keychain)', () => {
  const home = mkdtempSync(join(tmpdir(), 'signet-desktop-cf-'));
  const bucket = uniqueBucket('deskcfe');
  const id = `media${randomBytes(2).toString('hex')}`;
  let moto: RunningMoto;
  let front: KeyGroupFront;
  let server: Server;
  let origin: string;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let admin: S3Client;
  let secrets: SecretStore;
  let service: SharingService;
  let handlers: DesktopHandlers;
  /** The same config, keychain and history, with CloudFront behind the key-group front (rotation). */
  let rotCtx: BrowserContext;
  /** Everything the handlers send back to the page, to prove no private key reaches the renderer. */
  const toPage: string[] = [];
  /** The methods the pages called, in order (how often the window polled the deployment). */
  const invoked: string[] = [];

  async function expectNoAxeViolations(p: Page, state: string) {
    const r = await new AxeBuilder({ page: p }).analyze();
    const found = r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(found, `axe violations in ${state}`).toEqual([]);
  }
  /** Screenshots of the element at both window sizes (and axe at each), then back to the first. */
  async function shoot(p: Page, name: string, selector: string) {
    for (const [width, height] of SIZES) {
      await p.setViewportSize({ width, height });
      await p.locator(selector).scrollIntoViewIfNeeded();
      await p.screenshot({ path: join(shots, `${name}-${width}x${height}.png`) });
      await expectNoAxeViolations(p, `${name} at ${width}×${height}`);
      expect(
        await p.evaluate(() => document.documentElement.scrollWidth),
        `${name}: no sideways scroll`,
      ).toBeLessThanOrEqual(width);
    }
  }
  async function s3Profile(pid: string, b: string, name: string) {
    const s3 = testS3();
    await admin.send(new CreateBucketCommand({ Bucket: b }));
    await service.saveProfile(
      { id: pid, name, bucket: b, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true },
      { aws: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } },
    );
  }
  /** The set-up's outcome in the window; an IPC error (shown as cf-error) fails with its words. */
  async function setupOutcome(p: Page) {
    await p.waitForSelector('[data-testid=cf-result], [data-testid=cf-error]', { timeout: 60_000 });
    const err = p.locator('[data-testid=cf-error]');
    if (await err.count()) throw new Error(`The set-up failed in the window: ${await err.innerText()}`);
    return p.locator('[data-testid=cf-result]');
  }
  /** The preload's role: window.signet in the page calls the real handlers in this process. */
  async function exposeHandlers(c: BrowserContext, h: () => DesktopHandlers) {
    await c.exposeBinding('__signetInvoke', async (source, method: string, args: unknown[]) => {
      let answer: { ok: boolean; value?: unknown; message?: string };
      invoked.push(method);
      try {
        answer = {
          ok: true,
          value: await (h() as unknown as Record<string, (s: { url: string }, a: unknown[]) => Promise<unknown>>)[
            method
          ]!({ url: source.frame.url() }, args),
        };
      } catch (e) {
        answer = { ok: false, message: (e as Error).message };
      }
      toPage.push(JSON.stringify(answer));
      return answer;
    });
    await c.addInitScript(() => {
      const w = window as unknown as Record<string, unknown> & {
        __signetInvoke: (m: string, a: unknown[]) => Promise<{ ok: boolean; value?: unknown; message?: string }>;
      };
      w.signet = new Proxy(
        {},
        {
          get: (_t, name: string) => {
            if (name === 'pathForFile') return () => '';
            if (/^on[A-Z]/.test(name)) return () => () => {};
            return async (...args: unknown[]) => {
              const r = await w.__signetInvoke(name, args);
              if (!r.ok) throw new Error(r.message);
              return r.value;
            };
          },
        },
      );
    });
  }
  /** The key ids in the key group the profile's distribution trusts, read back with the aws CLI (through the front). */
  async function keyGroupItems(domain: string): Promise<string[]> {
    // Asynchronously: the front answers in this very process.
    const aws = async (...args: string[]): Promise<unknown> =>
      JSON.parse(
        (
          await promisify(execFile)(
            'aws',
            ['--endpoint-url', front.endpoint, '--output', 'json', 'cloudfront', ...args],
            {
              env: {
                ...process.env,
                AWS_ACCESS_KEY_ID: 'test',
                AWS_SECRET_ACCESS_KEY: 'test',
                AWS_DEFAULT_REGION: 'us-east-1',
              },
              encoding: 'utf8',
              timeout: 30_000,
            },
          )
        ).stdout,
      );
    // moto's ListDistributions summary has no behaviours: the id from it, the config by id.
    const list = (await aws('list-distributions')) as {
      DistributionList: { Items: { Id: string; DomainName: string }[] };
    };
    const dist = list.DistributionList.Items.find((d) => d.DomainName === domain);
    const config = (await aws('get-distribution-config', '--id', dist!.Id)) as {
      DistributionConfig: { DefaultCacheBehavior: { TrustedKeyGroups: { Items: string[] } } };
    };
    const groupId = config.DistributionConfig.DefaultCacheBehavior.TrustedKeyGroups.Items[0]!;
    const group = (await aws('get-key-group', '--id', groupId)) as {
      KeyGroup: { KeyGroupConfig: { Items: string[] } };
    };
    return group.KeyGroup.KeyGroupConfig.Items;
  }
  /** moto's state manager: hold new distributions InProgress, or let them report Deployed (its default). */
  async function motoDistributionsDeploy(what: 'hold' | 'release') {
    const r = await fetch(
      `${moto.endpoint}/moto-api/state-manager/${what === 'hold' ? 'set-transition' : 'unset-transition'}`,
      {
        method: 'POST',
        body: JSON.stringify({
          model_name: 'cloudfront::distribution',
          ...(what === 'hold' ? { transition: { progression: 'manual', times: 1_000_000 } } : {}),
        }),
      },
    );
    expect(r.ok, `moto state manager: ${r.status} ${await r.text()}`).toBe(true);
  }
  async function openSettings(c: BrowserContext = ctx): Promise<Page> {
    const p = await c.newPage();
    await p.goto(`${origin}/index.html`);
    await p.evaluate(() => localStorage.setItem('signet-theme', 'light'));
    await p.reload();
    await p.waitForSelector('.topbar');
    await p.click('[data-testid=tab-settings]');
    await p.getByRole('tabpanel', { name: 'Settings' }).waitFor();
    return p;
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
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

    moto = await startMoto();
    front = await startKeyGroupFront(moto.endpoint);
    admin = testS3Client();
    secrets = new SecretStore({ service: `signet-desktop-cf-e2e-${randomBytes(4).toString('hex')}` });
    service = createSharingService({ paths: { configDir: home, dataDir: home }, secrets, env: { ...moto.env } });
    await s3Profile(id, bucket, 'Media');
    handlers = createDesktopHandlers({
      service,
      approvals: new ApprovalStore(home),
      isTrustedSender: (url) => url.startsWith(`${origin}/`),
      emitProgress: () => {},
      openExternal: async () => {},
      startAtLogin: { get: () => false, set: () => {} },
      nativeHostPath: join(appDir, 'dist', 'signet-native-host'),
      grantedPaths: new GrantedPaths(),
    });

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    ctx = await browser.newContext({ viewport: { width: SIZES[0][0], height: SIZES[0][1] } });
    await exposeHandlers(ctx, () => handlers);
    const rotService = createSharingService({
      paths: { configDir: home, dataDir: home },
      secrets,
      env: { ...front.env },
    });
    const rotHandlers = createDesktopHandlers({
      service: rotService,
      approvals: new ApprovalStore(home),
      isTrustedSender: (url) => url.startsWith(`${origin}/`),
      emitProgress: () => {},
      openExternal: async () => {},
      startAtLogin: { get: () => false, set: () => {} },
      nativeHostPath: join(appDir, 'dist', 'signet-native-host'),
      grantedPaths: new GrantedPaths(),
    });
    rotCtx = await browser.newContext({ viewport: { width: SIZES[0][0], height: SIZES[0][1] } });
    await exposeHandlers(rotCtx, () => rotHandlers);
    page = await openSettings();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    await front?.close();
    await moto?.stop();
  });

  it('an S3 link asked for more than 7 days offers "Set up CloudFront…", which opens the form for that bucket', async () => {
    const p = await ctx.newPage();
    await p.goto(`${origin}/index.html`);
    await p.waitForSelector('[data-testid=dropzone]');
    const in30Days = new Date(Date.now() + 30 * 86_400_000);
    const local = new Date(in30Days.getTime() - in30Days.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await p.fill('[data-testid=expiry-custom]', local);
    const warning = p.locator('[data-testid=expiry-warning]');
    await expect.poll(() => warning.innerText()).toContain('S3 links live at most 7 days.');
    await shoot(p, 'expiry-offer-cloudfront', '[data-testid=expiry-warning]');
    await p.click('[data-testid=expiry-setup-cloudfront]');
    await p.getByRole('tabpanel', { name: 'Settings' }).waitFor();
    await p.waitForSelector('[data-testid=cf-plan]');
    expect(await p.inputValue('[data-testid=cf-profile]')).toBe(id);
    await p.close();
  }, 60_000);

  it('Settings → Set up CloudFront → the dry-run plan → Apply → the profile links through CloudFront', async () => {
    await page.click('[data-testid=cf-open]');
    await page.selectOption('[data-testid=cf-profile]', id);
    await page.click('[data-testid=cf-plan]');
    await page.waitForSelector('[data-testid=cf-plan-view]');
    const steps = page.locator('.cf-step');
    expect(await steps.count()).toBe(8);
    const plan = await page.locator('[data-testid=cf-plan-view]').innerText();
    expect(plan).toContain('Nothing has changed yet');
    expect(plan).toContain('cloudfront:CreatePublicKey');
    expect(plan).toContain('cloudfront:CreateDistribution');
    expect(plan).toContain('s3:PutBucketPolicy');
    // The whole dry-run text, with the bucket-policy diff, is there too.
    await page.click('[data-testid=cf-plan-view] summary');
    expect(await page.locator('[data-testid=cf-plan-text]').innerText()).toMatch(/\+ .*"cloudfront\.amazonaws\.com"/);
    expect((await service.getProfile(id)).profile.link.kind).toBe('s3'); // nothing applied by the plan
    await shoot(page, 'cloudfront-plan', '[data-testid=cf-plan-view]');

    // moto holds the new distribution InProgress (its state manager) until we let it go below
    // (or, should this test fail first, in the next one's set-up: the later tests need it Deployed).
    await motoDistributionsDeploy('hold');
    await page.click('[data-testid=cf-apply]');
    const result = await setupOutcome(page);
    expect(await result.getAttribute('role')).toBe('status');
    expect(await result.innerText()).toMatch(/now makes CloudFront links through \S+\.cloudfront\.net/);
    const deploy = page.locator('[data-testid=cf-deploy]');
    await expect.poll(() => deploy.innerText(), { timeout: 15_000 }).toMatch(/InProgress/);
    expect(await deploy.innerText()).toContain('Deploying… CloudFront usually takes 5–15 minutes');
    expect(await deploy.getAttribute('data-deployed')).toBe('false');
    await shoot(page, 'cloudfront-deploying', '[data-testid=cf-deploy]');
    const domain = (await service.getProfile(id)).profile.link;
    if (domain.kind !== 'cloudfront') throw new Error('not a CloudFront profile');
    // moto now answers Deployed; the window's next poll (every ~10 s) says the links work.
    await motoDistributionsDeploy('release');
    await expect.poll(() => deploy.getAttribute('data-deployed'), { timeout: 25_000, interval: 500 }).toBe('true');
    expect(await deploy.innerText()).toContain(`Deployed: links through ${domain.domain} work now`);
    expect(await deploy.innerText()).not.toContain('Deploying…');
    // Deployed: the window stops asking (no call in the next 10-second interval and a bit).
    const polls = () => invoked.filter((m) => m === 'cloudFrontDeployment').length;
    const seen = polls();
    expect(seen).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(11_000);
    expect(polls()).toBe(seen);
    for (const s of await steps.all()) expect(['done', 'skipped']).toContain(await s.getAttribute('data-state'));
    expect((await service.getProfile(id)).profile.link.kind).toBe('cloudfront');
    const card = page.locator(`[data-testid=profile-${id}]`);
    await expect.poll(() => card.innerText()).toMatch(/CloudFront \S+\.cloudfront\.net/);
    expect(await card.innerText()).toContain('CloudFront key in the keychain');
    await shoot(page, 'cloudfront-applied', '[data-testid=cf-result]');
    // Told of this window, not of `--wait` or `signet doctor`.
    const applied = await page.locator('[data-testid=cf-result]').innerText();
    expect(applied).toContain('This window says when.');
    expect(applied).not.toMatch(/signet |--wait/);
  }, 120_000);

  it('Check setup on the new profile shows each check OK or a problem with its fix', async () => {
    await motoDistributionsDeploy('release');
    // Block Public Access on after the policy (RGW refuses the OAC statement while it is on).
    await admin.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: blockAll }));
    const card = page.locator(`[data-testid=profile-${id}]`);
    await card.locator('[data-testid=check-setup-button]').click();
    const report = card.locator('[data-testid=doctor-report]');
    await report.waitFor({ timeout: 30_000 });
    const key = report.locator('[data-testid=doctor-signing-key]');
    expect(await key.getAttribute('data-status')).toBe('ok');
    expect(await key.innerText()).toMatch(/^✓ OK/);
    expect(await report.locator('[data-testid=doctor-credentials]').getAttribute('data-status')).toBe('ok');
    // moto drops the origin's OAC id (see the header): the one problem, shown with its fix.
    const problems = await report.locator('[data-status=problem]').all();
    expect(await Promise.all(problems.map((p) => p.getAttribute('data-testid')))).toEqual(['doctor-origin-access']);
    expect(await problems[0]!.innerText()).toMatch(/Problem[\s\S]*Fix: /);
    await shoot(page, 'check-setup-ok', `[data-testid=profile-${id}] [data-testid=doctor-report]`);
  }, 60_000);

  it('a broken configuration (a different key than the one in the group) shows the problem and its fix', async () => {
    const other = await generateSigningKey();
    await secrets.setCloudFrontKey(id, other.privatePem);
    const card = page.locator(`[data-testid=profile-${id}]`);
    await card.locator('[data-testid=check-setup-button]').click(); // "Check again"
    const key = card.locator('[data-testid=doctor-signing-key]');
    await expect.poll(() => key.getAttribute('data-status'), { timeout: 30_000 }).toBe('problem');
    const text = await key.innerText();
    expect(text).toMatch(/^✗ Problem/);
    expect(text).toContain('it is not the public half of the private key in the keychain');
    // The fix names the window's own controls, not the CLI's commands.
    expect(text).toMatch(/Fix: .*"Rotate signing key…" on the profile's card in Settings/);
    expect(text).not.toMatch(/signet |--[a-z]/);
    expect(await card.locator('[data-testid=doctor-report] h4').innerText()).toMatch(/2 problems found/);
    await shoot(page, 'check-setup-broken', `[data-testid=profile-${id}] [data-testid=doctor-signing-key]`);
    // The private key never reached the page, in any answer.
    const body = other.privatePem.split('\n').filter((l) => l && !l.startsWith('-----'))[0]!;
    for (const a of toPage) {
      expect(a).not.toContain('PRIVATE KEY');
      expect(a).not.toContain(body);
    }
  }, 60_000);

  it('Rotate signing key… (retire later) → a new key signs; Retire old key now, confirmed → it leaves the group (CloudFront: moto + key-group front)', async () => {
    const keyOf = async () => {
      const l = (await service.getProfile(id)).profile.link;
      if (l.kind !== 'cloudfront') throw new Error('not a CloudFront profile');
      return l;
    };
    const { keyPairId: oldKey, domain } = await keyOf();
    const p = await openSettings(rotCtx);
    const card = p.locator(`[data-testid=profile-${id}]`);
    await card.locator('[data-testid=rotate-key-open]').click();
    const panel = card.locator('[data-testid=key-rotation]');
    expect(await panel.innerText()).toMatch(
      /A new key signs new links; the old key keeps working until it is retired, and retiring it stops every link it signed\./,
    );
    // "Now" asks first (it kills links); cancelling changes nothing.
    await panel.locator('[data-testid=rotate-now]').check();
    await panel.locator('[data-testid=rotate-key-apply]').click();
    const dialog = p.locator('[data-testid=confirm-dialog]');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(oldKey);
    await shoot(p, 'rotate-key-now-confirm', '[data-testid=confirm-dialog]');
    await dialog.getByRole('button', { name: 'Keep the old key' }).click();
    expect((await keyOf()).keyPairId).toBe(oldKey);

    await panel.locator('[data-testid=rotate-later]').check();
    await panel.locator('[data-testid=rotate-days]').fill('10');
    await shoot(p, 'rotate-key-form', `[data-testid=profile-${id}] [data-testid=key-rotation]`);
    await panel.locator('[data-testid=rotate-key-apply]').click();
    const message = card.locator('[data-testid=key-rotation-message]');
    await message.waitFor({ timeout: 30_000 });
    const newKey = (await keyOf()).keyPairId;
    expect(newKey).not.toBe(oldKey);
    const words = await message.innerText();
    expect(words).toContain(newKey);
    expect(words).toContain(oldKey);
    expect(words).toMatch(/keep working, until you retire it/);
    // The window's words: its own button, not the CLI's command and flags.
    expect(words).toContain('"Retire old key now" on the profile\'s card');
    expect(words).not.toMatch(/signet |--now/);
    const retire = card.locator('[data-testid=retire-key-open]');
    await retire.waitFor();
    expect(await retire.innerText()).toContain(oldKey);
    expect(await keyGroupItems(domain)).toEqual([oldKey, newKey]);
    await shoot(p, 'rotate-key-done', `[data-testid=profile-${id}] [data-testid=key-rotation-message]`);

    await retire.click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/every link it signed stops working/);
    await dialog.getByRole('button', { name: `Retire ${oldKey} now` }).click();
    await expect
      .poll(() => message.innerText(), { timeout: 30_000 })
      .toMatch(new RegExp(`^Retired ${oldKey} from key group`));
    expect(await keyGroupItems(domain)).toEqual([newKey]);
    await expect.poll(() => retire.count()).toBe(0);
    await shoot(p, 'retire-key-done', `[data-testid=profile-${id}] [data-testid=key-rotation-message]`);
    for (const a of toPage) expect(a).not.toContain('PRIVATE KEY');
    await p.close();
  }, 120_000);

  it('closing the form while CloudFront is still deploying stops the polling', async () => {
    const b3 = uniqueBucket('deskcfcl');
    const id3 = `${id}cl`;
    await s3Profile(id3, b3, 'Closing');
    const p = await openSettings();
    await motoDistributionsDeploy('hold');
    try {
      await p.click('[data-testid=cf-open]');
      await p.selectOption('[data-testid=cf-profile]', id3);
      await p.click('[data-testid=cf-plan]');
      await p.click('[data-testid=cf-apply]');
      await setupOutcome(p);
      const polls = () => invoked.filter((m) => m === 'cloudFrontDeployment').length;
      await expect
        .poll(() => p.locator('[data-testid=cf-deploy]').innerText(), { timeout: 15_000 })
        .toMatch(/InProgress/);
      // It keeps asking while open (the next poll ~10 s after the first)…
      const first = polls();
      await expect.poll(polls, { timeout: 15_000, interval: 500 }).toBeGreaterThan(first);
      await p.click('[data-testid=cf-close]');
      await p.locator('[data-testid=cf-deploy]').waitFor({ state: 'detached' });
      // …and not once the form is closed, though the distribution is still InProgress.
      const closedAt = polls();
      await p.waitForTimeout(11_000);
      expect(polls()).toBe(closedAt);
    } finally {
      await motoDistributionsDeploy('release');
      await p.close();
    }
  }, 90_000);

  it('a set-up that fails half-way says what was rolled back and what is left', async () => {
    const b2 = uniqueBucket('deskcfrb');
    const id2 = `${id}rb`;
    await s3Profile(id2, b2, 'Archive');
    // RGW refuses every PutBucketPolicy while BlockPublicPolicy is on: the policy step fails for real.
    await admin.send(new PutPublicAccessBlockCommand({ Bucket: b2, PublicAccessBlockConfiguration: blockAll }));
    const p = await openSettings();
    await p.click('[data-testid=cf-open]');
    await p.selectOption('[data-testid=cf-profile]', id2);
    await p.click('[data-testid=cf-plan]');
    await p.click('[data-testid=cf-apply]');
    const result = await setupOutcome(p);
    expect(await result.getAttribute('role')).toBe('alert');
    const text = await result.innerText();
    expect(text).toContain('The set-up did not finish.');
    expect(text).toMatch(/Rolled back what this run had made: .*the public key/);
    expect(text).toMatch(/Left behind \(remove by hand\):[\s\S]*aws cloudfront delete-key-group --id/);
    expect(await p.locator('[data-testid=cf-step-merge-bucket-policy]').getAttribute('data-state')).toBe('failed');
    expect(await p.locator('[data-testid=cf-step-create-public-key]').getAttribute('data-state')).toBe('undone');
    expect(await p.locator('[data-testid=cf-step-save-profile]').innerText()).toContain('(Not run)');
    expect((await service.getProfile(id2)).profile.link.kind).toBe('s3');
    await shoot(p, 'cloudfront-rolled-back', '[data-testid=cf-result]');
    await p.close();
  }, 120_000);
});
