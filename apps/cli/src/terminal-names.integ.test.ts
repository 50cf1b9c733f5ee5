// Attack test for issue 11 item 11, with the built CLI against RGW: names other people choose
// (files in a shared folder, a ref a web page sends through the extension) must not drive the
// user's terminal or disguise a file type. A file named with ANSI/OSC escapes is shared and a
// key with escapes is linked; `Uploaded …`, the labels and `signet links` must show the escapes
// as text. A bidi override in a file name is replaced in the key, with a warning; in a download
// name it is refused.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';
import { addRgwProfile, cliWithBucket, runSignet } from '../../../scripts/test-support/signet-cli.js';

const ESC = '\u001b';
// Clears the screen, sets the window title, rings the bell: what a hostile name can do raw.
const HOSTILE = `${ESC}[2J${ESC}]0;pwned\u0007report${ESC}[31m.txt`;
const RLO = '\u202e';

/** Any raw control character (C0 but newline, DEL, C1) or bidi control in terminal output. */
function rawControls(s: string): string[] {
  return [...s].filter((c) => {
    const n = c.codePointAt(0)!;
    return (
      (n < 0x20 && c !== '\n') || (n >= 0x7f && n <= 0x9f) || /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(c)
    );
  });
}

describe('names that reach a terminal or a key are safe (CLI, RGW)', () => {
  const bucket = uniqueBucket('names');
  const home = mkdtempSync(join(tmpdir(), 'signet-names-'));
  let env: NodeJS.ProcessEnv;
  const signet = (args: string[]) => runSignet(env, args, { cwd: home });

  beforeAll(async () => {
    env = await cliWithBucket(home, bucket, { endpoint: false, build: !process.env.NO_BUILD });
    addRgwProfile(signet, 'rgw', bucket, ['--key-template', 'u/{uuid}/{name}']);
  });

  it('a shared file named with ANSI escapes: "Uploaded …" and the labels show them as text', () => {
    const dir = join(home, 'incoming');
    mkdirSync(dir);
    writeFileSync(join(dir, HOSTILE), 'x');
    writeFileSync(join(dir, 'plain.txt'), 'y');
    const r = signet(['share', dir, '--expires', '1h']);
    expect(r.code, r.err).toBe(0);
    expect(rawControls(r.out + r.err)).toEqual([]);
    expect(r.err).toContain('Uploaded ');
    expect(r.err).toContain('\\e[2J\\e]0;pwned\\x07report\\e[31m.txt');
  });

  it('an error that quotes a hostile name prints it escaped too', () => {
    const r = signet(['share', join(home, `missing-${HOSTILE}`)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/missing-\\e\[2J.*does not exist/);
    expect(rawControls(r.out + r.err)).toEqual([]);
  });

  it('a key with escapes linked (as a page can send through the extension): `signet links` prints it escaped', async () => {
    const key = `inbox/${HOSTILE}`;
    await testS3Client().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'z' }));
    const link = signet(['link', `s3://${bucket}/${key}`, '--profile', 'rgw', '--expires', '1h']); // recorded
    expect(link.code, link.err).toBe(0);
    const r = signet(['links']);
    expect(r.code, r.err).toBe(0);
    expect(rawControls(r.out + r.err)).toEqual([]);
    expect(r.out).toContain(`s3://${bucket}/inbox/\\e[2J\\e]0;pwned\\x07report\\e[31m.txt`);
  });

  it('a bidi override in a file name is replaced in the key, with a warning; in a download name it is refused', async () => {
    const file = join(home, `invoice${RLO}txt.exe`);
    writeFileSync(file, 'MZ');
    const r = signet(['share', file, '--expires', '1h']);
    expect(r.code, r.err).toBe(0);
    expect(rawControls(r.out + r.err)).toEqual([]);
    expect(r.err).toMatch(/warning: .*invoice\\u202etxt\.exe.*replaced/);
    const keys = ((await testS3Client().send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map(
      (o) => o.Key!,
    );
    expect(keys.some((k) => k.endsWith('/invoice_txt.exe'))).toBe(true);
    expect(keys.some((k) => k.includes(RLO))).toBe(false);

    const plain = join(home, 'invoice.pdf');
    writeFileSync(plain, '%PDF');
    const named = signet(['share', plain, '--download-name', `invoice${RLO}fdp.exe`, '--expires', '1h']);
    expect(named.code).not.toBe(0);
    expect(named.err).toMatch(/download name .*invisible character.*U\+202E/);
    expect(rawControls(named.out + named.err)).toEqual([]);
  });
});
