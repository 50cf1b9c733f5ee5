import { readFileSync } from 'node:fs';
import { parseCloudFrontPrivateKey, SignetError, type CloudFrontPrivateKey } from '@signet/core';

/**
 * Reads a CloudFront private key from a PEM file. An encrypted key's passphrase comes from
 * SIGNET_KEY_PASSPHRASE (never a flag: it would land in shell history and `ps`).
 */
export function loadCloudFrontKeyFile(path: string): CloudFrontPrivateKey {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : code === 'EISDIR'
            ? 'is a folder'
            : `cannot be read (${code ?? 'error'})`;
    throw new SignetError(
      'KEY_MALFORMED',
      `The private key file ${path} ${why}. Give the path to your CloudFront private key PEM.`,
    );
  }
  try {
    return parseCloudFrontPrivateKey(pem, process.env.SIGNET_KEY_PASSPHRASE || undefined);
  } catch (e) {
    if (e instanceof SignetError && e.code === 'KEY_ENCRYPTED') {
      throw new SignetError(
        'KEY_ENCRYPTED',
        `${path} is encrypted. Put its passphrase in the SIGNET_KEY_PASSPHRASE environment variable, or import the key once with: signet key import ${path} --profile <name>.`,
      );
    }
    throw e;
  }
}
