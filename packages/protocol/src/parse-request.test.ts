import { describe, expect, it } from 'vitest';
import { buildRequest } from './build-messages.js';
import { parseRequest } from './parse-request.js';

describe('parseRequest', () => {
  it('accepts every request type built with buildRequest', () => {
    const requests = [
      buildRequest('hello', 'a', { versions: [1], extensionVersion: '0.1.0' }),
      buildRequest('link', 'b', { ref: 's3://bucket/key.pdf', expires: '1h', options: { inline: true } }, 5000),
      buildRequest('link', 'c', { ref: 'https://bucket.s3.amazonaws.com/k', expires: '2026-12-01T10:00:00Z' }),
      buildRequest('recentLinks', 'd', { limit: 5 }),
      buildRequest('status', 'e', {}),
    ];
    for (const r of requests) {
      const parsed = parseRequest(JSON.parse(JSON.stringify(r)));
      expect(parsed, JSON.stringify(r)).toMatchObject({ ok: true, request: { id: r.id, type: r.type } });
    }
  });

  it('fills defaults for params-less requests', () => {
    expect(parseRequest({ v: 1, id: 'x', type: 'status' })).toEqual({
      ok: true,
      request: { v: 1, id: 'x', type: 'status', params: {} },
    });
  });

  it('answers a wrong version with VERSION_MISMATCH and the id', () => {
    const parsed = parseRequest({ v: 2, id: 'q', type: 'link', params: { ref: 's3://b/k' } });
    expect(parsed).toMatchObject({ ok: false, id: 'q', error: { code: 'VERSION_MISMATCH', supportedVersions: [1] } });
    expect(parseRequest({ v: '1', id: 'q', type: 'status' })).toMatchObject({
      ok: false,
      error: { code: 'VERSION_MISMATCH' },
    });
  });

  it('answers a broken body with BAD_REQUEST, keeping the id when there is one', () => {
    expect(parseRequest({ v: 1, id: 'q', type: 'link', params: {} })).toMatchObject({
      ok: false,
      id: 'q',
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('params.ref') },
    });
    expect(parseRequest({ v: 1, id: 'q', type: 'nope' })).toMatchObject({
      ok: false,
      id: 'q',
      error: { code: 'BAD_REQUEST' },
    });
    expect(
      parseRequest({ v: 1, id: 'q', type: 'link', params: { ref: 's3://b/k', expires: 'tomorrow' } }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('duration') } });
    expect(
      parseRequest({ v: 1, id: 'q', type: 'link', params: { ref: 's3://b/k', options: { secretAccessKey: 'x' } } }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(
      parseRequest({ v: 1, id: 'q', type: 'link', timeoutMs: 10 ** 9, params: { ref: 's3://b/k' } }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers non-objects with BAD_REQUEST and a null id', () => {
    for (const raw of [
      null,
      42,
      'hello',
      [],
      { id: 7 },
      { v: 1, id: '', type: 'status' },
      { v: 1, id: 'x'.repeat(65), type: 'status' },
    ]) {
      expect(parseRequest(raw)).toMatchObject({ ok: false, id: null, error: { code: 'BAD_REQUEST' } });
    }
  });

  it('does not echo the offending value in the message (it may be a signed URL)', () => {
    const ref = 'https://b.s3.amazonaws.com/k?X-Amz-Signature=deadbeef' + 'x'.repeat(9000);
    const parsed = parseRequest({ v: 1, id: 'q', type: 'link', params: { ref } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).not.toContain('deadbeef');
  });
});
