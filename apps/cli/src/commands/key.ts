// `signet key import <pem> --profile <id>`: validates a CloudFront private key and stores it in
// the keychain. The PEM file itself is left alone; the user is told it can now be deleted.
import { readFileSync } from 'node:fs';
import { promptSecret } from '../lib/read-secret.js';
import { sharing } from '../lib/sharing.js';
import type { RegisterCommand } from './index.js';

export const registerKeyCommand: RegisterCommand = (program) => {
  program
    .command('key')
    .description('CloudFront private keys')
    .command('import')
    .description('validate a CloudFront private key PEM and store it in the keychain')
    .argument('<pem>', 'private key file (RSA-2048 or ECDSA P-256, PKCS#1/PKCS#8, optionally encrypted)')
    .requiredOption('-p, --profile <id>', 'the CloudFront profile the key belongs to')
    .action(async (pem: string, f: { profile: string }) => {
      let passphrase = process.env.SIGNET_KEY_PASSPHRASE || undefined;
      let encrypted = false;
      try {
        encrypted = /ENCRYPTED/.test(readFileSync(pem, 'utf8'));
      } catch {
        // the service reports an unreadable file with the right words
      }
      if (encrypted && !passphrase)
        passphrase = await promptSecret('Passphrase of the private key', 'Pass it in SIGNET_KEY_PASSPHRASE.');
      const r = await sharing().importCloudFrontKey(f.profile, pem, passphrase);
      process.stderr.write(`${r.message}\n`);
    });
};
