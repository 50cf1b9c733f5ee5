// The public half of a parsed CloudFront signing key, as the SPKI PEM CloudFront stores
// (CreatePublicKey's EncodedKey). Used to tell whether a key group really holds the public key
// of the private key Signet signs with: a mismatch is the most common "access denied".
import { createPublicKey } from 'node:crypto';
import { keyObjectOf, type CloudFrontPrivateKey } from './parse-private-key.js';

/** SPKI PEM (`-----BEGIN PUBLIC KEY-----`) of a key loaded by parseCloudFrontPrivateKey. */
export function cloudFrontPublicKeyPem(key: CloudFrontPrivateKey): string {
  return createPublicKey(keyObjectOf(key)).export({ type: 'spki', format: 'pem' }).toString();
}

/** Two public-key PEMs hold the same key (whitespace, line breaks and PEM headers aside). Unreadable: never the same. */
export function samePublicKey(a: string, b: string): boolean {
  const der = (pem: string): string | undefined => {
    try {
      return createPublicKey(pem.trim()).export({ type: 'spki', format: 'der' }).toString('base64');
    } catch {
      return undefined;
    }
  };
  const x = der(a);
  return x !== undefined && x === der(b);
}
