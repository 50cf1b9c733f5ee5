import { SignetError } from '../errors.js';
import { validateBucketName, validateObjectKey } from '../s3/index.js';
import { decodePath } from './decode-path.js';
import { isAwsEndpoint, partitionOfRegion, type AwsPartition } from './aws-partition.js';
import type { ObjectRef, ParseObjectRefOptions, RefServer } from './object-ref.js';
import { stripSigningParams } from './signing-params.js';

const URL_PARTS = /^(https?):\/\/([^/?#]+)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;
// AWS S3 hosts: s3, s3.<region>, s3-<region>, s3.dualstack.<region>, s3-accelerate, s3-website[-.]<region>
const AWS_S3_HOST =
  /^(?:(.+)\.)?(s3-accelerate(?:\.dualstack)?|s3-website[.-]([a-z0-9-]+)|s3(?:-fips)?(?:[.-](?:dualstack\.)?([a-z0-9-]+?))?)\.amazonaws\.com(?:\.cn)?$/;
// Access points, Object Lambda, Outposts: not a bucket + key Signet can presign today.
const AWS_S3_UNSUPPORTED =
  /\.(s3-accesspoint|s3-object-lambda|s3-outposts)(\.dualstack)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const CONSOLE_HOST =
  /^(?:([a-z0-9-]+)\.)?console\.aws\.amazon\.com$|^(?:([a-z0-9-]+)\.)?console\.(amazonaws\.cn|amazonaws-us-gov\.com)$/;
const ARN = /^arn:(aws(?:-cn|-us-gov)?):s3:::([^/]+)(?:\/(.*))?$/s;

function s3Ref(
  bucket: string,
  keyOrPrefix: string,
  server: RefServer,
  extra: {
    region?: string | undefined;
    partition?: AwsPartition | undefined;
    endpoint?: string;
    forcePathStyle?: boolean;
    wasSigned?: boolean;
  },
): ObjectRef {
  validateBucketName(bucket);
  if (keyOrPrefix === '' || keyOrPrefix.endsWith('/')) {
    return {
      kind: 's3-prefix',
      bucket,
      prefix: keyOrPrefix,
      server,
      ...(extra.partition ? { partition: extra.partition } : {}),
      region: extra.region,
      ...(extra.endpoint ? { endpoint: extra.endpoint } : {}),
    };
  }
  validateObjectKey(keyOrPrefix);
  const ref: ObjectRef = {
    kind: 's3',
    bucket,
    key: keyOrPrefix,
    server,
    ...(extra.partition ? { partition: extra.partition } : {}),
    region: extra.region,
    wasSigned: extra.wasSigned ?? false,
  };
  if (extra.endpoint) {
    ref.endpoint = extra.endpoint;
    ref.forcePathStyle = extra.forcePathStyle ?? true;
  }
  return ref;
}

function normalizeRegion(r: string | undefined): string | undefined {
  if (!r || r === 'amazonaws' || r === 'external-1') return r === 'external-1' ? 'us-east-1' : undefined;
  return r;
}

/**
 * Understands every way people point at an S3 object: `s3://bucket/key`, `arn:aws:s3:::bucket/key`,
 * S3 URLs (virtual-hosted, path-style, regional, legacy `s3-region`, dualstack, accelerate,
 * website), S3 console object and bucket pages, URLs of CloudFront distributions and of custom
 * endpoints, and already-signed links (the old signature is dropped, `wasSigned` says so).
 * Keys come back exactly: spaces, unicode, `+ & = ? # %` and `//` included.
 */
export function parseObjectRef(input: string, options: ParseObjectRefOptions = {}): ObjectRef {
  // Pasted text often ends in a line break; trailing spaces may belong to a key, so they stay.
  const text = input.replace(/^\s+/, '').replace(/[\r\n\t]+$/, '');
  if (!text.trim())
    throw new SignetError(
      'REF_INVALID',
      'Nothing to share: give an S3 URI (s3://bucket/key), an S3 or CloudFront URL, or an S3 console link.',
    );

  if (/^s3:\/\//i.test(text)) {
    // s3:// URIs are literal, as in the AWS CLI: no percent-decoding.
    const rest = text.slice(5);
    const slash = rest.indexOf('/');
    const bucket = slash === -1 ? rest : rest.slice(0, slash);
    return s3Ref(bucket, slash === -1 ? '' : rest.slice(slash + 1), 'any', {});
  }
  const arn = ARN.exec(text);
  if (arn?.[2]) return s3Ref(arn[2], arn[3] ?? '', 'any', { partition: arn[1] as AwsPartition });
  if (/^arn:/i.test(text))
    throw new SignetError('REF_UNSUPPORTED', `"${text}" is not an S3 object ARN. Use arn:aws:s3:::bucket/key.`);

  const m = URL_PARTS.exec(text);
  if (!m) {
    throw new SignetError(
      'REF_INVALID',
      `"${text.slice(0, 200)}" is not something Signet can share. Give s3://bucket/key, an S3 or CloudFront URL, or an S3 console link.`,
    );
  }
  const [, scheme, hostPort = '', rawPath = '', rawQuery = ''] = m;
  const host = hostPort.toLowerCase().replace(/:\d+$/, '');
  const origin = `${scheme!.toLowerCase()}://${hostPort.toLowerCase()}`;

  // CloudFront distributions (configured or *.cloudfront.net)
  const cfDomains = (options.cloudFrontDomains ?? []).map((d) =>
    d
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, ''),
  );
  if (cfDomains.includes(host) || host.endsWith('.cloudfront.net')) {
    const { kept, hadSignature } = stripSigningParams(rawQuery, 'cloudfront');
    const path = decodePath(rawPath.replace(/^\//, ''));
    if (!path)
      throw new SignetError(
        'KEY_INVALID',
        `${origin}/ names no object. Point at a file on the distribution, e.g. ${origin}/path/file.pdf.`,
      );
    return {
      kind: 'cloudfront',
      domain: host,
      path,
      url: `${origin}${rawPath}${kept.length ? `?${kept.join('&')}` : ''}`,
      wasSigned: hadSignature,
    };
  }

  // S3 console pages: /s3/object/<bucket>?prefix=<key>, /s3/buckets/<bucket>?prefix=<folder>
  const consoleHost = CONSOLE_HOST.exec(host);
  if (consoleHost) {
    // Older console links carry the folder in the path: /s3/buckets/<bucket>/<folder>/
    const cm = /^\/s3\/(object|buckets)\/([^/?#]+)(?:\/(.*))?$/.exec(rawPath);
    if (!cm?.[2]) {
      throw new SignetError(
        'REF_UNSUPPORTED',
        'This AWS console page is not an S3 object or bucket page. Open the object in the S3 console (its "Object overview") and share that page.',
      );
    }
    const q = new URLSearchParams(rawQuery);
    // eu-west-1.console… names a region; s3.console… and console… do not.
    const hostRegion = consoleHost[1] ?? consoleHost[2];
    const region = q.get('region') ?? (hostRegion && REGION.test(hostRegion) ? hostRegion : undefined);
    const partition: AwsPartition =
      consoleHost[3] === 'amazonaws.cn'
        ? 'aws-cn'
        : consoleHost[3]
          ? 'aws-us-gov'
          : region
            ? partitionOfRegion(region)
            : 'aws';
    const prefix = q.get('prefix') ?? (cm[1] === 'buckets' && cm[3] ? decodePath(cm[3]) : '');
    if (cm[1] === 'buckets') {
      const bucket = decodePath(cm[2]);
      validateBucketName(bucket);
      return { kind: 's3-prefix', bucket, prefix, server: 'aws', partition, region };
    }
    if (!prefix)
      throw new SignetError(
        'KEY_INVALID',
        'This S3 console link names a bucket but no object. Open the object itself and share that page.',
      );
    return s3Ref(decodePath(cm[2]), prefix, 'aws', { region, partition });
  }

  const { hadSignature } = stripSigningParams(rawQuery, 's3');

  // Custom S3-compatible endpoints from the profiles: path-style or bucket.<endpoint host>
  // A profile endpoint that is AWS's own (https://s3.amazonaws.com) is AWS, read below.
  for (const ep of (options.endpoints ?? []).filter((e) => !isAwsEndpoint(e))) {
    let epUrl: URL;
    try {
      epUrl = new URL(ep);
    } catch {
      continue;
    }
    const epHost = epUrl.host.toLowerCase();
    const epOrigin = `${epUrl.protocol}//${epHost}`;
    const basePath = epUrl.pathname.replace(/\/+$/, '');
    if (origin === epOrigin && rawPath.startsWith(`${basePath}/`)) {
      const rest = rawPath.slice(basePath.length + 1);
      const slash = rest.indexOf('/');
      const bucket = decodePath(slash === -1 ? rest : rest.slice(0, slash));
      return s3Ref(bucket, slash === -1 ? '' : decodePath(rest.slice(slash + 1)), 'custom', {
        endpoint: ep,
        forcePathStyle: true,
        wasSigned: hadSignature,
      });
    }
    if (hostPort.toLowerCase().endsWith(`.${epHost}`) && scheme!.toLowerCase() === epUrl.protocol.slice(0, -1)) {
      const bucket = hostPort.toLowerCase().slice(0, -(epHost.length + 1));
      return s3Ref(bucket, decodePath(rawPath.replace(/^\//, '')), 'custom', {
        endpoint: ep,
        forcePathStyle: false,
        wasSigned: hadSignature,
      });
    }
  }

  // AWS S3 endpoints
  const aws = AWS_S3_HOST.exec(host);
  if (aws) {
    const region = normalizeRegion(aws[4] ?? aws[3]);
    const partition: AwsPartition = host.endsWith('.cn') ? 'aws-cn' : region ? partitionOfRegion(region) : 'aws';
    if (aws[1])
      return s3Ref(aws[1], decodePath(rawPath.replace(/^\//, '')), 'aws', {
        region,
        partition,
        wasSigned: hadSignature,
      });
    const rest = rawPath.replace(/^\//, '');
    const slash = rest.indexOf('/');
    if (!rest) throw new SignetError('REF_INVALID', `${origin}/ names no bucket. Use ${origin}/bucket/key.`);
    return s3Ref(
      decodePath(slash === -1 ? rest : rest.slice(0, slash)),
      slash === -1 ? '' : decodePath(rest.slice(slash + 1)),
      'aws',
      { region, partition, wasSigned: hadSignature },
    );
  }

  if (AWS_S3_UNSUPPORTED.test(host)) {
    throw new SignetError(
      'REF_UNSUPPORTED',
      `${origin} is an S3 access point, Object Lambda or Outposts address, which Signet cannot sign for yet. Use the bucket's own URL or s3://bucket/key.`,
      {
        details: { host },
      },
    );
  }
  throw new SignetError(
    'REF_UNSUPPORTED',
    `${origin} is neither an S3 endpoint nor a CloudFront distribution Signet knows. If it is an S3-compatible service or your own CloudFront domain, add it to a profile (endpoint or CloudFront domain).`,
    { details: { host } },
  );
}
