// `pnpm bench cloudfront`: per-link cost of CloudFront signing, as ratios against a baseline
// measured in the same run.
//   baseline — crypto.sign('sha1', policy, keyObject): one raw RSA-2048 signature with an
//              already-parsed key, the floor for a CloudFront link
//   subject  — createCloudFrontSigner(...).signUrl over distinct object URLs (key parsed once)
//   naive    — getSignedUrl from @aws-sdk/cloudfront-signer with the PEM string (re-parses the
//              key on every call)
// Goal (issue 2): signUrl ≤ 1.3× the raw RSA signature. Also shows that one wildcard policy is
// one signature however many objects it covers.
import { generateKeyPairSync, sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { createCloudFrontSigner, parseCloudFrontPrivateKey } from '../../packages/core/src/index.js';
import { measure, printRows, ratio } from './measure.js';

type GetSignedUrl = (o: { url: string; keyPairId: string; privateKey: string; dateLessThan: string }) => string;
const { getSignedUrl } = createRequire(new URL('../../packages/core/package.json', import.meta.url))(
  '@aws-sdk/cloudfront-signer',
) as { getSignedUrl: GetSignedUrl };

const DOMAIN = 'https://d111111abcdef8.cloudfront.net';
const URLS = Array.from({ length: 5_000 }, (_, i) => `${DOMAIN}/media/${i}/Lecture ${i}.mp4`);

export async function run(): Promise<{ missed: number }> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const policies = URLS.map((u) =>
    Buffer.from(`{"Statement":[{"Resource":"${u}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`),
  );

  let a = 0;
  const raw = await measure(
    'raw RSA-2048 crypto.sign (parsed KeyObject)',
    () => sign('sha1', policies[a++ % policies.length]!, privateKey),
    { batch: 20 },
  );

  const signer = createCloudFrontSigner({ keyPairId: 'K2JCJMDEHXQW5F', privateKey: parseCloudFrontPrivateKey(pem) });
  const expiresAt = new Date(expires * 1000);
  let b = 0;
  const subject = await measure(
    'createCloudFrontSigner().signUrl (key parsed once)',
    () => signer.signUrl({ url: URLS[b++ % URLS.length]!, expiresAt }),
    { batch: 20 },
  );

  let c = 0;
  const naive = await measure(
    'SDK getSignedUrl with a PEM string',
    () =>
      getSignedUrl({
        url: URLS[c++ % URLS.length]!,
        keyPairId: 'K2JCJMDEHXQW5F',
        privateKey: pem,
        dateLessThan: expiresAt.toISOString(),
      }),
    { batch: 20 },
  );

  const rows = [
    ratio(subject, raw, 'signUrl ≤ 1.3× raw RSA-2048', (x) => x <= 1.3),
    ratio(subject, naive, 'faster than the SDK re-parsing the PEM (< 1×)', (x) => x < 1),
  ];
  printRows('CloudFront signing (per link)', rows);

  // One wildcard policy covers a whole prefix: sign once, append to every object URL.
  const t0 = performance.now();
  const wildcard = signer.signUrl({ url: `${DOMAIN}/media/*`, expiresAt });
  const query = wildcard.url.slice(wildcard.url.indexOf('?'));
  const folder = URLS.map((u) => `${encodeURI(u)}${query}`);
  const ms = performance.now() - t0;
  console.log(
    `One wildcard policy: 1 signature for ${folder.length} object URLs in ${ms.toFixed(2)} ms (vs ${((subject.usPerOp * folder.length) / 1000).toFixed(0)} ms signing each).`,
  );
  return { missed: rows.filter((r) => !r.pass).length };
}
