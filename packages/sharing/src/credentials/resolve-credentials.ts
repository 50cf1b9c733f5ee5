// Where a profile's AWS credentials come from: the OS keychain, an AWS shared-config / SSO
// profile, or the standard AWS chain (env incl. AWS_SESSION_TOKEN and AWS_CREDENTIAL_EXPIRATION,
// ~/.aws files, SSO, container/instance roles). The expiration is kept: links die with it.
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { SignetError, type AwsCredentials, type Profile } from '@signet/core';

/** Anything that can hand out a profile's stored AWS secret (the keychain's SecretStore). */
export interface AwsSecretSource {
  getAwsCredentials(profileId: string): Promise<AwsCredentials | null>;
}

/**
 * Resolves the credentials a profile signs with (no profile: the standard AWS chain).
 * Failures become SignetErrors that say what to configure; no secret is ever quoted.
 */
export async function resolveCredentials(profile: Profile | undefined, secrets?: AwsSecretSource): Promise<AwsCredentials> {
  const source = profile?.credentials ?? { source: 'default-chain' as const };
  if (source.source === 'keychain') {
    const stored = secrets ? await secrets.getAwsCredentials(profile!.id) : null;
    if (!stored) {
      throw new SignetError(
        'CREDENTIALS_MISSING',
        `Profile "${profile!.id}" has no AWS access key in the keychain yet. Add one with: signet profile set-secret ${profile!.id} (or in the desktop app's Settings).`,
      );
    }
    return stored;
  }
  const provider = source.source === 'aws-profile' ? fromIni({ profile: source.awsProfile }) : fromNodeProviderChain();
  try {
    const c = await provider();
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
      ...(c.expiration ? { expiration: c.expiration } : {}),
    };
  } catch (cause) {
    throw new SignetError('CREDENTIALS_MISSING', describeProviderFailure(source, cause), { cause: redact(cause) });
  }
}

function describeProviderFailure(source: Profile['credentials'], cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  if (source.source === 'aws-profile') {
    if (/sso|token.*(expired|refresh)/i.test(text)) {
      return `The AWS SSO session for profile "${source.awsProfile}" has expired or was never started. Run: aws sso login --profile ${source.awsProfile}`;
    }
    if (/could not resolve|not found|does not exist|profile/i.test(text)) {
      return `There is no AWS profile "${source.awsProfile}" in ~/.aws/config or ~/.aws/credentials. Check the name (aws configure list-profiles).`;
    }
    return `The AWS profile "${source.awsProfile}" gave no usable credentials. Check it with: aws sts get-caller-identity --profile ${source.awsProfile}`;
  }
  return 'No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary ones), configure ~/.aws/credentials or SSO (aws configure / aws sso login), or use a Signet profile (signet profile add).';
}

/** Keep the provider's error class and a short reason, never values it may have echoed. */
function redact(cause: unknown): Error {
  const e = cause as { name?: string };
  return new Error(`${e.name ?? 'CredentialsProviderError'} (details withheld: they may contain credential values)`);
}
