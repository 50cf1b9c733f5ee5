import { readFile } from 'node:fs/promises';
import { SharingError } from '../errors.js';

/** The text of a CloudFront private key PEM file; a file that cannot be read says so and what to give. */
export async function readKeyFile(pemPath: string): Promise<string> {
  try {
    return await readFile(pemPath, 'utf8');
  } catch (e) {
    throw new SharingError(
      'FILE_UNREADABLE',
      `${pemPath} cannot be read (${(e as NodeJS.ErrnoException).code}). Give the path to your CloudFront private key PEM.`,
    );
  }
}
