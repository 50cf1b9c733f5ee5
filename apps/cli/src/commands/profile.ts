// `signet profile add|list|show|remove|default|set-secret|test`: where objects live and how
// links are made. Secrets go to the OS keychain, read from the environment, stdin or a prompt
// that does not echo, never from a flag value (shell history, `ps`).
import { Option } from 'commander';
import {
  DEFAULT_REGION,
  parseCompatibleS3Host,
  parseProfile,
  type CredentialSource,
  type LinkConfig,
  type Profile,
} from '@signet/core';
import { isSharingError, type AwsSecretInput } from '@signet/sharing';
import { readStdin, promptSecret } from '../lib/read-secret.js';
import { sharing } from '../lib/sharing.js';
import { UsageError } from '../lib/usage-error.js';
import type { RegisterCommand } from './index.js';

interface AddFlags {
  bucket?: string;
  name?: string;
  region?: string;
  endpoint?: string;
  pathStyle?: boolean;
  keyTemplate?: string;
  defaultExpiry?: string;
  awsProfile?: string;
  defaultChain?: boolean;
  accessKeyId?: string;
  secretStdin?: boolean;
  cloudfrontDomain?: string;
  keyPairId?: string;
  hash?: 'sha1' | 'sha256';
  originPath?: string;
  default?: boolean;
}

/** Reads the AWS secret (environment, stdin or a prompt) for an access key id. Stores nothing. */
async function readAwsSecret(accessKeyId: string, fromStdin: boolean): Promise<AwsSecretInput> {
  const secretAccessKey =
    process.env.SIGNET_AWS_SECRET_ACCESS_KEY ||
    (fromStdin
      ? await readStdin()
      : await promptSecret(
          'AWS secret access key',
          'Pass it in SIGNET_AWS_SECRET_ACCESS_KEY or on stdin with --secret-stdin.',
        ));
  if (!secretAccessKey) throw new UsageError('The secret access key is empty.');
  const sessionToken = process.env.SIGNET_AWS_SESSION_TOKEN || undefined;
  const expiration = process.env.SIGNET_AWS_CREDENTIAL_EXPIRATION || undefined;
  return {
    accessKeyId,
    secretAccessKey,
    ...(sessionToken ? { sessionToken } : {}),
    ...(expiration ? { expiration } : {}),
  };
}

async function storeSecret(id: string, accessKeyId: string, fromStdin: boolean): Promise<void> {
  await sharing().setAwsSecret(id, await readAwsSecret(accessKeyId, fromStdin));
}

/** The profile `profile add` saves: the existing one (if any) with only the given flags changed. */
function mergeProfile(id: string, existing: Profile | undefined, f: AddFlags): Record<string, unknown> {
  const bucket = f.bucket ?? existing?.bucket;
  if (!bucket) throw new UsageError(`A new profile needs --bucket. (There is no profile "${id}" yet.)`);
  const credentials: CredentialSource = f.awsProfile
    ? { source: 'aws-profile', awsProfile: f.awsProfile }
    : f.defaultChain
      ? { source: 'default-chain' }
      : f.accessKeyId
        ? { source: 'keychain' }
        : (existing?.credentials ?? { source: 'keychain' });
  const old = existing?.link.kind === 'cloudfront' ? existing.link : undefined;
  const domain = f.cloudfrontDomain ?? old?.domain;
  const keyPairId = f.keyPairId ?? old?.keyPairId;
  const cloudFrontAsked = Boolean(f.cloudfrontDomain || f.keyPairId || f.hash || f.originPath !== undefined);
  if (cloudFrontAsked && !(domain && keyPairId))
    throw new UsageError('A CloudFront profile needs both --cloudfront-domain and --key-pair-id.');
  const link: LinkConfig =
    domain && keyPairId
      ? {
          kind: 'cloudfront',
          domain,
          keyPairId,
          hash: f.hash ?? old?.hash ?? 'sha1',
          ...((f.originPath ?? old?.originPath) ? { originPath: f.originPath ?? old?.originPath } : {}),
        }
      : { kind: 's3' };
  // B2, Wasabi and Spaces refuse a signature for another region than the one their host names:
  // without --region, a new endpoint brings its own, so uploads, the test and links agree.
  const region =
    f.region ?? (f.endpoint ? regionOfEndpoint(f.endpoint) : undefined) ?? existing?.region ?? DEFAULT_REGION;
  const forcePathStyle = f.pathStyle ?? existing?.forcePathStyle ?? false;
  return {
    ...existing,
    id,
    bucket,
    region,
    ...(f.name ? { name: f.name } : {}),
    ...(f.endpoint ? { endpoint: f.endpoint } : {}),
    forcePathStyle,
    ...(f.keyTemplate ? { keyTemplate: f.keyTemplate } : {}),
    ...(f.defaultExpiry ? { defaultExpiry: f.defaultExpiry } : {}),
    credentials,
    link,
  };
}

function regionOfEndpoint(endpoint: string): string | undefined {
  try {
    const u = new URL(endpoint);
    return parseCompatibleS3Host(u.protocol.replace(/:$/, ''), u.host)?.region;
  } catch {
    return undefined; // parseProfile says what is wrong with the endpoint
  }
}

async function findProfile(id: string): Promise<Profile | undefined> {
  try {
    return (await sharing().getProfile(id)).profile;
  } catch (e) {
    if (isSharingError(e, 'PROFILE_NOT_FOUND')) return undefined;
    throw e;
  }
}

export const registerProfileCommand: RegisterCommand = (program) => {
  const profile = program
    .command('profile')
    .description('manage profiles (bucket, region, endpoint, link kind); secrets go to the keychain');

  profile
    .command('add')
    .description('create or update a profile (an update changes only the settings given)')
    .argument('<id>', 'short name, e.g. work or client-a')
    .option('--bucket <bucket>', 'bucket where shared files go (needed for a new profile)')
    .option('--name <name>', 'display name')
    .option('--region <region>', `bucket region (new profiles: ${DEFAULT_REGION})`)
    .option('--endpoint <url>', 'S3-compatible endpoint (Ceph, MinIO, R2, B2, Wasabi…)')
    .option('--path-style', 'address the bucket in the path')
    .option('--no-path-style', 'address the bucket in the host name (virtual-hosted style)')
    .option('--key-template <template>', 'object keys for uploads, e.g. {user}/{yyyy}/{mm}/{uuid}/{name}')
    .option('--default-expiry <duration>', 'default link lifetime, e.g. 1d')
    .option('--aws-profile <name>', 'use this AWS shared-config / SSO profile for credentials (nothing stored)')
    .option('--default-chain', 'use the standard AWS credential chain (nothing stored)')
    .option(
      '--access-key-id <id>',
      'store an access key in the keychain; the secret comes from SIGNET_AWS_SECRET_ACCESS_KEY, --secret-stdin or a prompt',
    )
    .option('--secret-stdin', 'read the secret access key from stdin')
    .option('--cloudfront-domain <domain>', 'make CloudFront links on this distribution')
    .option('--key-pair-id <id>', 'CloudFront public key id (with --cloudfront-domain)')
    .addOption(new Option('--hash <alg>', 'CloudFront signature hash').choices(['sha1', 'sha256']))
    .option('--origin-path <path>', 'CloudFront origin path, e.g. /media')
    .option('--default', 'make it the default profile')
    .addHelpText(
      'after',
      `
Examples:
  SIGNET_AWS_SECRET_ACCESS_KEY=… signet profile add work --bucket reports --region eu-west-1 --access-key-id AKIA…
  signet profile add sso --bucket media --aws-profile dev-sso
  signet profile add cdn --bucket media --cloudfront-domain d111111abcdef8.cloudfront.net --key-pair-id K2JCJMDEHXQW5F --aws-profile dev`,
    )
    .action(async (id: string, f: AddFlags) => {
      if (f.awsProfile && f.defaultChain) throw new UsageError('Pick one of --aws-profile and --default-chain.');
      if ((f.awsProfile || f.defaultChain) && f.accessKeyId)
        throw new UsageError(
          '--access-key-id stores keys in the keychain; it cannot be combined with --aws-profile or --default-chain.',
        );
      const s = sharing();
      const existing = await findProfile(id);
      // A bad flag is refused before the secret is asked for; saveProfile then stores the secret
      // and the profile as one step (a failed save leaves the keychain as it was).
      const profile = parseProfile(mergeProfile(id, existing, f));
      const aws = f.accessKeyId ? await readAwsSecret(f.accessKeyId, Boolean(f.secretStdin)) : undefined;
      const saved = await s.saveProfile(profile, aws ? { aws } : {});
      if (f.default) await s.setDefaultProfile(id);
      process.stderr.write(`Profile "${saved.profile.id}" saved.`);
      if (saved.profile.credentials.source === 'keychain' && !f.accessKeyId && !saved.hasAwsSecret)
        process.stderr.write(` Add its AWS key with: signet profile set-secret ${id} --access-key-id <id>`);
      if (saved.profile.link.kind === 'cloudfront' && !saved.hasCloudFrontKey)
        process.stderr.write(` Import its CloudFront key with: signet key import <private_key.pem> --profile ${id}`);
      process.stderr.write('\n');
    });

  profile
    .command('set-secret')
    .description('store (or replace) the AWS access key of a profile in the keychain')
    .argument('<id>', 'profile')
    .requiredOption(
      '--access-key-id <id>',
      'access key id; the secret comes from SIGNET_AWS_SECRET_ACCESS_KEY, --secret-stdin or a prompt',
    )
    .option('--secret-stdin', 'read the secret access key from stdin')
    .action(async (id: string, f: { accessKeyId: string; secretStdin?: boolean }) => {
      await storeSecret(id, f.accessKeyId, Boolean(f.secretStdin));
      process.stderr.write(`The AWS key of profile "${id}" is in the keychain.\n`);
    });

  profile
    .command('list')
    .description('list profiles')
    .option('--json', 'as JSON')
    .action(async (f: { json?: boolean }) => {
      const list = await sharing().listProfiles();
      if (f.json) return void process.stdout.write(`${JSON.stringify(list)}\n`);
      if (list.length === 0)
        return void process.stderr.write(
          'No profiles yet. Create one with: signet profile add <name> --bucket <bucket>\n',
        );
      for (const p of list)
        process.stdout.write(
          `${p.isDefault ? '*' : ' '} ${p.profile.id.padEnd(16)} ${p.profile.link.kind === 'cloudfront' ? `cloudfront ${p.profile.link.domain}` : 's3'}  s3://${p.profile.bucket}  ${credentialText(p.profile.credentials, p.hasAwsSecret)}\n`,
        );
    });

  profile
    .command('show')
    .description('show one profile (never its secrets)')
    .argument('<id>', 'profile')
    .action(async (id: string) => {
      process.stdout.write(`${JSON.stringify(await sharing().getProfile(id), null, 2)}\n`);
    });

  profile
    .command('remove')
    .description('delete a profile and its secrets in the keychain')
    .argument('<id>', 'profile')
    .action(async (id: string) => {
      const { keychainCleared, linkUrls } = await sharing().removeProfile(id);
      process.stderr.write(
        keychainCleared
          ? `Profile "${id}" and its keychain entries were removed.\n`
          : `Profile "${id}" was removed (it kept no secret in the keychain, which is not available now).\n`,
      );
      // The truth about links that carried its temporary credentials (link:<id> keychain items).
      const links = (n: number) => `${n} link${n === 1 ? '' : 's'}`;
      if (linkUrls === 'unknown')
        process.stderr.write(
          `Signet could not read its link history, so URLs of links made with "${id}" may remain in the keychain (items named link:<id>). Run \`signet links\` to see the problem.\n`,
        );
      else {
        if (linkUrls.removed > 0)
          process.stderr.write(
            `The URLs of ${links(linkUrls.removed)} made with its temporary credentials were removed from the keychain (the links themselves work until they expire).\n`,
          );
        if (linkUrls.left > 0)
          process.stderr.write(
            `The URLs of ${links(linkUrls.left)} made with its temporary credentials could not be removed and remain in the keychain (items named link:<id>): delete them in your password manager.\n`,
          );
      }
    });

  profile
    .command('default')
    .description('make a profile the default')
    .argument('<id>', 'profile')
    .action(async (id: string) => {
      await sharing().setDefaultProfile(id);
      process.stderr.write(`"${id}" is now the default profile.\n`);
    });

  profile
    .command('test')
    .description('check that the profile reaches its bucket with its credentials')
    .argument('<id>', 'profile')
    .action(async (id: string) => {
      const r = await sharing().testProfile(id);
      process.stderr.write(`${r.message}\n`);
      if (!r.ok) process.exitCode = 1;
    });
};

function credentialText(c: { source: string; awsProfile?: string }, hasSecret: boolean): string {
  if (c.source === 'aws-profile') return `credentials: AWS profile ${c.awsProfile}`;
  if (c.source === 'default-chain') return 'credentials: AWS default chain';
  return hasSecret ? 'credentials: keychain' : 'credentials: none yet (signet profile set-secret)';
}
