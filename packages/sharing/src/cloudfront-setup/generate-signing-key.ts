// A new CloudFront signing key pair, made on this computer. The private half is returned as a
// PEM string only so it can go straight into the keychain (SecretStore.setCloudFrontKey); it
// is never written to a file or shown. The public half is what CloudFront stores.
import { generateKeyPair } from 'node:crypto';

export type SigningKeyType = 'ecdsa-p256' | 'rsa-2048';

export interface SigningKeyPair {
  type: SigningKeyType;
  /** PKCS#8 PEM. Keep it in memory only until it is in the keychain. */
  privatePem: string;
  /** SPKI PEM, for CreatePublicKey. */
  publicPem: string;
}

export async function generateSigningKey(type: SigningKeyType = 'ecdsa-p256'): Promise<SigningKeyPair> {
  const encoding = {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  } as const;
  const { privateKey, publicKey } = await new Promise<{ privateKey: string; publicKey: string }>((resolve, reject) => {
    const done = (err: Error | null, publicKey: string, privateKey: string) =>
      err ? reject(err) : resolve({ privateKey, publicKey });
    if (type === 'rsa-2048') generateKeyPair('rsa', { modulusLength: 2048, ...encoding }, done);
    else generateKeyPair('ec', { namedCurve: 'prime256v1', ...encoding }, done);
  });
  return { type, privatePem: privateKey, publicPem: publicKey };
}

export function describeKeyType(type: SigningKeyType): string {
  return type === 'rsa-2048' ? 'RSA-2048' : 'ECDSA P-256';
}
