// CloudFront private keys: parsed once into a KeyObject that is never serialised. The key
// material stays inside this module; the rest of Signet holds an opaque handle.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import { SignetError } from '../errors.js';

/** An opaque, parsed CloudFront signing key. Printing or serialising it shows only its type. */
export interface CloudFrontPrivateKey {
  readonly type: 'rsa' | 'ec';
  /** 2048 for RSA, 256 for ECDSA P-256. */
  readonly bits: number;
}

const keyObjects = new WeakMap<CloudFrontPrivateKey, KeyObject>();

class ParsedKey implements CloudFrontPrivateKey {
  constructor(
    readonly type: 'rsa' | 'ec',
    readonly bits: number,
  ) {}
  toString(): string {
    return `[CloudFront ${this.describe()} private key]`;
  }
  toJSON(): { type: string; bits: number } {
    return { type: this.type, bits: this.bits };
  }
  [inspect.custom](): string {
    return this.toString();
  }
  describe(): string {
    return this.type === 'rsa' ? `RSA-${this.bits}` : 'ECDSA P-256';
  }
}

/** The KeyObject behind a handle made by parseCloudFrontPrivateKey. */
export function keyObjectOf(key: CloudFrontPrivateKey): KeyObject {
  const k = keyObjects.get(key);
  if (!k)
    throw new SignetError('KEY_MALFORMED', 'This CloudFront key was not loaded by Signet. Import the PEM file again.');
  return k;
}

/** `RSA-2048` / `ECDSA P-256`, for messages. */
export function describeCloudFrontKey(key: CloudFrontPrivateKey): string {
  return key.type === 'rsa' ? `RSA-${key.bits}` : 'ECDSA P-256';
}

/**
 * Parses a CloudFront private key: RSA-2048 or ECDSA P-256, PKCS#1 or PKCS#8 PEM, optionally
 * encrypted (then `passphrase` is needed). Public keys, certificates, other key types and
 * sizes are refused with a message that says what CloudFront wants.
 */
export function parseCloudFrontPrivateKey(pem: string, passphrase?: string): CloudFrontPrivateKey {
  const text = typeof pem === 'string' ? pem.trim() : '';
  if (/-----BEGIN (RSA |EC )?PUBLIC KEY-----/.test(text) || /-----BEGIN CERTIFICATE-----/.test(text)) {
    throw new SignetError(
      'KEY_NOT_PRIVATE',
      'This is a public key or certificate. Signet signs with the private key: use the private_key.pem you generated (the public half is what you uploaded to CloudFront).',
    );
  }
  if (!/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text)) {
    throw new SignetError(
      'KEY_MALFORMED',
      'This is not a PEM private key. Expected a file starting with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.',
    );
  }
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text) || /Proc-Type:\s*4,ENCRYPTED/.test(text);
  if (encrypted && !passphrase) {
    throw new SignetError(
      'KEY_ENCRYPTED',
      'This private key is encrypted. Give its passphrase (Signet stores it in the keychain with the key).',
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: 'pem', ...(passphrase ? { passphrase } : {}) });
  } catch (cause) {
    if (encrypted) {
      throw new SignetError(
        'KEY_PASSPHRASE_WRONG',
        'The passphrase does not open this private key. Check it and try again.',
        { cause: scrub(cause) },
      );
    }
    throw new SignetError(
      'KEY_MALFORMED',
      'This PEM private key cannot be read (damaged or truncated?). Export it again, e.g. with openssl.',
      { cause: scrub(cause) },
    );
  }
  const details = key.asymmetricKeyDetails ?? {};
  let parsed: ParsedKey;
  if (key.asymmetricKeyType === 'rsa') {
    if (details.modulusLength !== 2048) {
      throw new SignetError(
        'KEY_UNSUPPORTED',
        `This is an RSA-${details.modulusLength ?? '?'} key. CloudFront takes RSA-2048 or ECDSA P-256 keys: create one with \`openssl genrsa -out private_key.pem 2048\`.`,
      );
    }
    parsed = new ParsedKey('rsa', 2048);
  } else if (key.asymmetricKeyType === 'ec') {
    if (details.namedCurve !== 'prime256v1') {
      throw new SignetError(
        'KEY_UNSUPPORTED',
        `This is an ECDSA key on curve ${details.namedCurve ?? '?'}. CloudFront takes ECDSA P-256 (prime256v1) or RSA-2048 keys.`,
      );
    }
    parsed = new ParsedKey('ec', 256);
  } else {
    throw new SignetError(
      'KEY_UNSUPPORTED',
      `This is a ${key.asymmetricKeyType ?? 'unknown'} key. CloudFront takes RSA-2048 or ECDSA P-256 keys.`,
    );
  }
  keyObjects.set(parsed, key);
  return parsed;
}

/** OpenSSL errors do not contain key material, but keep only the code and reason to be sure. */
function scrub(cause: unknown): Error {
  const e = cause as { code?: string; reason?: string; message?: string };
  return new Error(`${e.code ?? 'ERR'}: ${e.reason ?? 'key parse failed'}`);
}
