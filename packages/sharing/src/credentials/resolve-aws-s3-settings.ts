// Region, endpoint and addressing for S3 as the AWS CLI and boto3 read them, for signing without
// a Signet profile (`signet link s3://…` next to `aws s3 presign`). Precedence, as documented for
// the AWS CLI v2 / SDKs ("Service-specific endpoints", "Configuration and credential file
// settings"):
//   profile   AWS_PROFILE, else AWS_DEFAULT_PROFILE, else `default`
//   region    AWS_REGION, else AWS_DEFAULT_REGION, else the profile's `region`
//   endpoint  AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL, else the profile's `services` section
//             (`s3 =` / `  endpoint_url = …`), else the profile's `endpoint_url` — none of them
//             when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls is true
//   path      the profile's `s3 =` / `  addressing_style = path|virtual`
//   variants  AWS_USE_FIPS_ENDPOINT / use_fips_endpoint, AWS_USE_DUALSTACK_ENDPOINT /
//             use_dualstack_endpoint, `s3 =` / `  use_accelerate_endpoint` (only without an endpoint)
// A profile named in AWS_PROFILE that exists in neither file is one clear error, not the SDK's
// warning followed by "could not load credentials".
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { SharingError } from '../errors.js';

export interface AwsS3Settings {
  /** The AWS profile read (AWS_PROFILE / AWS_DEFAULT_PROFILE / default). */
  awsProfile: string;
  region?: string | undefined;
  endpoint?: string | undefined;
  /** `addressing_style = path` → true, `virtual` → false, else undefined. */
  pathStyle?: boolean | undefined;
  fips?: boolean | undefined;
  dualstack?: boolean | undefined;
  accelerate?: boolean | undefined;
  /** Where each setting came from, in words (for messages and `--verbose`-style notes). */
  sources: { region?: string; endpoint?: string };
}

const truthy = (v: string | undefined) => v !== undefined && /^(true|1|yes)$/i.test(v.trim());

/** Reads the AWS config and credentials files named by `env` (or ~/.aws/…) and the AWS_* variables. */
export async function resolveAwsS3Settings(env: NodeJS.ProcessEnv = process.env): Promise<AwsS3Settings> {
  const home = env.HOME ?? homedir();
  const configPath = env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config');
  const credentialsPath = env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials');
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    configFilepath: configPath,
    filepath: credentialsPath,
    ignoreCache: true,
  });
  const named = env.AWS_PROFILE?.trim() || env.AWS_DEFAULT_PROFILE?.trim() || undefined;
  const awsProfile = named ?? 'default';
  const profile: Record<string, string | undefined> = configFile[awsProfile] ?? {};
  if (named && !configFile[named] && !credentialsFile[named]) {
    const known = [...new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)])].filter(
      (n) => !n.startsWith('services.') && !n.startsWith('sso-session.'),
    );
    const variable = env.AWS_PROFILE?.trim() ? 'AWS_PROFILE' : 'AWS_DEFAULT_PROFILE';
    throw new SharingError(
      'AWS_PROFILE_NOT_FOUND',
      `${variable} is "${named}", but ${configPath} and ${credentialsPath} have no such profile${known.length ? ` (they have: ${known.join(', ')})` : ''}. Set ${variable} to one of them, or unset it.`,
    );
  }
  const where = `${configPath} [${awsProfile === 'default' ? 'default' : `profile ${awsProfile}`}]`;
  const out: AwsS3Settings = { awsProfile, region: undefined, endpoint: undefined, sources: {} };

  const regionEnv = env.AWS_REGION?.trim() ? 'AWS_REGION' : env.AWS_DEFAULT_REGION?.trim() ? 'AWS_DEFAULT_REGION' : '';
  if (regionEnv) {
    out.region = env[regionEnv]!.trim();
    out.sources.region = regionEnv;
  } else if (profile.region) {
    out.region = profile.region;
    out.sources.region = where;
  }

  const ignore = truthy(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || truthy(profile.ignore_configured_endpoint_urls);
  if (!ignore) {
    const services = profile.services ? configFile[`services.${profile.services}`] : undefined;
    const candidates: [string | undefined, string][] = [
      [env.AWS_ENDPOINT_URL_S3, 'AWS_ENDPOINT_URL_S3'],
      [env.AWS_ENDPOINT_URL, 'AWS_ENDPOINT_URL'],
      [services?.['s3.endpoint_url'], `${configPath} [services ${profile.services}] s3.endpoint_url`],
      [profile.endpoint_url, `${where} endpoint_url`],
    ];
    const found = candidates.find(([v]) => v?.trim());
    if (found) {
      out.endpoint = found[0]!.trim();
      out.sources.endpoint = found[1];
    }
  }

  const addressing = profile['s3.addressing_style']?.trim().toLowerCase();
  if (addressing === 'path') out.pathStyle = true;
  else if (addressing === 'virtual') out.pathStyle = false;
  if (truthy(env.AWS_USE_FIPS_ENDPOINT ?? profile.use_fips_endpoint)) out.fips = true;
  if (truthy(env.AWS_USE_DUALSTACK_ENDPOINT ?? profile.use_dualstack_endpoint ?? profile['s3.use_dualstack_endpoint']))
    out.dualstack = true;
  if (truthy(profile['s3.use_accelerate_endpoint'])) out.accelerate = true;
  return out;
}
