// Where a profile's AWS credentials come from: the OS keychain, an AWS shared-config / SSO
// profile, or the standard AWS chain (env incl. AWS_SESSION_TOKEN and AWS_CREDENTIAL_EXPIRATION,
// ~/.aws files, SSO, container/instance roles). The expiration is kept: links die with it.
// Errors say what to configure and never quote a credential value.
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { SignetError, type AwsCredentials, type Profile } from '@signet/core';

/** Anything that can hand out a profile's stored AWS secret (the keychain's SecretStore). */
export interface AwsSecretSource {
  getAwsCredentials(profileId: string): Promise<AwsCredentials | null>;
}

/**
 * Resolves the credentials a profile signs with (no profile: the standard AWS chain).
 * `env` supplies AWS_* variables and the AWS config file locations (tests pass their own);
 * credentials that have already expired at `now` are refused with what to do.
 */
export async function resolveCredentials(
  profile: Profile | undefined,
  secrets?: AwsSecretSource,
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): Promise<AwsCredentials> {
  const source = profile?.credentials ?? { source: 'default-chain' as const };
  let creds: AwsCredentials;
  if (source.source === 'keychain') {
    const id = profile!.id;
    const stored = secrets ? await secrets.getAwsCredentials(id) : null;
    if (!stored) {
      throw new SignetError(
        'CREDENTIALS_MISSING',
        `Profile "${id}" has no AWS access key in the keychain yet. Add one with: signet profile set-secret ${id} --access-key-id <id> (or in the desktop app's Settings).`,
      );
    }
    creds = stored;
  } else {
    // As the JS SDK's chain: AWS_PROFILE, when set, wins over key variables in the environment.
    const envCreds = source.source === 'default-chain' && !env.AWS_PROFILE ? fromEnvironment(env) : null;
    creds = envCreds ?? (await fromProvider(source, env));
  }
  if (creds.expiration && creds.expiration.getTime() <= now.getTime())
    throw expired(source, creds.expiration, profile?.id);
  return creds;
}

/** AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION) from `env`. */
function fromEnvironment(env: NodeJS.ProcessEnv): AwsCredentials | null {
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey) return null;
  const c: AwsCredentials = { accessKeyId, secretAccessKey };
  if (env.AWS_SESSION_TOKEN?.trim()) c.sessionToken = env.AWS_SESSION_TOKEN.trim();
  const exp = env.AWS_CREDENTIAL_EXPIRATION?.trim();
  if (exp) {
    const at = new Date(exp);
    if (Number.isNaN(at.getTime())) {
      throw new SignetError(
        'CREDENTIALS_MISSING',
        `AWS_CREDENTIAL_EXPIRATION is not a date-time. Use ISO-8601, e.g. 2030-01-01T12:00:00Z.`,
      );
    }
    c.expiration = at;
  }
  return c;
}

async function fromProvider(
  source: Exclude<Profile['credentials'], { source: 'keychain' }>,
  env: NodeJS.ProcessEnv,
): Promise<AwsCredentials> {
  // The shared files as the AWS CLI finds them; ignoreCache so a long-running desktop app sees
  // a fresh `aws sso login` or an edited ~/.aws/credentials.
  const files = {
    ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
    ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
    ignoreCache: true,
  };
  // Loaded here, not at start-up: keys from the environment (the common case for scripts and
  // `signet link`) never need the provider chain, which costs more to load than a link to sign.
  const { fromIni, fromNodeProviderChain, fromSSO } = await import('@aws-sdk/credential-providers');
  try {
    // SSO profiles go to fromSSO directly: fromIni's own SSO path reads the default config
    // file, not the one given here.
    const provider =
      source.source === 'default-chain'
        ? fromNodeProviderChain({
            ...(env.AWS_PROFILE ? { profile: env.AWS_PROFILE } : {}),
            ...files,
            // The SDK would print a multi-line warning when AWS_PROFILE and key variables are both
            // set; the one sentence below (describeProviderFailure) says it when it matters.
            logger: SILENT_LOGGER,
          })
        : (await isSsoProfile(source.awsProfile, files))
          ? fromSSO({ profile: source.awsProfile, ...files })
          : fromIni({ profile: source.awsProfile, ...files });
    const c = await provider();
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
      ...(c.expiration ? { expiration: c.expiration } : {}),
    };
  } catch (cause) {
    throw new SignetError('CREDENTIALS_MISSING', describeProviderFailure(source, cause, env), { cause: redact(cause) });
  }
}

async function isSsoProfile(
  name: string,
  files: { filepath?: string; configFilepath?: string; ignoreCache?: boolean },
): Promise<boolean> {
  const { configFile } = await loadSharedConfigFiles(files);
  const p = configFile[name] ?? {};
  return ['sso_session', 'sso_start_url', 'sso_account_id', 'sso_role_name'].some((k) => k in p);
}

function expired(source: Profile['credentials'], at: Date, profileId: string | undefined): SignetError {
  const how =
    source.source === 'keychain'
      ? `Store fresh ones: signet profile set-secret ${profileId ?? '<profile>'} --access-key-id <id>.`
      : source.source === 'aws-profile'
        ? `Refresh them (e.g. aws sso login --profile ${source.awsProfile}) and try again.`
        : 'Refresh them (e.g. aws sso login, or new values for AWS_SESSION_TOKEN and AWS_CREDENTIAL_EXPIRATION) and try again.';
  return new SignetError(
    'CREDENTIALS_EXPIRED',
    `The AWS credentials expired at ${at.toISOString()}, so no link signed with them would work. ${how}`,
    {
      details: { expiration: at.toISOString() },
    },
  );
}

const SILENT_LOGGER = { debug() {}, info() {}, warn() {}, error() {} };

function describeProviderFailure(
  source: Exclude<Profile['credentials'], { source: 'keychain' }>,
  cause: unknown,
  env: NodeJS.ProcessEnv,
): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  if (source.source === 'aws-profile') {
    const name = source.awsProfile;
    if (/sso/i.test(text) && /expired|refresh|token/i.test(text)) {
      return `The AWS SSO session of profile "${name}" has expired or was never started. Run: aws sso login --profile ${name}`;
    }
    if (
      /could not resolve credentials using profile|not found|does not exist|Profile .* could not be found/i.test(text)
    ) {
      return `There is no usable AWS profile "${name}" in the AWS config files (~/.aws/config, ~/.aws/credentials). Check the name with: aws configure list-profiles`;
    }
    return `The AWS profile "${name}" gave no usable credentials. Check it with: aws sts get-caller-identity --profile ${name}`;
  }
  if (/sso/i.test(text) && /expired|refresh|token/i.test(text))
    return 'The AWS SSO session has expired or was never started. Run: aws sso login';
  const named = env.AWS_PROFILE?.trim();
  if (named && env.AWS_ACCESS_KEY_ID?.trim() && env.AWS_SECRET_ACCESS_KEY?.trim())
    return `AWS_PROFILE is "${named}", which gives no credentials, and while it is set the keys in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not used. Unset AWS_PROFILE to sign with those keys, or give profile "${named}" its keys (aws configure --profile ${named}).`;
  return 'No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary ones), configure ~/.aws/credentials or SSO (aws configure / aws sso login), or use a Signet profile (signet profile add).';
}

/** Keep the provider's error class, never the text: it may echo values from the config files. */
function redact(cause: unknown): Error {
  const e = cause as { name?: string };
  return new Error(`${e?.name ?? 'CredentialsProviderError'} (details withheld: they may contain credential values)`);
}
