// Issue 11 item 13 at the bridge: an approved extension asked a live `signet serve` for a
// CloudFront link with `expires: "9999999w"` (valid by the protocol's grammar) and Signet minted
// a link expiring in the year 193,806, whose expiresAt the protocol cannot carry back. The built
// CLI runs as a child process with a CloudFront profile and a generated key in the test keychain;
// the request goes over the real framed protocol. It must be refused (EXPIRY_TOO_LONG) before
// anything is signed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParamsOf } from '@signet/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApproved, type LiveServe } from '../../../scripts/test-support/approved-serve.js';
import {
  addCloudFrontProfile,
  buildCli,
  exampleKeys,
  runSignet,
  sealedCliEnv,
} from '../../../scripts/test-support/signet-cli.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const DOMAIN = 'd111111abcdef8.cloudfront.net';

describe('signet serve: CloudFront expiry has an upper bound', () => {
  const home = mkdtempSync(join(tmpdir(), 'signet-serve-expiry-'));
  let env: NodeJS.ProcessEnv;
  let serve: LiveServe | undefined;

  const signet = (args: string[]) => runSignet(env, args);

  beforeAll(async () => {
    buildCli();
    env = sealedCliEnv(home, { endpoint: false, keys: exampleKeys });
    addCloudFrontProfile(signet, `cdn${Date.now().toString(36)}`, {
      domain: DOMAIN,
      pem: join(home, 'cf.pem'),
      extra: ['--default'],
    });
    serve = await serveApproved(env, home, ORIGIN);
  }, 60_000);

  afterAll(() => {
    serve?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  const ask = (params: ParamsOf<'link'>) => serve!.askLink(params);

  it.each(['9999999w', '9999-12-31T23:59:59Z'])(
    'a link with expires %s is refused with EXPIRY_TOO_LONG and the limit in words',
    async (expires) => {
      const r = await ask({ ref: `https://${DOMAIN}/video.mp4`, expires });
      expect(r, JSON.stringify(r)).toMatchObject({
        ok: false,
        // The protocol's code for a bad value, with the desktop's own code kept alongside.
        error: {
          code: 'BAD_REQUEST',
          desktopCode: 'EXPIRY_TOO_LONG',
          message: expect.stringMatching(/at most 10 years/),
        },
      });
      expect(JSON.stringify(r)).not.toContain('Signature=');
    },
  );
});
