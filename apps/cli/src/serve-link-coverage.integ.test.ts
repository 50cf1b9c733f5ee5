// Attack test (issue 11 item 1): an approved extension talking to a live `signet serve` may only
// get links for objects a profile covers. Naming a `profileId` in the `link` request used to skip
// the coverage check, so any bucket the profile's credentials could read was signed. The built
// CLI runs as a child process, the bridge speaks the real framed protocol over its Unix socket,
// and the links are fetched from RGW to show what the attacker would have got.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { ParamsOf } from '@signet/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApproved, type LiveServe } from '../../../scripts/test-support/approved-serve.js';
import { testS3, testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';
import { addRgwProfile, buildCli, runSignet, sealedCliEnv } from '../../../scripts/test-support/signet-cli.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';

describe('signet serve: a link request cannot pick a profile that does not cover the object', () => {
  const covered = uniqueBucket('covered');
  const uncovered = uniqueBucket('uncovered');
  const home = mkdtempSync(join(tmpdir(), 'signet-serve-cov-'));
  let env: NodeJS.ProcessEnv;
  let serve: LiveServe | undefined;

  const signet = (args: string[]) => runSignet(env, args);

  beforeAll(async () => {
    buildCli();
    // No keychain: the profile signs with the environment's keys (the default chain).
    env = sealedCliEnv(home, { endpoint: false, keychain: false });
    const client = testS3Client();
    for (const b of [covered, uncovered]) {
      await client.send(new CreateBucketCommand({ Bucket: b }));
      await client.send(new PutObjectCommand({ Bucket: b, Key: 'secret.txt', Body: `contents of ${b}` }));
    }
    // One profile, for `covered` only; its credentials (the default chain) can also read `uncovered`.
    addRgwProfile(signet, 'work', covered, ['--default']);
    serve = await serveApproved(env, home, ORIGIN);
  });

  afterAll(() => {
    serve?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  const ask = (params: ParamsOf<'link'>) => serve!.askLink(params);

  it('signs an object of the covered bucket (control: the bridge works)', async () => {
    const r = await ask({ ref: `s3://${covered}/secret.txt`, expires: '5m' });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, result: { profileId: 'work', bucket: covered } });
    const url = (r.result as { url: string }).url;
    expect(await (await fetch(url)).text()).toBe(`contents of ${covered}`);
  });

  it.each([
    ['s3:// reference', () => `s3://${uncovered}/secret.txt`],
    ['path-style URL on the profile endpoint', () => `${testS3().endpoint}/${uncovered}/secret.txt`],
  ])('refuses a profileId for a bucket no profile covers (%s) with NO_PROFILE_FOR_OBJECT', async (_, ref) => {
    const r = await ask({ ref: ref(), profileId: 'work', expires: '5m' });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: false, error: { code: 'NO_PROFILE_FOR_OBJECT' } });
    expect(JSON.stringify(r)).not.toContain('X-Amz-Signature');
  });

  it('refuses an AWS URL of the covered bucket name: the profile is on another server (issue 10)', async () => {
    // Before: signed for the RGW profile, so the "link" pointed at RGW, not at the AWS object.
    for (const profileId of [undefined, 'work']) {
      const r = await ask({
        ref: `https://${covered}.s3.eu-west-1.amazonaws.com/secret.txt`,
        ...(profileId ? { profileId } : {}),
      });
      expect(r, JSON.stringify(r)).toMatchObject({ ok: false, error: { code: 'NO_PROFILE_FOR_OBJECT' } });
    }
  });

  it('refuses the same bucket without a profileId, and a profileId that does not exist', async () => {
    expect(await ask({ ref: `s3://${uncovered}/secret.txt` })).toMatchObject({
      ok: false,
      error: { code: 'NO_PROFILE_FOR_OBJECT' },
    });
    expect(await ask({ ref: `s3://${covered}/secret.txt`, profileId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NO_PROFILE_FOR_OBJECT' },
    });
  });
});
