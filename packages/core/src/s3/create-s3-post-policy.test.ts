import { createHmac } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSignetError } from '../errors.js';
import { createS3PostPolicy } from './create-s3-post-policy.js';

const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const now = new Date('2026-11-22T10:00:00.400Z');
const inOneHour = new Date('2026-11-22T11:00:00.400Z');
const config = { credentials, region: 'eu-west-1' };
const decode = (p: string) =>
  JSON.parse(Buffer.from(p, 'base64').toString('utf8')) as {
    expiration: string;
    conditions: unknown[];
  };
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest();

afterEach(() => vi.useRealTimers());

describe('createS3PostPolicy', () => {
  it('signs a policy with the size range, key prefix, content-type family and expiry', () => {
    const p = createS3PostPolicy(config, {
      bucket: 'uploads-1',
      target: { prefix: 'inbox/' },
      expiresAt: inOneHour,
      now,
      maxBytes: 50 * 1024 * 1024,
      contentType: 'image/*',
    });
    expect(p.url).toBe('https://uploads-1.s3.eu-west-1.amazonaws.com/');
    expect(p.fields.key).toBe('inbox/${filename}');
    expect(p.uploaderSets).toEqual({ 'Content-Type': 'image/' });
    expect(p.limits).toEqual({ maxBytes: 52_428_800, keyPrefix: 'inbox/', contentType: 'image/*' });
    const policy = decode(p.fields.Policy!);
    expect(policy.expiration).toBe('2026-11-22T11:00:00.000Z'); // X-Amz-Date's second + 3600 s, as presigned links
    expect(policy.conditions).toEqual([
      { bucket: 'uploads-1' },
      ['starts-with', '$key', 'inbox/'],
      ['content-length-range', 0, 52_428_800],
      ['starts-with', '$Content-Type', 'image/'],
      { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
      { 'x-amz-credential': 'AKIAIOSFODNN7EXAMPLE/20261122/eu-west-1/s3/aws4_request' },
      { 'x-amz-date': '20261122T100000Z' },
    ]);
    // The signature, derived independently: HMAC chain over the base64 policy.
    let k = hmac(`AWS4${credentials.secretAccessKey}`, '20261122');
    for (const part of ['eu-west-1', 's3', 'aws4_request']) k = hmac(k, part);
    expect(p.fields['X-Amz-Signature']).toBe(hmac(k, p.fields.Policy!).toString('hex'));
  });

  it('signs the way @aws-sdk/s3-presigned-post does (same credential fields, same signature for a policy)', async () => {
    vi.useFakeTimers({ now, toFake: ['Date'] });
    const lib = await createPresignedPost(new S3Client({ region: 'eu-west-1', credentials }), {
      Bucket: 'uploads-1',
      Key: 'inbox/a.png',
      Conditions: [['content-length-range', 0, 1000]],
      Expires: 3600,
    });
    const mine = createS3PostPolicy(config, {
      bucket: 'uploads-1',
      target: { key: 'inbox/a.png' },
      expiresAt: inOneHour,
      now,
      maxBytes: 1000,
    });
    for (const f of ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date']) expect(mine.fields[f]).toBe(lib.fields[f]);
    let k = hmac(`AWS4${credentials.secretAccessKey}`, '20261122');
    for (const part of ['eu-west-1', 's3', 'aws4_request']) k = hmac(k, part);
    expect(hmac(k, lib.fields.Policy!).toString('hex')).toBe(lib.fields['X-Amz-Signature']);
    expect(new URL(mine.url).host).toBe(new URL(lib.url).host);
  });

  it('an exact key and content type are fixed fields; a session token is signed in', () => {
    const p = createS3PostPolicy(
      { ...config, credentials: { ...credentials, sessionToken: 'tok/en+' } },
      { bucket: 'b-1', target: { key: 'a b.pdf' }, expiresAt: inOneHour, now, contentType: 'application/pdf' },
    );
    expect(p.fields).toMatchObject({
      key: 'a b.pdf',
      'Content-Type': 'application/pdf',
      'X-Amz-Security-Token': 'tok/en+',
    });
    expect(decode(p.fields.Policy!).conditions).toEqual(
      expect.arrayContaining([
        { key: 'a b.pdf' },
        { 'Content-Type': 'application/pdf' },
        { 'x-amz-security-token': 'tok/en+' },
        ['content-length-range', 0, 5 * 1024 ** 3],
      ]),
    );
    expect(p.uploaderSets).toEqual({});
  });

  it.each([
    [{ maxBytes: 0 }, 'OPTION_INVALID', /between 1 byte and 5 GiB/],
    [{ maxBytes: 5 * 1024 ** 3 + 1 }, 'OPTION_INVALID', /between 1 byte and 5 GiB/],
    [{ contentType: 'image' }, 'OPTION_INVALID', /not a content type/],
    [{ contentType: '*/png' }, 'OPTION_INVALID', /not a content type/],
    [{ expiresAt: new Date(now.getTime() + 8 * 86_400_000) }, 'EXPIRY_TOO_LONG', /at most 7 days/],
    [{ expiresAt: now }, 'EXPIRY_IN_PAST', /not in the future/],
  ])('refuses %j', (bad, code, message) => {
    let err: unknown;
    try {
      createS3PostPolicy(config, { bucket: 'b-1', target: { prefix: '' }, expiresAt: inOneHour, now, ...bad });
    } catch (e) {
      err = e;
    }
    expect(isSignetError(err, code as 'OPTION_INVALID')).toBe(true);
    expect((err as Error).message).toMatch(message);
  });
});
