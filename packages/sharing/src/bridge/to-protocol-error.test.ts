import { SignetError } from '@signet/core';
import { describe, expect, it } from 'vitest';
import { SharingError } from '../errors.js';
import { toProtocolError } from './to-protocol-error.js';

describe('toProtocolError', () => {
  it('a folder reference keeps its own code across the bridge (not BAD_REQUEST, not a desktop error)', () => {
    expect(toProtocolError(new SignetError('NOT_AN_OBJECT', 's3://b/dir/ is a folder, not an object.'))).toEqual({
      code: 'NOT_AN_OBJECT',
      message: 's3://b/dir/ is a folder, not an object.',
      desktopCode: 'NOT_AN_OBJECT',
    });
  });

  it.each([
    [new SharingError('NO_PROFILE_FOR_OBJECT', 'm'), 'NO_PROFILE_FOR_OBJECT'],
    [new SharingError('PROFILE_NOT_FOUND', 'm'), 'NO_PROFILE_FOR_OBJECT'],
    [new SignetError('KEY_INVALID', 'm'), 'BAD_REQUEST'],
    [new SignetError('EXPIRY_TOO_LONG', 'm'), 'BAD_REQUEST'],
    [new SharingError('KEYCHAIN_LOCKED', 'm'), 'DESKTOP_ERROR'],
  ] as const)('%s → %s', (err, code) => {
    expect(toProtocolError(err)).toEqual({ code, message: 'm', desktopCode: err.code });
  });

  it('anything else is INTERNAL and quotes nothing of the error', () => {
    const e = toProtocolError(new Error('secret=AKIA…'));
    expect(e.code).toBe('INTERNAL');
    expect(e.message).not.toContain('AKIA');
  });
});
