// `signet link s3://bucket/prefix/ --method POST --max-size … --content-type 'image/*'`: the
// printed curl line, run as the user would run it (FILE replaced), uploads to RGW within the
// limits and is refused over the size or with another type.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';
import { cliWithBucket, runSignet } from '../../../scripts/test-support/signet-cli.js';

// A 1×1 PNG: `file --mime-type` says image/png.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('signet link --method POST (upload forms with limits)', () => {
  const bucket = uniqueBucket('form');
  const home = mkdtempSync(join(tmpdir(), 'signet-form-'));
  let env: NodeJS.ProcessEnv;
  const keys = async (prefix: string) =>
    ((await testS3Client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map(
      (o) => o.Key,
    );
  /** Runs the printed curl line with FILE replaced by `file`. */
  const curl = (line: string, file: string) => {
    const r = spawnSync('bash', ['-c', line.replaceAll('FILE', file)], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  beforeAll(async () => {
    env = await cliWithBucket(home, bucket);
  });

  it('prints the form as JSON and a curl line that uploads an image within the limits', async () => {
    const r = runSignet(env, [
      'link',
      `s3://${bucket}/inbox/`,
      '--method',
      'POST',
      '--max-size',
      '1KiB',
      '--content-type',
      'image/*',
      '--expires-in',
      '600',
    ]);
    expect(r.code, r.err).toBe(0);
    const end = r.out.indexOf('\n}\n') + 2; // the pretty JSON ends with a lone }
    const [json, line] = [r.out.slice(0, end), r.out.slice(end).trim()];
    const form = JSON.parse(json) as { url: string; fields: Record<string, string> };
    expect(form.fields.key).toBe('inbox/${filename}');
    const policy = JSON.parse(Buffer.from(form.fields.Policy!, 'base64').toString()) as { conditions: unknown[] };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 0, 1024],
        ['starts-with', '$key', 'inbox/'],
        ['starts-with', '$Content-Type', 'image/'],
      ]),
    );
    expect(r.err).toMatch(/at most 1\.0 KiB \(1024 bytes\), under inbox\/.*Content-Type image\/\*/);
    expect(line).toMatch(/^curl /);

    const png = join(home, 'dot.png');
    writeFileSync(png, PNG);
    const ok = curl(line, png);
    expect(ok.code, ok.out).toBe(0);
    const head = await testS3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: 'inbox/dot.png' }));
    expect(head.ContentType).toBe('image/png');

    const big = join(home, 'big.png');
    writeFileSync(big, Buffer.concat([PNG, Buffer.alloc(2000)]));
    const tooBig = curl(line, big);
    expect(tooBig.code).toBe(22); // curl --fail-with-body: HTTP 400
    expect(tooBig.out).toMatch(/EntityTooLarge/);

    const text = join(home, 'notes.txt');
    writeFileSync(text, 'plain words\n');
    const wrongType = curl(line, text);
    expect(wrongType.code).toBe(22);
    expect(wrongType.out).toMatch(/AccessDenied/);
    expect(await keys('inbox/')).toEqual(['inbox/dot.png']);
  });

  it('--json: one record with url, fields, limits, expiry and the curl line', () => {
    const r = runSignet(env, ['link', `s3://${bucket}/docs/one.pdf`, '--method', 'POST', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { method: string; limits: unknown; fields: Record<string, string>; curl: string };
    expect(j.method).toBe('POST');
    expect(j.limits).toEqual({ maxBytes: 5 * 1024 ** 3, key: 'docs/one.pdf' });
    expect(j.fields.key).toBe('docs/one.pdf');
    expect(j.curl).toContain("-F 'file=@FILE'");
  });

  it.each([
    [['--max-size', '5MiB'], /--max-size limits upload forms \(--method POST\)/],
    [['--method', 'POST', '--max-size', 'huge'], /--max-size: "huge" is not a size/],
    [['--method', 'POST', '--max-size', '6GiB'], /between 1 byte and 5 GiB/],
    [['--method', 'POST', '--content-type', 'images'], /not a content type/],
    [['--method', 'POST', '--download-name', 'x.pdf'], /apply to downloads \(GET\)/],
    [['--method', 'POST', '-e', '8d'], /at most 7 days/],
  ])('%j is a usage error (exit 2)', (extra, message) => {
    const r = runSignet(env, ['link', `s3://${bucket}/inbox/`, ...extra]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
});
