// The built `signet` bundle run as a user runs it (a child process), against a real
// SigV4-checking S3 server (RGW) and the real keychain (scripts/with-keyring.sh).
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, verify } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  ftruncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListMultipartUploadsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';
import {
  addRgwProfile,
  cliWithBucket,
  rgwProfileArgs,
  runSignet,
  signetBin,
} from '../../../scripts/test-support/signet-cli.js';

const fromB64 = (s: string) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');

describe('signet CLI', () => {
  const bucket = uniqueBucket('cli');
  const home = mkdtempSync(join(tmpdir(), 'signet-cli-'));
  let env: NodeJS.ProcessEnv;
  /** Everything any run printed, to prove the secret in its environment never shows up. */
  const printed: string[] = [];

  function signet(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
    const r = runSignet(env, args, opts);
    printed.push(r.out, r.err);
    return r;
  }

  afterAll(() => {
    expect(printed.length).toBeGreaterThan(20);
    const secret = testS3().secretAccessKey;
    expect(printed.filter((t) => t.includes(secret))).toEqual([]);
    expect(printed.filter((t) => t.includes('CLOUDFRONT-PASSPHRASE-XYZ') || t.includes('PRIVATE KEY'))).toEqual([]);
  });

  beforeAll(async () => {
    env = await cliWithBucket(home, bucket, { objects: { 'docs/Q3 report + notes.txt': 'quarterly' } });
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
    const r = signet(['link', `s3://${bucket}/docs/a.txt`, '--expires', '2h', '--json'], {
      env: { AWS_SESSION_TOKEN: 'tok', AWS_CREDENTIAL_EXPIRATION: soon.toISOString() },
    });
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as {
      url: string;
      expiresAt: string;
      effectiveExpiresAt: string;
      warnings: { code: string }[];
    };
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['ref', 'url', 'expiresAt', 'effectiveExpiresAt', 'warnings']),
    );
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
    [['link', 's3://b-1/x', '--expires', '8d'], 2, /at most 7 days.*CloudFront/],
    [['link', 's3://Bad_Bucket/x'], 2, /not a valid S3 bucket name/],
    [['link', 's3://b-1/x', '--bogus'], 2, /unknown option '--bogus'/],
    [['link'], 2, /missing required argument/],
    [['link', 's3://b-1/x', '--method', 'DELETE'], 2, /Allowed choices are GET, PUT/],
    [
      ['link', 'https://d1.cloudfront.net/x', '--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key', '/nonexistent.pem'],
      1,
      /does not exist/,
    ],
    [['share', '/nonexistent/file.pdf'], 1, /No profile yet\. Create one with: signet profile add/],
    [['share', ''], 2, /An empty path was given: name a file or folder to share/],
    [['share', 'a.txt', '  '], 2, /An empty path was given/],
  ])('signet %j exits %i with a clear message', (args, code, message) => {
    const r = signet(args);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.mjs:\d+/); // no stack trace
    expect(r.out).toBe('');
  });

  it('CloudFront: links and cookies verify with the public key; a public key instead of a private key is refused', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    /** The key pair flags: its id and `key` as the private key. */
    const signedWith = (key: string) => ['--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key', key];
    const pem = join(home, 'cf.pem');
    writeFileSync(pem, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const r = signet([
      'link',
      'https://d111111abcdef8.cloudfront.net/v/a b.mp4',
      ...signedWith(pem),
      '--expires',
      '30d',
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const u = new URL(JSON.parse(r.out).url as string);
    const policy = `{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/v/a%20b.mp4","Condition":{"DateLessThan":{"AWS:EpochTime":${u.searchParams.get('Expires')}}}}]}`;
    expect(verify('sha1', Buffer.from(policy), publicKey, fromB64(u.searchParams.get('Signature')!))).toBe(true);

    const c = signet(['cookies', 'https://d111111abcdef8.cloudfront.net/course/*', ...signedWith(pem), '--json']);
    const cookies = JSON.parse(c.out).cookies as Record<string, string>;
    expect(
      verify('sha1', fromB64(cookies['CloudFront-Policy']!), publicKey, fromB64(cookies['CloudFront-Signature']!)),
    ).toBe(true);
    const h = signet(['cookies', 'https://d111111abcdef8.cloudfront.net/course/*', ...signedWith(pem), '--header']);
    expect(h.out).toMatch(
      /^Cookie: CloudFront-Policy=[\w~-]+; CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F; CloudFront-Signature=[\w~-]+\n$/,
    );
    const s = signet(['cookies', 'https://d111111abcdef8.cloudfront.net/a', ...signedWith(pem)]);
    expect(
      s.out
        .split('\n')
        .filter(Boolean)
        .every((l) => l.startsWith('Set-Cookie: CloudFront-')),
    ).toBe(true);

    const encrypted = join(home, 'cf-enc.pem');
    writeFileSync(
      encrypted,
      privateKey.export({
        type: 'pkcs8',
        format: 'pem',
        cipher: 'aes-256-cbc',
        passphrase: 'CLOUDFRONT-PASSPHRASE-XYZ',
      }),
    );
    const encryptedLink = ['link', 'https://d111111abcdef8.cloudfront.net/x', ...signedWith(encrypted)];
    const noPass = signet(encryptedLink);
    expect([noPass.code, noPass.out]).toEqual([1, '']);
    expect(noPass.err).toMatch(/is encrypted\. Put its passphrase in the SIGNET_KEY_PASSPHRASE/);
    const withPass = signet(encryptedLink, { env: { SIGNET_KEY_PASSPHRASE: 'CLOUDFRONT-PASSPHRASE-XYZ' } });
    expect(withPass.code, withPass.err).toBe(0);
    const wrongPass = signet(encryptedLink, { env: { SIGNET_KEY_PASSPHRASE: 'wrong' } });
    expect(wrongPass.code).toBe(1);

    writeFileSync(join(home, 'pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    const bad = signet(['link', 'https://d111111abcdef8.cloudfront.net/x', ...signedWith(join(home, 'pub.pem'))]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/public key or certificate/);
  });

  it('profile add → share → links → renew → revoke, with the secret only in the keychain and never printed', async () => {
    const s3 = testS3();
    const add = signet([...rgwProfileArgs('work', bucket), '--access-key-id', s3.accessKeyId], {
      env: { SIGNET_AWS_SECRET_ACCESS_KEY: s3.secretAccessKey },
    });
    expect(add.code, add.err).toBe(0);
    expect(signet(['profile', 'list']).out).toMatch(/\* work .*credentials: keychain/);
    const missing = signet(['share', join(home, 'nope.pdf')]);
    expect([missing.code, missing.err]).toEqual([
      1,
      `signet: ${join(home, 'nope.pdf')} does not exist. Nothing was uploaded.\n`,
    ]);
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
    const putLink = signet([
      'link',
      `s3://${bucket}/inbox/data.csv`,
      '--profile',
      'work',
      '--method',
      'PUT',
      '--content-type',
      'text/csv',
    ]);
    expect(putLink.code, putLink.err).toBe(0);
    expect(putLink.err).toContain('The uploader must send Content-Type: text/csv with the upload.');
    expect(
      (await fetch(putLink.out.trim(), { method: 'PUT', headers: { 'Content-Type': 'text/csv' }, body: 'x,y' })).status,
    ).toBe(200);
    expect(signet(['links', '--expired']).out).toContain('revoked');
    // A damaged history line (a crash mid-write, a manual edit) is reported, kept, and skipped.
    appendFileSync(join(home, 'signet', 'history.jsonl'), '{"op":"add","record":{"id":\n');
    const listed = signet(['links']);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toContain('docs/Q3 report + notes.txt');
    // columns line up whatever the time left says ("revoked", "1 day 3 hours left")
    const columns = listed.out
      .trim()
      .split('\n')
      .map((l) => l.indexOf('s3://'));
    expect(columns.length).toBeGreaterThan(2);
    expect(new Set(columns).size).toBe(1);
    expect(listed.err).toMatch(
      /^signet: warning: 1 line\(s\) of the link history .*history\.jsonl cannot be read \(line \d+\).*kept as they are/m,
    );
    const asJson = signet(['links', '--json']);
    expect(
      asJson.out
        .trim()
        .split('\n')
        .every((l) => typeof (JSON.parse(l) as { id?: unknown }).id === 'string'),
    ).toBe(true);
    expect(asJson.err).toContain('cannot be read');
    addRgwProfile(signet, 'other', bucket);
    expect(signet(['profile', 'default', 'other']).code).toBe(0);
    expect(signet(['profile', 'list']).out).toMatch(/\* other .*AWS default chain/);
    const all = [add, share, renewed, revoke, signet(['profile', 'show', 'work'])].map((x) => x.out + x.err).join('\n');
    expect(all).not.toContain(s3.secretAccessKey);
  });
});

describe('signet CLI: profile updates, cancelling, edge cases', () => {
  const bucket = uniqueBucket('clx');
  const home = mkdtempSync(join(tmpdir(), 'signet-clx-'));
  let env: NodeJS.ProcessEnv;
  /** A D-Bus address that leads nowhere: the keychain is not available. */
  const noKeychain = { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-bus')}` };

  const signet = (args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) =>
    runSignet(env, args, { cwd: home, ...opts });
  const show = (id: string) => JSON.parse(signet(['profile', 'show', id]).out) as { profile: Record<string, unknown> };
  const objectsUnder = async (prefix: string) =>
    ((await testS3Client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map(
      (o) => o.Key,
    );
  const multipartUploads = async () =>
    (await testS3Client().send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? [];

  beforeAll(async () => {
    // The first suite built the bundle.
    env = await cliWithBucket(home, bucket, { endpoint: false, build: false });
    addRgwProfile(signet, 'rgw', bucket, ['--default-expiry', '3h', '--key-template', 'clx/{uuid}/{name}']);
  });

  it('profile add on an existing profile changes only the settings given (create or update)', () => {
    const s3 = testS3();
    const first = signet([
      'profile',
      'add',
      'upd',
      '--bucket',
      bucket,
      '--name',
      'Updatable',
      '--region',
      'eu-west-1',
      '--endpoint',
      s3.endpoint,
      '--path-style',
      '--key-template',
      'k/{uuid}/{name}',
      '--default-expiry',
      '2d',
      '--aws-profile',
      'dev',
    ]);
    expect(first.code, first.err).toBe(0);
    const before = show('upd').profile;
    const again = signet(['profile', 'add', 'upd', '--bucket', 'other-bucket', '--default-chain']);
    expect(again.code, again.err).toBe(0);
    expect(show('upd').profile).toEqual({
      ...before,
      bucket: 'other-bucket',
      credentials: { source: 'default-chain' },
    });
    // A flag given is a change, including switching path style off; nothing else moves.
    expect(signet(['profile', 'add', 'upd', '--no-path-style', '--default-expiry', '5h']).code).toBe(0);
    expect(show('upd').profile).toEqual({
      ...before,
      bucket: 'other-bucket',
      credentials: { source: 'default-chain' },
      forcePathStyle: false,
      defaultExpiry: '5h',
    });
    // A new profile still needs its bucket; a new one gets the default region.
    const noBucket = signet(['profile', 'add', 'fresh']);
    expect([noBucket.code, noBucket.err]).toEqual([2, expect.stringMatching(/new profile needs --bucket/)]);
    expect(signet(['profile', 'add', 'fresh', '--bucket', bucket, '--default-chain']).code).toBe(0);
    expect(show('fresh').profile).toMatchObject({
      region: 'us-east-1',
      forcePathStyle: false,
      credentials: { source: 'default-chain' },
    });
  });

  it('a failed profile add saves nothing: no terminal for the secret, or no keychain to store it', () => {
    const s3 = testS3();
    const noTty = signet(['profile', 'add', 'failed', '--bucket', bucket, '--access-key-id', s3.accessKeyId]);
    expect([noTty.code, noTty.err]).toEqual([
      2,
      expect.stringMatching(/No terminal to ask for the AWS secret access key/),
    ]);
    expect(signet(['profile', 'show', 'failed']).err).toMatch(/There is no profile "failed"/);
    const noStore = signet(['profile', 'add', 'failed', '--bucket', bucket, '--access-key-id', s3.accessKeyId], {
      env: { ...noKeychain, SIGNET_AWS_SECRET_ACCESS_KEY: s3.secretAccessKey },
    });
    expect([noStore.code, noStore.err]).toEqual([1, expect.stringMatching(/keychain is not available/)]);
    expect(noStore.err).not.toContain(s3.secretAccessKey);
    expect(signet(['profile', 'list']).out).not.toContain('failed');
    // An existing profile is left as it was.
    const before = show('rgw').profile;
    const update = signet(['profile', 'add', 'rgw', '--bucket', 'elsewhere', '--access-key-id', s3.accessKeyId]);
    expect(update.code).toBe(2);
    expect(show('rgw').profile).toEqual(before);
  });

  it('profile remove needs no keychain for a profile that stores no secret; one that does is kept when the keychain is away', () => {
    const s3 = testS3();
    expect(signet(['profile', 'add', 'b8', '--bucket', bucket, '--default-chain']).code).toBe(0);
    expect(signet(['profile', 'add', 'sso', '--bucket', bucket, '--aws-profile', 'dev']).code).toBe(0);
    for (const id of ['b8', 'sso']) {
      const r = signet(['profile', 'remove', id], { env: noKeychain });
      expect([r.code, r.err]).toEqual([
        0,
        `Profile "${id}" was removed (it kept no secret in the keychain, which is not available now).\n`,
      ]);
      expect(signet(['profile', 'show', id]).code).toBe(1);
    }
    expect(
      signet(['profile', 'add', 'keyed', '--bucket', bucket, '--access-key-id', s3.accessKeyId], {
        env: { SIGNET_AWS_SECRET_ACCESS_KEY: s3.secretAccessKey },
      }).code,
    ).toBe(0);
    const keyed = signet(['profile', 'remove', 'keyed'], { env: noKeychain });
    expect([keyed.code, keyed.err]).toEqual([1, expect.stringMatching(/keychain is not available/)]);
    expect(signet(['profile', 'show', 'keyed']).code).toBe(0);
    expect(signet(['profile', 'remove', 'keyed'])).toMatchObject({
      code: 0,
      err: 'Profile "keyed" and its keychain entries were removed.\n',
    });
  });

  it('signet share . (and ./sub/.) shares the current folder under its own name, like signet share ./folder/', async () => {
    const dir = join(home, 'here');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'a.txt'), 'from dot');
    writeFileSync(join(dir, 'sub', 'b.txt'), 'from sub');
    for (const [arg, names] of [
      ['.', ['here/a.txt', 'here/sub/b.txt']],
      ['./sub/.', ['sub/b.txt']],
      ['./', ['here/a.txt', 'here/sub/b.txt']],
    ] as const) {
      const r = signet(['share', arg, '--profile', 'rgw', '--json'], { cwd: dir });
      expect(r.code, r.err).toBe(0);
      const links = r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { key: string; url: string });
      expect(
        links.map((l) => l.key.split('/').slice(2).join('/')),
        arg,
      ).toEqual(names);
      expect(await (await fetch(links[0]!.url)).text()).toBe(names[0] === 'sub/b.txt' ? 'from sub' : 'from dot');
    }
  });

  it('several links on a terminal are each labelled with their object; through a pipe they stay bare URLs', () => {
    const dir = join(home, 'labelled');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'one.txt'), '1');
    writeFileSync(join(dir, 'two.txt'), '2');
    // `script` gives the CLI a pseudo-terminal, as an interactive shell would.
    const tty = spawnSync(
      'script',
      [
        '-qec',
        `${JSON.stringify(process.execPath)} ${JSON.stringify(signetBin)} share ${JSON.stringify(dir)} -p rgw`,
        '/dev/null',
      ],
      { env, encoding: 'utf8' },
    );
    expect(tty.status, tty.stdout).toBe(0);
    const lines = tty.stdout
      .split(/\r?\n/)
      .map((l) =>
        l
          .split('\r')
          .pop()!
          .replace(`${String.fromCharCode(27)}[K`, '')
          .trim(),
      )
      .filter((l) => l.startsWith('http') || /labelled\/(one|two)\.txt$/.test(l));
    expect(lines.map((l) => (l.startsWith('http') ? 'URL' : l.split('/').slice(-2).join('/')))).toEqual([
      'labelled/one.txt',
      'URL',
      'labelled/two.txt',
      'URL',
    ]);
    const piped = signet(['share', dir, '-p', 'rgw']);
    expect(
      piped.out
        .trim()
        .split('\n')
        .every((l) => l.startsWith('http')),
    ).toBe(true);
  });

  it('links renew --json prints one JSON object; link -p picks the profile; links filters say when nothing matches; prune says expired or revoked', async () => {
    const file = join(home, 'renew-me.txt');
    writeFileSync(file, 'renew');
    const share = signet(['share', file, '-p', 'rgw', '--json']);
    expect(share.code, share.err).toBe(0);
    const { id } = JSON.parse(share.out) as { id: string };
    const renewed = signet(['links', 'renew', id, '--expires', '15m', '--json']);
    expect(renewed.code, renewed.err).toBe(0);
    const j = JSON.parse(renewed.out) as { id: string; url: string; expiresAt: string };
    expect(renewed.out.trim().split('\n')).toHaveLength(1);
    expect(new URL(j.url).searchParams.get('X-Amz-Expires')).toBe('900');
    expect(typeof j.expiresAt).toBe('string');

    // -p is --profile: the profile's default expiry (3h), not the stateless 1h.
    const viaP = signet(['link', `s3://${bucket}/x`, '-p', 'rgw']);
    expect(viaP.code, viaP.err).toBe(0);
    expect(new URL(viaP.out.trim()).searchParams.get('X-Amz-Expires')).toBe('10800');

    // Links exist, none expired or revoked yet.
    const expired = signet(['links', '--expired']);
    expect([expired.code, expired.out, expired.err]).toEqual([0, '', 'No expired or revoked links.\n']);
    const search = signet(['links', '--search', 'no-such-name-xyz']);
    expect(search.err).toBe('No links matching "no-such-name-xyz".\n');
    expect(signet(['links', '--active', '--search', 'no-such-name-xyz']).err).toBe(
      'No active links matching "no-such-name-xyz".\n',
    );

    expect(signet(['links', 'revoke', id, '--delete-object', '--yes']).code).toBe(0);
    expect(signet(['links', '--active', '--search', 'renew-me']).err).toBe('No active links matching "renew-me".\n');
    const prune = signet(['links', 'prune']);
    expect(prune.err).toMatch(/^\d+ expired or revoked link\(s\) removed from the history\.\n$/);
    expect(prune.err).not.toMatch(/^0 /);
  });

  it('a zero-byte file is "Uploaded" only once it is: not when the upload fails', () => {
    const empty = join(home, 'empty.bin');
    writeFileSync(empty, '');
    expect(
      signet([
        'profile',
        'add',
        'dead',
        '--bucket',
        bucket,
        '--endpoint',
        'http://127.0.0.1:9',
        '--path-style',
        '--default-chain',
      ]).code,
    ).toBe(0);
    const failed = signet(['share', empty, '-p', 'dead']);
    expect(failed.code).toBe(1);
    expect(failed.err).not.toContain('Uploaded');
    const ok = signet(['share', empty, '-p', 'rgw']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.err).toBe(`Uploaded ${empty} (0 B).\n`);
  });

  /** Runs `signet share`, waits for `ready`, sends `sig`, and returns how it ended. */
  async function shareThenSignal(
    args: string[],
    sig: NodeJS.Signals,
    ready: () => Promise<boolean>,
    extraEnv: NodeJS.ProcessEnv = {},
  ) {
    const child = spawn(process.execPath, [signetBin, 'share', ...args], {
      env: { ...env, ...extraEnv },
      cwd: home,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal })),
    );
    let exited = false;
    void ended.then(() => (exited = true));
    const deadline = Date.now() + 60_000;
    while (!exited && !(await ready())) {
      if (Date.now() > deadline) throw new Error(`never ready: ${err}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(exited, `signet ended before the signal: ${err}`).toBe(false);
    child.kill(sig);
    return { ...(await ended), out, err };
  }

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)(
    '%s during the upload of a big file aborts the multipart upload and exits %i',
    async (sig, code) => {
      const big = join(home, `big-${sig}.bin`);
      const fd = openSync(big, 'w');
      ftruncateSync(fd, 1024 * 1024 * 1024);
      closeSync(fd);
      const prefix = `clx/`;
      const before = await objectsUnder(prefix);
      const r = await shareThenSignal([big, '-p', 'rgw'], sig, async () => (await multipartUploads()).length > 0);
      expect({ code: r.code, signal: r.signal }, r.err).toEqual({ code, signal: null });
      expect(r.err).toContain('Cancelling: aborting the upload on the server');
      expect(r.err).toMatch(/was cancelled; nothing was left on the server/);
      expect(r.out).toBe('');
      expect(await multipartUploads()).toEqual([]);
      expect(await objectsUnder(prefix)).toEqual(before);
    },
    120_000,
  );

  it('SIGTERM before the upload starts (credentials still being fetched) also cancels and exits 143, nothing uploaded', async () => {
    const marker = join(home, 'creds-asked');
    const script = join(home, 'slow-creds.mjs');
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(marker)}, '');
setTimeout(() => console.log(JSON.stringify({ Version: 1, AccessKeyId: process.env.AWS_ACCESS_KEY_ID, SecretAccessKey: process.env.AWS_SECRET_ACCESS_KEY })), 1500);
`,
    );
    const config = join(home, 'aws-config');
    writeFileSync(config, `[profile slow]\ncredential_process = ${process.execPath} ${script}\n`);
    expect(
      signet([...rgwProfileArgs('slow', bucket), '--aws-profile', 'slow', '--key-template', 'slow/{uuid}/{name}']).code,
    ).toBe(0);
    const file = join(home, 'small.txt');
    writeFileSync(file, 'never uploaded');
    const r = await shareThenSignal([file, '-p', 'slow'], 'SIGTERM', async () => existsSync(marker), {
      AWS_CONFIG_FILE: config,
    });
    expect({ code: r.code, signal: r.signal }, r.err).toEqual({ code: 143, signal: null });
    expect(r.err).toMatch(/cancelled/);
    expect(await objectsUnder('slow/')).toEqual([]);
  }, 60_000);
});
