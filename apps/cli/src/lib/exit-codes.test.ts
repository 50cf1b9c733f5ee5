// Which core errors mean "the command line is wrong" (exit 2) rather than "the world failed" (1).
import { describe, expect, it } from 'vitest';
import { isBadValueError } from './exit-codes.js';

describe('isBadValueError', () => {
  it.each(['URL_TOO_LONG', 'EXPIRY_TOO_LONG', 'BUCKET_INVALID', 'CIDR_INVALID', 'NOT_AN_OBJECT'])(
    '%s is a bad value typed by the user: exit 2',
    (code) => expect(isBadValueError({ code })).toBe(true),
  );
  it.each(['CREDENTIALS_MISSING', 'KEYCHAIN_LOCKED', 'NETWORK', undefined])('%s is not: exit 1', (code) =>
    expect(isBadValueError({ code })).toBe(false),
  );
});
