// SigV4 details a link depends on: the signed content-type is canonicalised as SigV4 requires
// (the header printed for the uploader is that form), and the expiry bounds are checked on
// the X-Amz-Expires value that is signed, whatever the sub-second offset of the clock.
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { isSignetError } from '../errors.js';
import { createS3Presigner } from './create-s3-presigner.js';

const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const presigner = createS3Presigner({ credentials, region: 'us-east-1' });
const at = (iso: string, plusMs = 0) => new Date(new Date(iso).getTime() + plusMs);
const expiresOf = (url: string) => Number(new URL(url).searchParams.get('X-Amz-Expires'));

describe('PUT links: the signed content-type', () => {
  it.each([
    ['text/plain;  charset=utf-8', 'text/plain; charset=utf-8'],
    ['  application/pdf  ', 'application/pdf'],
    ['text/plain;\tcharset=utf-8', 'text/plain; charset=utf-8'],
    ['multipart/form-data;   boundary="a   b"', 'multipart/form-data; boundary="a b"'],
  ])('%j is signed and printed as %j (SigV4 trims and collapses inner whitespace)', async (given, canonical) => {
    const now = at('2026-11-22T10:00:00Z');
    const link = presigner.presignSync({
      bucket: 'b-1',
      key: 'up.txt',
      method: 'PUT',
      contentType: given,
      expiresAt: at('2026-11-22T11:00:00Z'),
      now,
    });
    expect(link.headers).toEqual({ 'Content-Type': canonical });
    // The smithy reference signer, given the header as the uploader sends it, agrees.
    const reference = new SignatureV4({
      credentials,
      region: 'us-east-1',
      service: 's3',
      sha256: Hash.bind(null, 'sha256'),
      uriEscapePath: false,
    });
    const ref = await reference.presign(
      new HttpRequest({
        method: 'PUT',
        protocol: 'https:',
        hostname: 'b-1.s3.amazonaws.com',
        path: '/up.txt',
        headers: { host: 'b-1.s3.amazonaws.com', 'content-type': given, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      }),
      {
        signingDate: now,
        expiresIn: 3600,
        unhoistableHeaders: new Set(['x-amz-content-sha256']),
        unsignableHeaders: new Set(['x-amz-content-sha256']),
      },
    );
    expect(new URL(link.url).searchParams.get('X-Amz-Signature')).toBe(ref.query?.['X-Amz-Signature']);
  });
});

describe('expiry bounds are checked on the signed X-Amz-Expires', () => {
  // Sub-second offsets of the signing clock, and the asked expiry computed a few ms earlier
  // (as the CLI does: it parses --expires, then signs).
  const offsets = [0, 1, 499, 500, 998, 999];
  const lags = [0, 3, 40];

  it.each(offsets)('at .%i s: 7 days exactly is signed as 604800, 604801 s is always refused', (ms) => {
    for (const lag of lags) {
      const start = at('2026-11-22T10:00:00Z', ms);
      const now = new Date(start.getTime() + lag);
      const week = presigner.presignSync({
        bucket: 'b-1',
        key: 'k',
        expiresAt: new Date(start.getTime() + 604_800_000),
        now,
      });
      expect(expiresOf(week.url)).toBeLessThanOrEqual(604_800);
      let err: unknown;
      try {
        const over = presigner.presignSync({
          bucket: 'b-1',
          key: 'k',
          expiresAt: new Date(start.getTime() + 604_801_000),
          now,
        });
        err = expiresOf(over.url);
      } catch (e) {
        err = e;
      }
      expect(isSignetError(err, 'EXPIRY_TOO_LONG'), `offset ${ms} ms, lag ${lag} ms gave ${String(err)}`).toBe(true);
    }
  });

  it.each(offsets)('at .%i s: 1 s is always signed (X-Amz-Expires=1), never refused', (ms) => {
    for (const lag of lags) {
      const start = at('2026-11-22T10:00:00Z', ms);
      const now = new Date(start.getTime() + lag);
      const link = presigner.presignSync({ bucket: 'b-1', key: 'k', expiresAt: new Date(start.getTime() + 1000), now });
      expect(expiresOf(link.url)).toBe(1);
      // The reported expiry is the signed one: X-Amz-Date + X-Amz-Expires.
      expect(link.expiresAt.getTime()).toBe(Math.floor(now.getTime() / 1000) * 1000 + 1000);
    }
  });

  it('an expiry already past is refused; a date-time expiry on a whole second is signed to that second', () => {
    const now = at('2026-11-22T10:00:00Z', 700);
    expect(() => presigner.presignSync({ bucket: 'b-1', key: 'k', expiresAt: now, now })).toThrow(/not in the future/);
    const link = presigner.presignSync({ bucket: 'b-1', key: 'k', expiresAt: at('2026-11-22T11:00:00Z'), now });
    expect(expiresOf(link.url)).toBe(3600);
    expect(link.expiresAt.toISOString()).toBe('2026-11-22T11:00:00.000Z');
  });
});
