// `signet cookies <url-or-pattern>`: CloudFront signed cookies, as Set-Cookie lines (for a
// web server or a page) or, with --header, one Cookie header (for curl -H / scripts).
import { createCloudFrontSigner, DEFAULT_EXPIRY, formatCookieHeader, formatSetCookieLines } from '@signet/core';
import { Option } from 'commander';
import { loadCloudFrontKeyFile } from '../lib/load-cloudfront-key.js';
import { parseDateFlag, parseExpiresFlag } from '../lib/parse-when.js';
import { UsageError } from '../lib/usage-error.js';
import type { RegisterCommand } from './index.js';

interface CookieFlags {
  expires: string;
  keyPairId?: string;
  privateKey?: string;
  start?: string;
  ip?: string;
  hash: 'sha1' | 'sha256';
  header?: boolean;
  domain?: string;
  path?: string;
  signingDate?: string;
  json?: boolean;
}

export const registerCookiesCommand: RegisterCommand = (program) => {
  program
    .command('cookies')
    .description('print CloudFront signed cookies for a URL or a wildcard pattern')
    .argument('<url-or-pattern>', 'e.g. https://d111111abcdef8.cloudfront.net/course/* (quote it in the shell)')
    .option('-e, --expires <when>', 'duration (15m 2h 7d 1w) or ISO-8601 date-time', DEFAULT_EXPIRY)
    .option('--key-pair-id <id>', 'public key id of your trusted key group')
    .option('--private-key <pem>', 'private key PEM file (passphrase: SIGNET_KEY_PASSPHRASE)')
    .option('--start <when>', 'not valid before (ISO-8601, or a duration from now)')
    .option('--ip <cidr>', 'only this IPv4 address or range')
    .addOption(new Option('--hash <alg>', 'signature hash').choices(['sha1', 'sha256']).default('sha1'))
    .option('--header', 'print one Cookie: header instead of Set-Cookie lines')
    .option('--domain <domain>', 'cookie Domain (default: the URL host)')
    .option('--path <path>', 'cookie Path (default: /)')
    .option('--signing-date <iso>', 'sign as of this time (reproducible output)')
    .option('--json', 'print the cookies and their expiry as JSON')
    .addHelpText(
      'after',
      `
Examples:
  signet cookies 'https://d111111abcdef8.cloudfront.net/course/*' --key-pair-id K2JCJMDEHXQW5F --private-key cf.pem --expires 7d
  curl -H "$(signet cookies https://d1.cloudfront.net/a.mp4 --key-pair-id K2JCJMDEHXQW5F --private-key cf.pem --header)" https://d1.cloudfront.net/a.mp4`,
    )
    .action((url: string, f: CookieFlags) => {
      if (!f.keyPairId || !f.privateKey)
        throw new UsageError('CloudFront cookies need --key-pair-id and --private-key.');
      const now = f.signingDate ? parseDateFlag('--signing-date', f.signingDate) : new Date();
      const expiresAt = parseExpiresFlag(f.expires, now);
      const startAt = f.start ? parseDateFlag('--start', f.start, now) : undefined;
      const signer = createCloudFrontSigner({
        keyPairId: f.keyPairId,
        privateKey: loadCloudFrontKeyFile(f.privateKey),
        hash: f.hash,
      });
      const signed = signer.signCookies({ url, expiresAt, now, startAt, ipAddress: f.ip });
      if (f.json) {
        process.stdout.write(
          `${JSON.stringify({ resource: signed.resource, cookies: signed.cookies, expiresAt: signed.expiresAt.toISOString(), effectiveExpiresAt: signed.effectiveExpiresAt.toISOString(), warnings: signed.warnings })}\n`,
        );
      } else if (f.header) {
        process.stdout.write(`${formatCookieHeader(signed)}\n`);
      } else {
        const domain = f.domain ?? new URL(signed.resource.replace(/^\*:/, 'https:')).host;
        for (const line of formatSetCookieLines(signed, { domain, path: f.path })) process.stdout.write(`${line}\n`);
      }
      for (const w of signed.warnings) process.stderr.write(`signet: warning: ${w.message}\n`);
    });
};
