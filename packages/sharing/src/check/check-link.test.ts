// checkLink against a local http.createServer that answers like CloudFront and AWS S3 do, for
// the classes RGW cannot produce (CloudFront's key and policy errors, AWS's "Request has
// expired" / "not valid yet" texts, RequestTimeTooSkewed, region redirects, a server that
// never answers). These are canned responses, not CloudFront or AWS; the RGW-producible classes
// run against a real RGW in check-link.integ.test.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink } from './check-link.js';

const xml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
const seen: { method?: string; headers: IncomingMessage['headers'] }[] = [];
let base = '';
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  seen.push({ ...(req.method ? { method: req.method } : {}), headers: req.headers });
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/xml', ...headers });
    res.end(body);
  };
  switch (path) {
    case '/ok':
      return answer(206, 'h');
    case '/empty':
      return answer(416, '');
    case '/cf-unknown-key':
      return answer(403, xml('InvalidKey', 'Unknown Key'));
    case '/cf-missing-key':
      return answer(403, xml('MissingKey', 'Missing Key-Pair-Id query parameter or cookie value'));
    case '/cf-denied':
      return answer(403, xml('AccessDenied', 'Access denied'));
    case '/cf-policy':
      return answer(403, xml('MalformedPolicy', 'Malformed Policy'));
    case '/s3-expired':
      return answer(403, xml('AccessDenied', 'Request has expired'));
    case '/s3-not-yet':
      return answer(403, xml('AccessDenied', 'Request is not valid yet'));
    case '/s3-skewed':
      return answer(
        403,
        xml('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'),
      );
    case '/s3-denied-server-behind':
      return answer(403, xml('AccessDenied', ''), { date: new Date(Date.now() - 3 * 3600_000).toUTCString() });
    case '/s3-expired-token':
      return answer(400, xml('ExpiredToken', 'The provided token has expired.'));
    case '/s3-redirect':
      return answer(
        301,
        xml(
          'PermanentRedirect',
          'The bucket you are attempting to access must be addressed using the specified endpoint.',
        ),
      );
    case '/s3-500':
      return answer(500, xml('InternalError', 'We encountered an internal error.'));
    case '/teapot':
      return answer(418, 'no');
    case '/hang':
      return; // never answers
    case '/put-ok':
      return; // 'checkContinue' below
    default:
      return answer(404, xml('NoSuchKey', 'The specified key does not exist.'));
  }
});
// PUT probes: judge the headers before the body, as S3 does.
server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
  seen.push({ ...(req.method ? { method: req.method } : {}), headers: req.headers });
  if (req.url?.startsWith('/put-ok')) return res.writeContinue();
  if (req.url?.startsWith('/put-ignores-expect')) return; // waits for a body
  res.writeHead(403, { 'content-type': 'text/xml' });
  res.end(xml('SignatureDoesNotMatch', ''));
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const future = Math.floor(Date.now() / 1000) + 3600;
const cf = (path: string, q = `Expires=${future}&Signature=abc&Key-Pair-Id=K2JCJMDEHXQW5F`) => `${base}${path}?${q}`;
const sigv4 = (path: string, at = new Date(), expires = 300) => {
  const d = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `${base}${path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20300101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=${d}&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host&X-Amz-Signature=abc`;
};
const policy = (condition: object) =>
  Buffer.from(JSON.stringify({ Statement: [{ Resource: 'https://d.cloudfront.net/x', Condition: condition }] }))
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/=/g, '_')
    .replace(/\//g, '~');

describe('checkLink (canned CloudFront / AWS answers from a local server)', () => {
  it.each([
    ['a working link (1-byte range GET, not HEAD)', () => sigv4('/ok'), 'ok', /works/],
    ['an empty object (416 to the range)', () => sigv4('/empty'), 'ok', /works/],
    [
      'CloudFront: key id not in the trusted key group',
      () => cf('/cf-unknown-key'),
      'cloudfront-key-untrusted',
      /trusted key group.*Add the public key/,
    ],
    [
      'CloudFront: no Key-Pair-Id',
      () => cf('/cf-missing-key', `Expires=${future}&Signature=abc`),
      'signature-mismatch',
      /no Key-Pair-Id.*Copy the whole link/,
    ],
    [
      'CloudFront: Access denied on a live link',
      () => cf('/cf-denied'),
      'access-denied',
      /signature does not verify.*Origin Access Control/,
    ],
    [
      'CloudFront: Access denied on a canned link past its Expires',
      () => cf('/cf-denied', `Expires=${future - 7200}&Signature=a&Key-Pair-Id=K2JCJMDEHXQW5F`),
      'expired',
      /expired\. Make a new one/,
    ],
    [
      'CloudFront: custom policy that starts later',
      () =>
        cf(
          '/cf-denied',
          `Policy=${policy({ DateLessThan: { 'AWS:EpochTime': future + 3600 }, DateGreaterThan: { 'AWS:EpochTime': future } })}&Signature=a&Key-Pair-Id=K2JCJMDEHXQW5F`,
        ),
      'not-yet-valid',
      /start time is in the future/,
    ],
    [
      'CloudFront: custom policy that ended',
      () =>
        cf(
          '/cf-denied',
          `Policy=${policy({ DateLessThan: { 'AWS:EpochTime': future - 7200 } })}&Signature=a&Key-Pair-Id=K2JCJMDEHXQW5F`,
        ),
      'expired',
      /expired/,
    ],
    ['CloudFront: damaged policy', () => cf('/cf-policy'), 'signature-mismatch', /changed after signing/],
    ['AWS: "Request has expired"', () => sigv4('/s3-expired'), 'expired', /Make a new one/],
    [
      'AWS: "Request is not valid yet" (signer clock ahead)',
      () => sigv4('/s3-not-yet', new Date(Date.now() + 3600_000)),
      'clock-skew',
      /clock is too far off/,
    ],
    ['AWS: RequestTimeTooSkewed', () => sigv4('/s3-skewed'), 'clock-skew', /turn on network time/],
    [
      'AWS: ExpiredToken (the session that signed it ended)',
      () => sigv4('/s3-expired-token'),
      'expired',
      /temporary credentials.*aws sso login/,
    ],
    ['AWS: PermanentRedirect (wrong region)', () => sigv4('/s3-redirect'), 'unexpected', /another region.*region/],
    ['a server error', () => sigv4('/s3-500'), 'unexpected', /HTTP 500 InternalError.*Try again/],
    ['an unknown answer', () => sigv4('/teapot'), 'unexpected', /HTTP 418/],
    ['no such key', () => sigv4('/missing'), 'no-such-key', /no object at that key/],
  ])('%s', async (_what, make, status, message) => {
    const r = await checkLink(make());
    expect(r.status, r.message).toBe(status);
    expect(r.ok).toBe(status === 'ok');
    expect(r.message).toMatch(message);
    const last = seen.at(-1)!;
    expect(last.method).toBe('GET');
    expect(last.headers.range).toBe('bytes=0-0');
  });

  it('a plain AccessDenied while the server clock is 3 h behind: clock skew, with the skew measured', async () => {
    const r = await checkLink(sigv4('/s3-denied-server-behind'));
    expect(r.status).toBe('clock-skew');
    expect(r.clockSkewMs).toBeLessThan(-2.9 * 3600_000);
    expect(r.message).toMatch(/180 min ahead of the server/);
  });

  it('a link the server says has ended while this computer says it has not: clock skew', async () => {
    // this computer's clock is 3 h behind the server's: a 5-minute link it signs "now" has
    // already ended by the server's clock
    const local = new Date(Date.now() - 3 * 3600_000);
    const r = await checkLink(sigv4('/cf-denied', local, 300), { now: local });
    expect(r.status).toBe('clock-skew');
    expect(r.clockSkewMs).toBeGreaterThan(2.9 * 3600_000);
  });

  it('PUT links are probed with Expect: 100-continue and no body', async () => {
    const ok = await checkLink(`${base}/put-ok?X-Amz-SignedHeaders=host`, { method: 'PUT' });
    expect(ok).toMatchObject({
      status: 'ok',
      ok: true,
      httpStatus: 100,
      message: expect.stringMatching(/without uploading anything/),
    });
    expect(seen.at(-1)!.headers).toMatchObject({ expect: '100-continue', 'content-length': '1' });
    expect((await checkLink(`${base}/put-bad?X-Amz-SignedHeaders=host`, { method: 'PUT' })).status).toBe(
      'signature-mismatch',
    );
    const ignored = await checkLink(`${base}/put-ignores-expect?X-Amz-SignedHeaders=host`, {
      method: 'PUT',
      timeoutMs: 500,
    });
    expect(ignored).toMatchObject({
      status: 'unexpected',
      ok: false,
      message: expect.stringMatching(/could not be checked without uploading\. Nothing was uploaded/),
    });
    // a signed Content-Type must be sent, or the check would fail for nothing
    const needs = await checkLink(`${base}/put-ok?X-Amz-SignedHeaders=content-type%3Bhost`, { method: 'PUT' });
    expect(needs).toMatchObject({
      ok: false,
      message: expect.stringMatching(/signed for the header\(s\) content-type/),
    });
    const withIt = await checkLink(`${base}/put-ok?X-Amz-SignedHeaders=content-type%3Bhost`, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(withIt.ok).toBe(true);
    expect(seen.at(-1)!.headers['content-type']).toBe('text/plain');
  });

  it('unreachable: refused, unresolvable, silent; not a link at all', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await checkLink(`http://127.0.0.1:${port}/x`)).toMatchObject({
      status: 'unreachable',
      ok: false,
      message: expect.stringMatching(/refused the connection/),
    });
    expect((await checkLink('http://no-such-host.invalid/x')).message).toMatch(/does not resolve/);
    const hang = await checkLink(`${base}/hang`, { timeoutMs: 300 });
    expect(hang).toMatchObject({
      status: 'unreachable',
      message: expect.stringMatching(/did not answer within 0.3 s/),
    });
    expect(await checkLink('s3://bucket/key')).toMatchObject({ status: 'unexpected', ok: false });
  });
});
