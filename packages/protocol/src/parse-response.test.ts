import { describe, expect, it } from 'vitest';
import { buildAppNotRunning, buildError, buildSuccess } from './build-messages.js';
import { parseResponse } from './parse-response.js';

const link = {
  id: 'l1',
  url: 'https://bucket.s3.eu-west-1.amazonaws.com/a.pdf?X-Amz-Expires=3600',
  kind: 's3' as const,
  method: 'GET' as const,
  profileId: 'work',
  bucket: 'bucket',
  key: 'a.pdf',
  expiresAt: '2026-11-22T12:00:00.000Z',
  effectiveExpiresAt: '2026-11-22T11:30:00.000Z',
  warnings: [{ code: 'CREDENTIALS_EXPIRE_FIRST', message: 'The credentials expire first.' }],
};

describe('parseResponse', () => {
  it('returns the typed result of a success reply', () => {
    expect(parseResponse(buildSuccess('link', 'r1', link), 'link')).toEqual({ ok: true, id: 'r1', result: link });
  });

  it('passes error replies through, with the desktop code', () => {
    const reply = buildError('r2', {
      code: 'DESKTOP_ERROR',
      desktopCode: 'KEYCHAIN_LOCKED',
      message: 'Unlock your keychain.',
    });
    expect(parseResponse(reply, 'link')).toEqual({ ok: false, id: 'r2', error: reply.error });
    expect(parseResponse(buildAppNotRunning('r3'), 'status')).toMatchObject({
      ok: false,
      error: { code: 'APP_NOT_RUNNING', message: expect.stringContaining('signet serve') },
    });
  });

  it('turns unreadable replies into INTERNAL errors instead of throwing', () => {
    expect(
      parseResponse({ v: 1, id: 'r', ok: true, type: 'link', result: { ...link, url: 'not a url' } }, 'link'),
    ).toMatchObject({ ok: false, id: 'r', error: { code: 'INTERNAL' } });
    expect(parseResponse({ v: 1, id: 'r', ok: true, type: 'status', result: {} }, 'link')).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(parseResponse('garbage', 'link')).toMatchObject({ ok: false, id: null, error: { code: 'INTERNAL' } });
    expect(
      parseResponse({ v: 1, id: 'r', ok: false, error: { code: 'SOMETHING_NEW', message: 'x' } }, 'link'),
    ).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
