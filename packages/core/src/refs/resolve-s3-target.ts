// The one resolver (issue 10): an S3 object reference + the configuration it is signed with (a
// profile, or the CLI's flags and AWS config) → exactly what to sign: bucket, key, version,
// endpoint, signing region, addressing and further signed parameters, plus a warning for
// everything the link will not carry over. The CLI's stateless signer and the sharing engine's
// profile signer both call it, so a reference means the same thing everywhere.
import { SignetError } from '../errors.js';
import type { LinkWarning } from '../expiry/index.js';
import { isAwsEndpoint, partitionOfRegion, type AwsPartition } from './aws-partition.js';
import { awsS3EndpointFor, parseAwsS3Host, type S3EndpointVariants } from './aws-s3-host.js';
import { parseCompatibleS3Host } from '../browser/compatible-s3-hosts.js';
import type { ObjectRef } from './object-ref.js';
import { resolvePathStyle } from './resolve-path-style.js';
import { sameS3Server } from './same-s3-server.js';

export type S3ObjectRef = Extract<ObjectRef, { kind: 's3' }>;

export interface S3TargetConfig {
  /** A region asked for (--region). The host's own region wins (a warning says so). */
  region?: string | undefined;
  /** The region when neither the reference nor `region` says (profile, AWS config, us-east-1). */
  defaultRegion: string;
  /** The endpoint to sign for (--endpoint, AWS config, the profile's). AWS's own hosts are AWS. */
  endpoint?: string | undefined;
  /** Path-style asked for (--path-style, the profile's setting). */
  forcePathStyle?: boolean | undefined;
  /** Sign for the standard endpoint even when the URL was FIPS, dual-stack or accelerate. */
  standardEndpoint?: boolean | undefined;
  method?: 'GET' | 'PUT' | undefined;
  /** The link's own options that replace a pasted link's response overrides. */
  replaces?: { disposition?: boolean | undefined; contentType?: boolean | undefined } | undefined;
}

export interface S3Target {
  bucket: string;
  key: string;
  /** Signing region. */
  region: string;
  /** Endpoint to sign for; undefined: AWS's standard endpoint for `region`. */
  endpoint?: string | undefined;
  forcePathStyle: boolean;
  /** Further signed query parameters (versionId, partNumber, response-*), for the presigner. */
  query: Record<string, string>;
  warnings: LinkWarning[];
}

const PARTITION_DEFAULT_REGION: Record<AwsPartition, string> = {
  aws: 'us-east-1',
  'aws-cn': 'cn-north-1',
  'aws-us-gov': 'us-gov-west-1',
};

export function resolveS3Target(ref: S3ObjectRef, config: S3TargetConfig): S3Target {
  const warnings: LinkWarning[] = [];
  // An endpoint that is AWS's own (--endpoint https://s3.amazonaws.com) is AWS, with its addressing.
  const configAws = config.endpoint && isAwsEndpoint(config.endpoint) ? awsEndpointInfo(config.endpoint) : undefined;
  const configCustom = config.endpoint && !configAws ? config.endpoint : undefined;

  let endpoint: string | undefined;
  let aws: boolean;
  if (ref.server === 'custom') {
    if (configCustom && ref.endpoint && !sameS3Server(configCustom, ref.endpoint))
      throw new SignetError(
        'OPTION_INVALID',
        `The URL is on ${ref.endpoint}, but the endpoint to sign for is ${configCustom}: the link would point at the wrong server. Leave out --endpoint (or AWS_ENDPOINT_URL), or give s3://${ref.bucket}/${ref.key} to sign for ${configCustom}.`,
      );
    if (configAws)
      throw new SignetError(
        'OPTION_INVALID',
        `The URL is on ${ref.endpoint}, not on AWS S3: leave out the AWS --endpoint.`,
      );
    endpoint = ref.endpoint;
    aws = false;
  } else if (ref.server === 'aws' && configCustom) {
    throw new SignetError(
      'OPTION_INVALID',
      `This is an AWS S3 URL, but the endpoint to sign for is ${configCustom}: a link signed for that server would point there, not at this object. Leave out --endpoint (or AWS_ENDPOINT_URL / endpoint_url), or give s3://${ref.bucket}/${ref.key} to sign for ${configCustom}.`,
    );
  } else {
    endpoint = configCustom;
    aws = !configCustom;
  }

  // Region: the host's when it says (it is where the bucket is), else the one asked for, else the default.
  let region: string;
  if (ref.region) {
    region = ref.region;
    if (config.region && config.region !== ref.region)
      warnings.push({
        code: 'REGION_FROM_URL',
        message: `The URL says the bucket is in ${ref.region}: the link is signed for ${ref.region}, not --region ${config.region}.`,
      });
  } else
    region =
      config.region ??
      configAws?.region ??
      // --endpoint https://s3.us-west-004.backblazeb2.com: that service's region, not the AWS default.
      (configCustom ? parseCompatibleS3Host(...schemeAndHost(configCustom))?.region : undefined) ??
      config.defaultRegion;
  if (aws && ref.partition && partitionOfRegion(region) !== ref.partition) {
    // arn:aws-cn:s3:::b/k with a commercial default region: no such bucket there.
    region = PARTITION_DEFAULT_REGION[ref.partition];
    warnings.push({
      code: 'REGION_ASSUMED',
      message: `The reference is in the ${ref.partition} partition but names no region: signed for ${region}. Pass --region if the bucket is elsewhere.`,
    });
  }

  // Endpoint variants (FIPS, dual-stack, accelerate) are kept unless another is asked for: the
  // standard endpoint, or an AWS endpoint given explicitly (its own variants, none for s3.…).
  const variants: S3EndpointVariants = config.standardEndpoint
    ? {}
    : configAws
      ? configAws.variants
      : { ...ref.variants };
  if (ref.website)
    warnings.push({
      code: 'WEBSITE_ENDPOINT',
      message:
        'S3 website endpoints serve no signed requests: the link goes to the bucket’s REST endpoint instead (the object is the same).',
    });
  if (aws) {
    const special =
      variants.fips || variants.dualstack || variants.accelerate || partitionOfRegion(region) === 'aws-cn';
    endpoint = special ? awsS3EndpointFor(region, variants) : undefined;
  }

  let forcePathStyle = resolvePathStyle({
    bucket: ref.bucket,
    endpoint: endpoint,
    forcePathStyle: config.forcePathStyle ?? (aws ? false : ref.forcePathStyle),
  });
  if (variants.accelerate && forcePathStyle) {
    // Transfer Acceleration is virtual-hosted only.
    if (ref.bucket.includes('.'))
      warnings.push({
        code: 'ACCELERATE_DOTTED',
        message: `Transfer Acceleration does not serve buckets with dots in their name ("${ref.bucket}"); the link may not work.`,
      });
    forcePathStyle = false;
  }

  // Query parameters of a pasted link: what is served stays the same, drops are said.
  const query: Record<string, string> = {};
  const notCarried: string[] = [...(ref.dropped ?? [])];
  const replaced: string[] = [];
  const get = (config.method ?? 'GET') === 'GET';
  if (ref.versionId) {
    if (get) query.versionId = ref.versionId;
    else notCarried.push('versionId');
  }
  for (const [name, value] of Object.entries(ref.served ?? {})) {
    if (!get) notCarried.push(name);
    else if (name === 'response-content-disposition' && config.replaces?.disposition) replaced.push(name);
    else if (name === 'response-content-type' && config.replaces?.contentType) replaced.push(name);
    else query[name] = value;
  }
  if (notCarried.length)
    warnings.push({
      code: 'QUERY_DROPPED',
      message: `Not carried over from the pasted link: ${notCarried.join(', ')}${get ? '' : ' (an upload link writes a new object)'}.`,
    });
  if (replaced.length)
    warnings.push({
      code: 'QUERY_REPLACED',
      message: `The link's own options replace ${replaced.join(' and ')} of the pasted link.`,
    });

  return { bucket: ref.bucket, key: ref.key, region, endpoint, forcePathStyle, query, warnings };
}

function schemeAndHost(endpoint: string): [string, string] {
  const u = new URL(endpoint);
  return [u.protocol.replace(/:$/, ''), u.host];
}

function awsEndpointInfo(endpoint: string): { region?: string | undefined; variants: S3EndpointVariants } {
  const host = parseAwsS3Host(new URL(endpoint).hostname);
  return { region: host?.region, variants: host?.variants ?? {} };
}
