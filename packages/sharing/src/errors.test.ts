import { SignetError } from '@signet/core';
import { describe, expect, it } from 'vitest';
import { isSharingError, SharingError, toUserMessage } from './errors.js';

describe('toUserMessage', () => {
  it('passes on our own errors as they are written to be shown', () => {
    expect(toUserMessage(new SignetError('EXPIRY_TOO_LONG', 'Too long.'))).toEqual({
      code: 'EXPIRY_TOO_LONG',
      message: 'Too long.',
    });
    const e = new SharingError('KEYCHAIN_LOCKED', 'Locked.', { cause: new Error('x') });
    expect(isSharingError(e, 'KEYCHAIN_LOCKED')).toBe(true);
    expect(isSharingError(e, 'CONFIG_CORRUPT')).toBe(false);
    expect(toUserMessage(e)).toEqual({ code: 'KEYCHAIN_LOCKED', message: 'Locked.' });
  });

  it('AWS SDK errors become advice, never the server text (it may quote request details)', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const sdk = Object.assign(new Error(`The request signature we calculated does not match ${secret}`), {
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
    const r = toUserMessage(sdk);
    expect(r.code).toBe('SignatureDoesNotMatch');
    expect(r.message).toMatch(/secret access key does not match/);
    expect(r.message).not.toContain(secret);
    const other = toUserMessage(Object.assign(new Error(secret), { name: 'InvalidBucketName', $metadata: {} }));
    expect(other).toEqual({ code: 'InvalidBucketName', message: expect.stringMatching(/answered InvalidBucketName/) });
    expect(
      toUserMessage(Object.assign(new Error(secret), { name: `bad ${secret}`, $metadata: {} })).message,
    ).not.toContain(secret);
  });

  it('network, file-system, credential-provider and unknown errors', () => {
    expect(toUserMessage(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).code).toBe(
      'SERVER_UNREACHABLE',
    );
    const fsErr = Object.assign(new Error('EACCES: permission denied'), {
      code: 'EACCES',
      syscall: 'open',
      path: '/x/profiles.json',
    });
    expect(toUserMessage(fsErr)).toEqual({
      code: 'EACCES',
      message: expect.stringMatching(/no permission to use \/x\/profiles\.json/),
    });
    const provider = Object.assign(new Error('aws_secret_access_key=abc123 is bad'), {
      name: 'CredentialsProviderError',
    });
    expect(toUserMessage(provider).message).not.toContain('abc123');
    expect(toUserMessage(new Error('secret s3cr3t'))).toEqual({
      code: 'INTERNAL',
      message: expect.not.stringContaining('s3cr3t'),
    });
    expect(toUserMessage('a string').code).toBe('INTERNAL');
    expect(toUserMessage(null).code).toBe('INTERNAL');
  });
});
