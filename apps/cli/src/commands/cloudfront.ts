// `signet cloudfront setup | rotate-key | retire-key`: a working CloudFront profile from one
// command (key pair made here, private key straight to the keychain), and key rotation — the
// way to revoke CloudFront links. The plan is printed before anything changes (--dry-run
// stops there); progress and results go to stderr, --json puts the result on stdout.
import type { SigningKeyType } from '@signet/sharing';
import { sharing } from '../lib/sharing.js';
import { UsageError } from '../lib/usage-error.js';
import type { RegisterCommand } from './index.js';

interface SetupFlags {
  bucket: string;
  profile?: string;
  distribution?: string;
  create?: boolean;
  keyGroup?: string;
  keyType?: string;
  uploads?: boolean;
  dryRun?: boolean;
  wait?: boolean;
  awsProfile?: string;
  region?: string;
  json?: boolean;
}

function keyTypeOf(v: string | undefined): SigningKeyType | undefined {
  if (v === undefined) return undefined;
  if (v === 'ecdsa' || v === 'ecdsa-p256' || v === 'ec') return 'ecdsa-p256';
  if (v === 'rsa' || v === 'rsa-2048') return 'rsa-2048';
  throw new UsageError(`--key-type must be ecdsa (ECDSA P-256, the default) or rsa (RSA-2048), not "${v}".`);
}

export const registerCloudFrontCommand: RegisterCommand = (program) => {
  const cf = program
    .command('cloudfront')
    .description('set up CloudFront for a bucket; rotate and retire signing keys');

  cf.command('setup')
    .description('make or update a distribution, key pair, key group and bucket policy for CloudFront links')
    .requiredOption('-b, --bucket <name>', 'the private S3 bucket CloudFront serves')
    .option('-p, --profile <id>', 'the Signet profile to save or update (default: cf-<bucket>)')
    .option('--create', 'make a new distribution for the bucket')
    .option('--distribution <id>', 'use this existing distribution (only its default behaviour’s key groups change)')
    .option('--key-group <id>', 'add the key to this key group instead of Signet’s own')
    .option('--key-type <type>', 'ecdsa (P-256, default) or rsa (RSA-2048)')
    .option(
      '--uploads',
      'also allow PUT/POST/DELETE through a new distribution, and let CloudFront write to the bucket',
    )
    .option('--dry-run', 'print every call and the bucket-policy diff; change nothing')
    .option('--wait', 'wait until CloudFront has deployed the distribution (usually 5–15 minutes)')
    .option(
      '--aws-profile <name>',
      'credentials of a new profile: this AWS CLI profile (default: the AWS default chain)',
    )
    .option('--region <region>', 'region of a new profile’s bucket (default us-east-1)')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (f: SetupFlags) => {
      if (f.create && f.distribution) throw new UsageError('Give --create or --distribution <id>, not both.');
      const keyType = keyTypeOf(f.keyType);
      const r = await sharing().setupCloudFront(
        {
          bucket: f.bucket,
          ...(f.profile ? { profileId: f.profile } : {}),
          ...(f.create ? { create: true } : {}),
          ...(f.distribution ? { distributionId: f.distribution } : {}),
          ...(f.keyGroup ? { keyGroupId: f.keyGroup } : {}),
          ...(keyType ? { keyType } : {}),
          ...(f.uploads ? { uploads: true } : {}),
          ...(f.dryRun ? { dryRun: true } : {}),
          ...(f.wait ? { wait: true } : {}),
          ...(f.awsProfile ? { awsProfile: f.awsProfile } : {}),
          ...(f.region ? { region: f.region } : {}),
        },
        {
          onStep: ({ step, phase }) => {
            if (f.json) return;
            if (phase === 'start') process.stderr.write(`… ${step.describe()}\n`);
            if (phase === 'undo') process.stderr.write(`↩ undoing: ${step.describe()}\n`);
          },
          poll: { onPoll: (status) => !f.json && process.stderr.write(`  distribution status: ${status}\n`) },
        },
      );
      if (f.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else {
        if (r.dryRun || r.unchanged) process.stdout.write(`${r.plan}\n`);
        for (const w of r.warnings) process.stderr.write(`signet: warning: ${w}\n`);
        process.stderr.write(`${r.message}\n`);
      }
      if (!r.ok) process.exitCode = 1;
    });

  cf.command('rotate-key')
    .description('a new key pair joins the key group and signs new links; the old key stays until retired')
    .requiredOption('-p, --profile <id>', 'the CloudFront profile')
    .option('--retire-after <duration>', 'when the old key may be retired (e.g. 7d; default 7d)')
    .option('--retire-now', 'retire the old key at once: every link it signed stops working')
    .option('--key-type <type>', 'ecdsa (P-256) or rsa (RSA-2048); default: the type of the current key')
    .option('--json', 'print the result as JSON on stdout')
    .action(
      async (f: { profile: string; retireAfter?: string; retireNow?: boolean; keyType?: string; json?: boolean }) => {
        if (f.retireNow && f.retireAfter) throw new UsageError('Give --retire-now or --retire-after, not both.');
        const keyType = keyTypeOf(f.keyType);
        const r = await sharing().rotateCloudFrontKey({
          profileId: f.profile,
          ...(f.retireAfter ? { retireAfter: f.retireAfter } : {}),
          ...(f.retireNow ? { retireNow: true } : {}),
          ...(keyType ? { keyType } : {}),
        });
        if (f.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        else process.stderr.write(`${r.message}\n`);
      },
    );

  cf.command('retire-key')
    .description('take replaced keys out of the key group (those due, or --key); their links stop working')
    .requiredOption('-p, --profile <id>', 'the CloudFront profile')
    .option('--key <id>', 'retire this public key id')
    .option('--now', 'retire even if its retire-after date has not come')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (f: { profile: string; key?: string; now?: boolean; json?: boolean }) => {
      const r = await sharing().retireCloudFrontKey({
        profileId: f.profile,
        ...(f.key ? { keyId: f.key } : {}),
        ...(f.now ? { now: true } : {}),
      });
      if (f.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else process.stderr.write(`${r.message}\n`);
    });
};
