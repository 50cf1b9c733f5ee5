// `signet link -` and `signet link ref ref …`: bulk signing never stops early and never
// miscounts. A bad line (folder, bad key, bad bucket, CloudFront URL without a key, garbage)
// is reported with its line number, every other line is still signed, the summary counts are
// true, `--json` writes a record for the failed lines too, and the exit code is 1.
// Runs the built bundle against the local RGW (a few links are fetched to prove they work).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueBucket } from '../../../scripts/test-support/s3.js';
import { addRgwProfile, cliWithBucket, runSignet } from '../../../scripts/test-support/signet-cli.js';

describe('signet link: bulk mode', () => {
  const bucket = uniqueBucket('bulk');
  const home = mkdtempSync(join(tmpdir(), 'signet-bulk-'));
  let env: NodeJS.ProcessEnv;
  const signet = (args: string[], input = '') => runSignet(env, args, { input });

  beforeAll(async () => {
    env = await cliWithBucket(home, bucket, { objects: { 'bulk/9999.txt': 'last' } });
  });

  /** 10,000 good refs with the given bad refs put at the given 1-based line numbers. */
  function input(bad: Record<number, string>, total = 10_000): string[] {
    const lines = Array.from({ length: total }, (_, i) => `s3://${bucket}/bulk/${i}.txt`);
    for (const [no, text] of Object.entries(bad)) lines[Number(no) - 1] = text;
    return lines;
  }

  const kinds = {
    folder: `s3://${bucket}/a/folder/`,
    emptyKey: `s3://${bucket}/`,
    badBucket: 's3://Not_A_Bucket/x',
    cloudFrontWithoutKey: 'https://d111111abcdef8.cloudfront.net/v.mp4',
    garbage: 'not a reference at all',
    longKey: `s3://${bucket}/${'k'.repeat(1100)}`,
  };

  it.each([
    ['first', { 1: kinds.folder }],
    ['middle (line 5,000)', { 5000: kinds.folder }],
    ['last', { 10_000: kinds.emptyKey }],
    [
      'several kinds in several places',
      {
        1: kinds.badBucket,
        2: kinds.folder,
        4999: kinds.cloudFrontWithoutKey,
        5000: kinds.garbage,
        7777: kinds.longKey,
        10_000: kinds.folder,
      },
    ],
  ])('10,000 lines with bad lines %s: every bad line named, the rest signed, true counts, exit 1', (_, bad) => {
    const lines = input(bad);
    const r = signet(['link', '-', '--expires', '1h'], `${lines.join('\n')}\n`);
    expect(r.code, r.err).toBe(1);
    const nBad = Object.keys(bad).length;
    const urls = r.out.trim().split('\n');
    expect(urls).toHaveLength(10_000 - nBad);
    const signedKeys = new Set(urls.map((u) => decodeURIComponent(new URL(u).pathname.split('/').pop()!)));
    for (let i = 0; i < 10_000; i++) {
      if (!(i + 1 in bad)) expect(signedKeys.has(`${i}.txt`)).toBe(true);
    }
    for (const no of Object.keys(bad)) expect(r.err).toMatch(new RegExp(`^signet: line ${no}: `, 'm'));
    expect(r.err).toContain(`signet: ${10_000 - nBad} of 10000 references signed, ${nBad} could not be signed`);
  });

  it('through a profile: every link is in the history, unless --no-history says to keep none', async () => {
    const profHome = mkdtempSync(join(tmpdir(), 'signet-bulk-history-'));
    const penv = { ...env, SIGNET_HOME: profHome };
    const run = (args: string[], stdin = '') => runSignet(penv, args, { input: stdin });
    addRgwProfile(run, 'bulkhist', bucket);
    const lines = input({}, 3000);
    const history = join(profHome, 'history.jsonl');
    const count = () => (existsSync(history) ? readFileSync(history, 'utf8').trim().split('\n').length : 0);
    const kept = run(['link', '-', '--profile', 'bulkhist'], `${lines.join('\n')}\n`);
    expect(kept.code, kept.err).toBe(0);
    expect(kept.out.trim().split('\n')).toHaveLength(3000);
    expect(count()).toBe(3000);
    const none = run(['link', '-', '--profile', 'bulkhist', '--no-history'], `${lines.join('\n')}\n`);
    expect(none.code, none.err).toBe(0);
    expect(none.out.trim().split('\n')).toHaveLength(3000);
    expect(count()).toBe(3000); // nothing added
  });

  it('--json: one record per input line, failed ones with line, error code and message', async () => {
    const lines = input({ 3: kinds.folder, 6: kinds.badBucket }, 10);
    lines[9] = `s3://${bucket}/bulk/9999.txt`;
    const r = signet(['link', '-', '--json'], lines.join('\n'));
    expect(r.code, r.err).toBe(1);
    const records = r.out
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { ref: string; line: number; url?: string; error?: { code: string; message: string } },
      );
    expect(records.map((x) => x.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(records[2]).toEqual({
      ref: kinds.folder,
      line: 3,
      error: { code: 'NOT_AN_OBJECT', message: expect.stringMatching(/bucket or folder, not an object/) },
    });
    expect(records[5]?.error?.code).toBe('BUCKET_INVALID');
    expect(records.filter((x) => x.url)).toHaveLength(8);
    expect(await (await fetch(records[9]!.url!)).text()).toBe('last');
  });

  it('several refs as arguments: the bad ones are named, the good ones signed, exit 1', () => {
    const r = signet(['link', `s3://${bucket}/a/`, `s3://${bucket}/bulk/1.txt`, 'nope', `s3://${bucket}/bulk/2.txt`]);
    expect(r.code, r.err).toBe(1);
    expect(r.out.trim().split('\n')).toHaveLength(2);
    expect(r.err).toMatch(new RegExp(`^signet: s3://${bucket}/a/: .*folder`, 'm'));
    expect(r.err).toMatch(/^signet: nope: /m);
    expect(r.err).toContain('signet: 2 of 4 references signed, 2 could not be signed');
  });

  it('no credentials at all: stops at the first S3 line with one sentence and counts what was not tried', () => {
    const lines = input({}, 100);
    const r = runSignet({ ...env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' }, ['link', '-'], {
      input: lines.join('\n'),
    });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.match(/^signet: line 1: /gm)).toHaveLength(1);
    expect(r.err).toContain('signet: stopped at line 1: this affects every reference; 0 signed, 99 lines not tried.');
  });
});
