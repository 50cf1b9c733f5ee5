// The built `signet` bundle run as a user runs it (a child process), against a real
// SigV4-checking S3 server (RGW) and the real keychain (scripts/with-keyring.sh).
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync, verify } from 'node:crypto';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';

const cliDir = fileURLToPath(new URL('..', import.meta.url));
const bin = join(cliDir, 'dist', 'signet.mjs');
const fromB64 = (s: string) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');

describe('signet CLI', () => {
  const bucket = uniqueBucket('cli');
  const home = mkdtempSync(join(tmpdir(), 'signet-cli-'));
  let env: NodeJS.ProcessEnv;
  /** Everything any run printed, to prove the secret in its environment never shows up. */
  const printed: string[] = [];

  function signet(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
    const r = spawnSync(process.execPath, [bin, ...args], { env: { ...env, ...opts.env }, input: opts.input ?? '', encoding: 'utf8', maxBuffer: 1 << 28 });
    printed.push(r.stdout, r.stderr);
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  afterAll(() => {
    expect(printed.length).toBeGreaterThan(20);
    const secret = testS3().secretAccessKey;
    expect(printed.filter((t) => t.includes(secret))).toEqual([]);
    expect(printed.filter((t) => t.includes('CLOUDFRONT-PASSPHRASE-XYZ') || t.includes('PRIVATE KEY'))).toEqual([]);
  });

  beforeAll(async () => {
    execFileSync(process.execPath, [join(cliDir, 'build.mjs')]);
    const s3 = testS3();
    env = {
      PATH: process.env.PATH,
      HOME: home,
      SIGNET_HOME: join(home, 'signet'),
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      AWS_REGION: s3.region,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(home, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    };
    const client = testS3Client();
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'docs/Q3 report + notes.txt', Body: 'quarterly' }));
  });

  it('signet link prints a working link with the asked expiry, and --signing-date makes it reproducible', async () => {
    const r = signet(['link', `s3://${bucket}/docs/Q3 report + notes.txt`, '--expires', '90s']);
    expect(r.code, r.err).toBe(0);
    const url = r.out.trim();
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('90');
    expect(await (await fetch(url)).text()).toBe('quarterly');
    const a = signet(['link', `s3://${bucket}/x`, '--signing-date', '2026-11-22T10:00:00Z', '--expires', '1h']);
    const b = signet(['link', `s3://${bucket}/x`, '--signing-date', '2026-11-22T10:00:00Z', '--expires', '1h']);
    expect(a.out).toBe(b.out);
    expect(a.out).toContain('X-Amz-Date=20261122T100000Z');
  });

  it('--json gives url, expiresAt, effectiveExpiresAt and warnings; temporary credentials shorten the effective expiry', () => {
    const soon = new Date(Date.now() + 10 * 60_000);
    const r = signet(['link', `s3://${bucket}/docs/a.txt`, '--expires', '2h', '--json'], { env: { AWS_SESSION_TOKEN: 'tok', AWS_CREDENTIAL_EXPIRATION: soon.toISOString() } });
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { url: string; expiresAt: string; effectiveExpiresAt: string; warnings: { code: string }[] };
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['ref', 'url', 'expiresAt', 'effectiveExpiresAt', 'warnings']));
    expect(Math.abs(new Date(j.effectiveExpiresAt).getTime() - soon.getTime())).toBeLessThan(1000);
    expect(j.warnings[0]?.code).toBe('CREDENTIALS_EXPIRE_FIRST');
    expect(r.err).toMatch(/temporary credentials/);
  });

  it('signs 20,000 references from stdin in one process; a bad line is reported with its number and the rest still signed', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `s3://${bucket}/bulk/${i} file.txt`);
    lines.splice(500, 0, 's3://Not_A_Bucket/x');
    const t0 = Date.now();
    const r = signet(['link', '-', '--expires', '1h'], { input: `${lines.join('\n')}\n` });
    const ms = Date.now() - t0;
    expect(r.code).toBe(1);
    const urls = r.out.trim().split('\n');
    expect(urls).toHaveLength(20_000);
    expect(urls[19_999]).toContain('/bulk/19999%20file.txt?');
    expect(r.err).toMatch(/line 501: .*Not_A_Bucket/);
    console.log(`bulk: 20,000 links in ${ms} ms (one process, incl. start-up)`);
  });

  it.each([
    [['link', 's3://b-1/x', '--expires', 'soon'], 2, /--expires: "soon" is neither a duration/],
    [['link', 's3://b-1/x', '--expires', '2020-01-01T00:00:00Z'], 2, /already past/],
    [['link', 's3://b-1/x', '--expires', '8d'], 1, /at most 7 days.*CloudFront/],
    [['link', 's3://Bad_Bucket/x'], 1, /not a valid S3 bucket name/],
    [['link', 's3://b-1/x', '--bogus'], 2, /unknown option '--bogus'/],
    [['link'], 2, /missing required argument/],
    [['link', 's3://b-1/x', '--method', 'DELETE'], 2, /Allowed choices are GET, PUT/],
    [['link', 'https://d1.cloudfront.net/x', '--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key', '/nonexistent.pem'], 1, /does not exist/],
    [['share', '/nonexistent/file.pdf'], 1, /No profile yet\. Create one with: signet profile add/],
  ])('signet %j exits %i with a clear message', (args, code, message) => {
    const r = signet(args);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.mjs:\d+/); // no stack trace
    expect(r.out).toBe('');
  });

  it('CloudFront: links and cookies verify with the public key; a public key instead of a private key is refused', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = join(home, 'cf.pem');
    writeFileSync(pem, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const r = signet(['link', 'https://d111111abcdef8.cloudfront.net/v/a b.mp4', '--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key', pem, '--expires', '30d', '--json']);
    expect(r.code, r.err).toBe(0);
    const u = new URL(JSON.parse(r.out).url as string);
    const policy = `{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/v/a%20b.mp4","Condition":{"DateLessThan":{"AWS:EpochTime":${u.searchParams.get('Expires')}}}}]}`;
    expect(verify('sha1', Buffer.from(policy), publicKey, fromB64(u.searchParams.get('Signature')!))).toBe(true);

    const c = signet(['cookies', 'https://d111111abcdef8.cloudfront.net/course/*', '--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key', pem, '--json']);
    const cookies = JSON.parse(c.out).cookies as Record<string, string>;
    expect(verify('sha1', fromB64(cookies['CloudFront-Policy']!), publicKey, fromB64(cookies['CloudFront-Signature']!))).toBe(true);
    const h = signet(['cookies', 'https://d111111abcdef8.cloudfront.net/course/*', '--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key', pem, '--header']);
    expect(h.out).toMatch(/^Cookie: CloudFront-Policy=[\w~-]+; CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F; CloudFront-Signature=[\w~-]+\n$/);
    const s = signet(['cookies', 'https://d111111abcdef8.cloudfront.net/a', '--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key', pem]);
    expect(s.out.split('\n').filter(Boolean).every((l) => l.startsWith('Set-Cookie: CloudFront-'))).toBe(true);

    const encrypted = join(home, 'cf-enc.pem');
    writeFileSync(encrypted, privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'CLOUDFRONT-PASSPHRASE-XYZ' }));
    const noPass = signet(['link', 'https://d111111abcdef8.cloudfront.net/x', '--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key', encrypted]);
    expect([noPass.code, noPass.out]).toEqual([1, '']);
    expect(noPass.err).toMatch(/is encrypted\. Put its passphrase in the SIGNET_KEY_PASSPHRASE/);
    const withPass = signet(['link', 'https://d111111abcdef8.cloudfront.net/x', '--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key', encrypted], { env: { SIGNET_KEY_PASSPHRASE: 'CLOUDFRONT-PASSPHRASE-XYZ' } });
    expect(withPass.code, withPass.err).toBe(0);
    const wrongPass = signet(['link', 'https://d111111abcdef8.cloudfront.net/x', '--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key', encrypted], { env: { SIGNET_KEY_PASSPHRASE: 'wrong' } });
    expect(wrongPass.code).toBe(1);

    writeFileSync(join(home, 'pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    const bad = signet(['link', 'https://d111111abcdef8.cloudfront.net/x', '--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key', join(home, 'pub.pem')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/public key or certificate/);
  });

  it('profile add → share → links → renew → revoke, with the secret only in the keychain and never printed', async () => {
    const s3 = testS3();
    const add = signet(['profile', 'add', 'work', '--bucket', bucket, '--endpoint', s3.endpoint, '--path-style', '--access-key-id', s3.accessKeyId], { env: { SIGNET_AWS_SECRET_ACCESS_KEY: s3.secretAccessKey } });
    expect(add.code, add.err).toBe(0);
    expect(signet(['profile', 'list']).out).toMatch(/\* work .*credentials: keychain/);
    const missing = signet(['share', join(home, 'nope.pdf')]);
    expect([missing.code, missing.err]).toEqual([1, `signet: ${join(home, 'nope.pdf')} does not exist. Nothing was uploaded.\n`]);
    const file = join(home, 'hello wörld.txt');
    writeFileSync(file, 'shared via cli');
    const share = signet(['share', file, '--expires', '2h', '--check', '--json']);
    expect(share.code, share.err).toBe(0);
    expect(share.err).toContain(`Uploaded ${file} (14 B).`); // not a terminal: plain lines, no bar
    expect(share.err).not.toContain('\r');
    const link = JSON.parse(share.out) as { id: string; url: string; check: { ok: boolean } };
    expect(link.check.ok).toBe(true);
    expect(await (await fetch(link.url)).text()).toBe('shared via cli');
    expect(signet(['links', '--active']).out).toContain('hello wörld.txt');
    expect(signet(['links', 'url', link.id]).out.trim()).toBe(link.url);
    const renewed = signet(['links', 'renew', link.id, '--expires', '15m']);
    expect(new URL(renewed.out.trim()).searchParams.get('X-Amz-Expires')).toBe('900');
    const revoke = signet(['links', 'revoke', link.id, '--delete-object', '--yes']);
    expect(revoke.err).toMatch(/cannot be revoked on its own[\s\S]*Revoked: object deleted/);
    expect((await fetch(renewed.out.trim())).status).toBe(404);
    // --profile without --expires: the profile's default expiry (1d), not the stateless 1h.
    const viaProfile = signet(['link', `s3://${bucket}/docs/Q3 report + notes.txt`, '--profile', 'work']);
    expect(viaProfile.code, viaProfile.err).toBe(0);
    expect(new URL(viaProfile.out.trim()).searchParams.get('X-Amz-Expires')).toBe('86400');
    expect(await (await fetch(viaProfile.out.trim())).text()).toBe('quarterly');
    expect(signet(['links', '--search', 'Q3 report']).out).toContain('docs/Q3 report + notes.txt');
    // An upload link through the profile tells the uploader which signed header to send.
    const putLink = signet(['link', `s3://${bucket}/inbox/data.csv`, '--profile', 'work', '--method', 'PUT', '--content-type', 'text/csv']);
    expect(putLink.code, putLink.err).toBe(0);
    expect(putLink.err).toContain('The uploader must send Content-Type: text/csv with the upload.');
    expect((await fetch(putLink.out.trim(), { method: 'PUT', headers: { 'Content-Type': 'text/csv' }, body: 'x,y' })).status).toBe(200);
    expect(signet(['links', '--expired']).out).toContain('revoked');
    // A damaged history line (a crash mid-write, a manual edit) is reported, kept, and skipped.
    appendFileSync(join(home, 'signet', 'history.jsonl'), '{"op":"add","record":{"id":\n');
    const listed = signet(['links']);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toContain('docs/Q3 report + notes.txt');
    expect(listed.err).toMatch(/^signet: warning: 1 line\(s\) of the link history .*history\.jsonl cannot be read \(line \d+\).*kept as they are/m);
    const asJson = signet(['links', '--json']);
    expect(asJson.out.trim().split('\n').every((l) => typeof (JSON.parse(l) as { id?: unknown }).id === 'string')).toBe(true);
    expect(asJson.err).toContain('cannot be read');
    const second = signet(['profile', 'add', 'other', '--bucket', bucket, '--endpoint', s3.endpoint, '--path-style', '--default-chain']);
    expect(second.code, second.err).toBe(0);
    expect(signet(['profile', 'default', 'other']).code).toBe(0);
    expect(signet(['profile', 'list']).out).toMatch(/\* other .*AWS default chain/);
    const all = [add, share, renewed, revoke, signet(['profile', 'show', 'work'])].map((x) => x.out + x.err).join('\n');
    expect(all).not.toContain(s3.secretAccessKey);
  });
});
