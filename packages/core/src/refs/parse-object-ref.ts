import { SignetError } from '../errors.js';
import { validateBucketName, validateObjectKey } from '../s3/index.js';
import { isAwsEndpoint, partitionOfRegion, type AwsPartition } from './aws-partition.js';
import { parseAwsS3Host, type S3EndpointVariants } from './aws-s3-host.js';
import { parseCompatibleS3Host } from '../browser/compatible-s3-hosts.js';
import { decodePath } from './decode-path.js';
import type { ObjectRef, ParseObjectRefOptions, RefServer } from './object-ref.js';
import { splitS3Query, stripSigningParams, type S3Query } from './signing-params.js';

const URL_PARTS = /^(https?):\/\/([^/?#]+)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;
// Access points, Object Lambda, Outposts: not a bucket + key Signet can presign today.
const AWS_S3_UNSUPPORTED =
  /\.(s3-accesspoint|s3-object-lambda|s3-outposts)(\.dualstack)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const CONSOLE_HOST =
  /^(?:([a-z0-9-]+)\.)?console\.aws\.amazon\.com$|^(?:([a-z0-9-]+)\.)?console\.(amazonaws\.cn|amazonaws-us-gov\.com)$/;
const ARN = /^arn:(aws(?:-cn|-us-gov)?):s3:::([^/]+)(?:\/(.*))?$/s;

interface RefExtra {
  region?: string | undefined;
  partition?: AwsPartition | undefined;
  endpoint?: string | undefined;
  forcePathStyle?: boolean | undefined;
  variants?: S3EndpointVariants | undefined;
  website?: boolean | undefined;
  service?: string | undefined;
  /** The pasted URL's query, read. */
  query?: S3Query | undefined;
  folderMarker?: boolean | undefined;
}

function s3Ref(bucket: string, keyOrPrefix: string, server: RefServer, extra: RefExtra): ObjectRef {
  validateBucketName(bucket);
  if (keyOrPrefix === '' || (keyOrPrefix.endsWith('/') && !extra.folderMarker)) {
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
  const q = extra.query;
  const ref: ObjectRef = {
    kind: 's3',
    bucket,
    key: keyOrPrefix,
    server,
    ...(extra.partition ? { partition: extra.partition } : {}),
    region: extra.region,
    wasSigned: q?.hadSignature ?? false,
  };
  if (extra.endpoint) {
    ref.endpoint = extra.endpoint;
    ref.forcePathStyle = extra.forcePathStyle ?? true;
  }
  if (extra.variants && Object.keys(extra.variants).length) ref.variants = extra.variants;
  if (extra.website) ref.website = true;
  if (extra.service) ref.service = extra.service;
  if (q?.versionId) ref.versionId = q.versionId;
  if (q && Object.keys(q.served).length) ref.served = q.served;
  if (q?.dropped.length) ref.dropped = q.dropped;
  return ref;
}

/** bucket + key from a path-style path (`/bucket/key`), after an optional base path. */
function fromPath(rest: string): [bucket: string, key: string] {
  const slash = rest.indexOf('/');
  return [
    decodePath(slash === -1 ? rest : rest.slice(0, slash)),
    slash === -1 ? '' : decodePath(rest.slice(slash + 1)),
  ];
}

/**
 * Understands every way people point at an S3 object: `s3://bucket/key`, `arn:aws:s3:::bucket/key`,
 * S3 URLs (virtual-hosted, path-style, regional, legacy `s3-region`, dualstack, accelerate,
 * website), S3 console object and bucket pages, URLs of CloudFront distributions and of custom
 * endpoints, of known S3-compatible services (R2, B2, Wasabi, Spaces, GCS, IP/port servers),
 * and already-signed links (the old signature is dropped, `wasSigned` says so; `versionId`,
 * `partNumber` and `response-*` are kept, other parameters listed in `dropped`).
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
    return s3Ref(bucket, slash === -1 ? '' : rest.slice(slash + 1), 'any', { folderMarker: options.folderMarker });
  }
  const arn = ARN.exec(text);
  if (arn?.[2])
    return s3Ref(arn[2], arn[3] ?? '', 'any', {
      partition: arn[1] as AwsPartition,
      folderMarker: options.folderMarker,
    });
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
        'NOT_AN_OBJECT',
        `${origin}/ names no object. Point at a file on the distribution, e.g. ${origin}/path/file.pdf.`,
      );
    return {
      kind: 'cloudfront',
      domain: host,
      path,
      // A literal `*` names one object here; left bare it would make the signature a wildcard
      // policy for every path it matches. %2A reaches the origin as `*` all the same.
      url: `${origin}${rawPath.replace(/\*/g, '%2A')}${kept.length ? `?${kept.join('&')}` : ''}`,
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
        'NOT_AN_OBJECT',
        'This S3 console link names a bucket but no object. Open the object itself and share that page.',
      );
    return s3Ref(decodePath(cm[2]), prefix, 'aws', { region, partition, folderMarker: options.folderMarker });
  }

  const query = splitS3Query(rawQuery);
  const common = { query, folderMarker: options.folderMarker };
  const lowerHostPort = hostPort.toLowerCase();
  const path = rawPath.replace(/^\//, '');

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
      const [bucket, key] = fromPath(rawPath.slice(basePath.length + 1));
      return s3Ref(bucket, key, 'custom', { ...common, endpoint: ep, forcePathStyle: true });
    }
    if (lowerHostPort.endsWith(`.${epHost}`) && scheme!.toLowerCase() === epUrl.protocol.slice(0, -1)) {
      const bucket = lowerHostPort.slice(0, -(epHost.length + 1));
      return s3Ref(bucket, decodePath(path), 'custom', { ...common, endpoint: ep, forcePathStyle: false });
    }
  }

  // AWS S3 endpoints
  const aws = parseAwsS3Host(host);
  if (aws) {
    const extra = {
      ...common,
      region: aws.region,
      partition: aws.partition,
      variants: aws.variants,
      website: aws.website,
    };
    if (aws.bucket) return s3Ref(aws.bucket, decodePath(path), 'aws', extra);
    if (!path) throw new SignetError('REF_INVALID', `${origin}/ names no bucket. Use ${origin}/bucket/key.`);
    return s3Ref(...fromPath(path), 'aws', extra);
  }

  if (AWS_S3_UNSUPPORTED.test(host)) {
    throw new SignetError(
      'REF_UNSUPPORTED',
      `${origin} is an S3 access point, Object Lambda or Outposts address, which Signet cannot sign for yet. Use the bucket's own URL or s3://bucket/key.`,
      { details: { host } },
    );
  }

  // Known S3-compatible services (R2, B2, Wasabi, Spaces, GCS) and IP / host:port servers.
  const compatible = parseCompatibleS3Host(scheme!.toLowerCase(), hostPort);
  if (compatible) {
    const extra = { ...common, endpoint: compatible.endpoint, region: compatible.region, service: compatible.service };
    if (compatible.bucket)
      return s3Ref(compatible.bucket, decodePath(path), 'custom', { ...extra, forcePathStyle: false });
    if (!path) throw new SignetError('REF_INVALID', `${origin}/ names no bucket. Use ${origin}/bucket/key.`);
    return s3Ref(...fromPath(path), 'custom', { ...extra, forcePathStyle: true });
  }
  throw new SignetError(
    'REF_UNSUPPORTED',
    `${origin} is neither an S3 endpoint nor a CloudFront distribution Signet knows. If it is an S3-compatible service, pass --endpoint ${origin} (or add it to a profile's endpoint); if it is your own CloudFront domain, add it to a profile (--cloudfront-domain ${host}).`,
    { details: { host } },
  );
}
