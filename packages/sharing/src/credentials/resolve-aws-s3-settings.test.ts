// AWS configuration as the AWS CLI reads it, from a temporary HOME / AWS_CONFIG_FILE: each row is
// an environment and config file → the region, endpoint and addressing `signet link` uses.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAwsS3Settings, type AwsS3Settings } from './resolve-aws-s3-settings.js';

const CONFIG = `
[default]
region = us-west-2

[profile paris]
region = eu-west-3
endpoint_url = https://s3.paris.example.com

[profile minio]
region = us-east-1
services = local
s3 =
  addressing_style = path

[services local]
s3 =
  endpoint_url = http://127.0.0.1:9000

[profile fips]
region = us-gov-west-1
use_fips_endpoint = true

[profile ignored]
region = eu-central-1
endpoint_url = https://ignored.example.com
ignore_configured_endpoint_urls = true
`;
const CREDENTIALS = `
[only-creds]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = secret
`;

function home(): string {
  const h = mkdtempSync(join(tmpdir(), 'signet-awscfg-'));
  mkdirSync(join(h, '.aws'));
  writeFileSync(join(h, '.aws', 'config'), CONFIG);
  writeFileSync(join(h, '.aws', 'credentials'), CREDENTIALS);
  return h;
}

type Row = [what: string, env: Record<string, string>, expected: Partial<AwsS3Settings> | RegExp];

const rows: Row[] = [
  [
    'default profile region from ~/.aws/config',
    {},
    { awsProfile: 'default', region: 'us-west-2', endpoint: undefined },
  ],
  [
    'AWS_PROFILE: region and endpoint_url of that profile',
    { AWS_PROFILE: 'paris' },
    { awsProfile: 'paris', region: 'eu-west-3', endpoint: 'https://s3.paris.example.com' },
  ],
  [
    'the services section: s3 = endpoint_url, and s3 addressing_style',
    { AWS_PROFILE: 'minio' },
    { region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', pathStyle: true },
  ],
  [
    'AWS_REGION wins over the profile region',
    { AWS_PROFILE: 'paris', AWS_REGION: 'eu-north-1' },
    { region: 'eu-north-1' },
  ],
  ['AWS_DEFAULT_REGION too', { AWS_DEFAULT_REGION: 'ap-south-1' }, { region: 'ap-south-1' }],
  [
    'AWS_REGION before AWS_DEFAULT_REGION',
    { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'ap-south-1' },
    { region: 'eu-west-1' },
  ],
  [
    'AWS_ENDPOINT_URL_S3 before AWS_ENDPOINT_URL before the config',
    { AWS_PROFILE: 'paris', AWS_ENDPOINT_URL: 'http://a:1', AWS_ENDPOINT_URL_S3: 'http://b:2' },
    { endpoint: 'http://b:2' },
  ],
  [
    'AWS_ENDPOINT_URL before the config',
    { AWS_PROFILE: 'paris', AWS_ENDPOINT_URL: 'http://a:1' },
    { endpoint: 'http://a:1' },
  ],
  [
    'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS drops every configured endpoint',
    { AWS_PROFILE: 'paris', AWS_ENDPOINT_URL_S3: 'http://b:2', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' },
    { endpoint: undefined, region: 'eu-west-3' },
  ],
  [
    'ignore_configured_endpoint_urls in the profile',
    { AWS_PROFILE: 'ignored' },
    { endpoint: undefined, region: 'eu-central-1' },
  ],
  ['use_fips_endpoint', { AWS_PROFILE: 'fips' }, { fips: true, region: 'us-gov-west-1' }],
  [
    'a profile only in the credentials file is known',
    { AWS_PROFILE: 'only-creds' },
    { awsProfile: 'only-creds', region: undefined },
  ],
  [
    'AWS_DEFAULT_PROFILE when AWS_PROFILE is unset',
    { AWS_DEFAULT_PROFILE: 'paris' },
    { awsProfile: 'paris', region: 'eu-west-3' },
  ],
  [
    'an unknown AWS_PROFILE: one clear sentence naming the profiles there are',
    { AWS_PROFILE: 'typo' },
    /^AWS_PROFILE is "typo", but .*config and .*credentials have no such profile \(they have: default, paris, minio, fips, ignored, only-creds\)\. Set AWS_PROFILE to one of them, or unset it\.$/,
  ],
];

describe('resolveAwsS3Settings', () => {
  it.each(rows)('%s', async (_what, vars, expected) => {
    const h = home();
    const env = { HOME: h, ...vars };
    if (expected instanceof RegExp) {
      await expect(resolveAwsS3Settings(env)).rejects.toThrow(expected);
      await expect(resolveAwsS3Settings(env)).rejects.toMatchObject({ code: 'AWS_PROFILE_NOT_FOUND' });
      return;
    }
    expect(await resolveAwsS3Settings(env)).toMatchObject(expected);
  });

  it('AWS_CONFIG_FILE points elsewhere; no files at all is no configuration, not an error', async () => {
    const h = home();
    const other = join(h, 'other-config');
    writeFileSync(other, '[default]\nregion = sa-east-1\n');
    expect(await resolveAwsS3Settings({ HOME: h, AWS_CONFIG_FILE: other })).toMatchObject({ region: 'sa-east-1' });
    const empty = mkdtempSync(join(tmpdir(), 'signet-awscfg-none-'));
    expect(await resolveAwsS3Settings({ HOME: empty })).toMatchObject({ awsProfile: 'default', region: undefined });
  });
});
