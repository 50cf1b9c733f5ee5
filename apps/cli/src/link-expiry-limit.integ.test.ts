// Issue 11 item 13 in `signet link --profile`: `-e 999999w` ends past the year 9999, whose ISO
// form (+021192-…) the CLI handed to the sharing engine, which refused it as "neither a duration
// nor a date-time" — an error about a string the user never typed. It must say what the limit is
// (EXPIRY_TOO_LONG) and exit 2, like any other bad value. Built CLI as a child process, profiles
// and the CloudFront key in the test keychain; nothing is signed, so no server is needed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCloudFrontProfile,
  buildCli,
  exampleKeys,
  expectOk,
  runSignet,
  sealedCliEnv,
} from '../../../scripts/test-support/signet-cli.js';

describe('signet link --profile: expiries past the year 9999', () => {
  const home = mkdtempSync(join(tmpdir(), 'signet-link-expiry-'));
  const cdn = `cdn${Date.now().toString(36)}`;
  const plain = `s3p${Date.now().toString(36)}`;
  let env: NodeJS.ProcessEnv;
  const run = (args: string[]) => runSignet(env, args);

  beforeAll(() => {
    buildCli();
    env = sealedCliEnv(home, { endpoint: false, keys: exampleKeys });
    addCloudFrontProfile(run, cdn, { domain: 'd111111abcdef8.cloudfront.net', pem: join(home, 'cf.pem') });
    expectOk(run, ['profile', 'add', plain, '--bucket', 'plain-bucket', '--default-chain']);
  }, 60_000);

  afterAll(() => {
    run(['profile', 'remove', cdn]);
    run(['profile', 'remove', plain]);
    rmSync(home, { recursive: true, force: true });
  });

  it.each(['999999w', '9999999w'])('a CloudFront profile and -e %s: the 10-year limit, exit 2', (e) => {
    const r = run(['link', 's3://media-bucket/report.pdf', '--profile', cdn, '-e', e]);
    expect(r.err).toMatch(/CloudFront links from Signet live at most 10 years/);
    expect(r.err).not.toMatch(/neither a duration nor a date-time|\+0\d{5}-/);
    expect(r.out).toBe('');
    expect(r.code).toBe(2);
  });

  it('an S3 profile and -e 999999w: the 7-day limit, exit 2', () => {
    const r = run(['link', 's3://plain-bucket/report.pdf', '--profile', plain, '-e', '999999w']);
    expect(r.err).toMatch(/S3 presigned links live at most 7 days/);
    expect(r.code).toBe(2);
  });

  it('within the limit the CloudFront link is made', () => {
    const r = run(['link', 's3://media-bucket/report.pdf', '--profile', cdn, '-e', '520w']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^https:\/\/d111111abcdef8\.cloudfront\.net\/report\.pdf\?/);
  });
});
