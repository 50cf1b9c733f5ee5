import { sign } from 'node:crypto';
import { SignetError } from '../errors.js';
import { resolveEffectiveExpiry, type LinkWarning } from '../expiry/index.js';
import type { SignedLink } from '../s3/index.js';
import { checkCookieSizes, checkSignedUrlLength, hostOf, normalizeCloudFrontUrl } from './encode-url.js';
import { keyObjectOf, type CloudFrontPrivateKey } from './parse-private-key.js';
import { withResponseOverrides, type ResponseOverrides } from './response-overrides.js';
import { buildCannedPolicy, buildCustomPolicy, parseSourceIp, resourceCovers } from './policy.js';

export interface CloudFrontSignerConfig {
  /** The CloudFront public key id in a trusted key group (e.g. K2JCJMDEHXQW5F), or a legacy APKA… key pair id. */
  keyPairId: string;
  /** Parsed once with parseCloudFrontPrivateKey and reused for every link. */
  privateKey: CloudFrontPrivateKey;
  /** Signature digest: SHA-1 (CloudFront's default) or SHA-256 (adds Hash-Algorithm=SHA256). */
  hash?: 'sha1' | 'sha256' | undefined;
  /** The distribution's domain. When set, URLs and resources elsewhere are refused. */
  domain?: string | undefined;
}

export interface CloudFrontSignRequest extends ResponseOverrides {
  /** The object URL (a `*` in it makes it a pattern: one signature for every match). */
  url: string;
  expiresAt: Date;
  /** Signing time (default: the clock). */
  now?: Date;
  /** Not valid before (custom policy `DateGreaterThan`). */
  startAt?: Date | undefined;
  /** Client IPv4 address or CIDR (custom policy `IpAddress`). */
  ipAddress?: string | undefined;
  /** Wildcard resource (`*`, `?`) covering `url` and others: one signature for a whole prefix. */
  resource?: string | undefined;
}

export interface SignedCookies {
  cookies: Record<string, string>;
  expiresAt: Date;
  effectiveExpiresAt: Date;
  warnings: LinkWarning[];
  /** The resource (URL or pattern) the cookies grant. */
  resource: string;
}

export interface CloudFrontSigner {
  signUrl(request: CloudFrontSignRequest): SignedLink;
  signCookies(request: CloudFrontSignRequest): SignedCookies;
}

const KEY_PAIR_ID = /^[A-Z0-9]{8,32}$/;

const urlSafeBase64 = (b: Buffer): string =>
  b.toString('base64').replace(/\+/g, '-').replace(/=/g, '_').replace(/\//g, '~');

interface Signed {
  params: [string, string][];
  custom: boolean;
  resource: string;
  expiresAt: Date;
  effectiveExpiresAt: Date;
  warnings: LinkWarning[];
}

/**
 * A reusable CloudFront signer. Canned policy when only an expiry is asked for; a custom
 * policy as soon as there is a start time, an IP restriction or a wildcard resource (the AWS
 * SDK silently signs a canned policy for `*` resources: aws-sdk-js-v3#4516). The key is parsed
 * once; each link costs one signature.
 */
export function createCloudFrontSigner(config: CloudFrontSignerConfig): CloudFrontSigner {
  const keyPairId = config.keyPairId?.trim() ?? '';
  if (!KEY_PAIR_ID.test(keyPairId)) {
    throw new SignetError(
      'KEY_PAIR_ID_INVALID',
      `"${config.keyPairId}" is not a CloudFront key id. Use the ID of the public key in your trusted key group (CloudFront console → Key management → Public keys), e.g. K2JCJMDEHXQW5F.`,
    );
  }
  const hash = config.hash ?? 'sha1';
  if (hash !== 'sha1' && hash !== 'sha256')
    throw new SignetError('HASH_UNSUPPORTED', `Hash ${String(hash)} is not supported: use sha1 (default) or sha256.`);
  const key = keyObjectOf(config.privateKey);
  const domain = config.domain
    ?.trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');

  function checkDomain(urlOrPattern: string, what: string): void {
    if (domain && hostOf(urlOrPattern) !== domain) {
      throw new SignetError(
        'URL_OUTSIDE_DISTRIBUTION',
        `The ${what} ${urlOrPattern} is not on this profile's distribution (${domain}). Use a URL on ${domain}, or a profile for that distribution.`,
      );
    }
  }

  function signPolicy(req: CloudFrontSignRequest): Signed {
    const now = req.now ?? new Date();
    const url = normalizeCloudFrontUrl(req.url);
    checkDomain(url, 'URL');
    const urlIsPattern = new URL(url.replace(/^\*:/, 'https:')).pathname.includes('*');
    let resource = url;
    if (req.resource !== undefined) {
      resource = normalizeCloudFrontUrl(req.resource, 'resource');
      checkDomain(resource, 'resource');
      if (!urlIsPattern && !resourceCovers(resource, url)) {
        throw new SignetError(
          'RESOURCE_INVALID',
          `The resource ${resource} does not cover ${url}, so the link would be refused. Widen the pattern (e.g. end it with /*) or leave it out.`,
        );
      }
    }
    const expiry = resolveEffectiveExpiry({ expiresAt: req.expiresAt, now, kind: 'cloudfront' });
    const dateLessThan = Math.floor(req.expiresAt.getTime() / 1000);
    // CloudFront compares whole seconds: an expiry within the current second is a dead link.
    if (dateLessThan <= Math.floor(now.getTime() / 1000)) {
      throw new SignetError(
        'EXPIRY_TOO_SHORT',
        'A CloudFront link must live at least until the next full second. Pick a later expiry, e.g. 1h.',
      );
    }
    const warnings = [...expiry.warnings];
    let dateGreaterThan: number | undefined;
    if (req.startAt !== undefined) {
      if (Number.isNaN(req.startAt.getTime()))
        throw new SignetError('DATE_INVALID', 'The start time is not a valid date.');
      if (req.startAt.getTime() >= req.expiresAt.getTime()) {
        throw new SignetError(
          'OPTION_INVALID',
          'The start time is not before the expiry: the link would never work. Pick an earlier start or a later expiry.',
        );
      }
      dateGreaterThan = Math.floor(req.startAt.getTime() / 1000);
      if (req.startAt.getTime() > now.getTime()) {
        warnings.push({
          code: 'START_IN_FUTURE',
          message: `This link starts working at ${req.startAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
        });
      }
    }
    const sourceIp = req.ipAddress !== undefined ? parseSourceIp(req.ipAddress) : undefined;
    // In a resource pattern `*` and `?` are wildcards; in a plain URL `?` starts the query.
    const afterHost = resource.replace(/^[a-z*]+:\/\/[^/]*/i, '');
    const wildcard =
      resource.startsWith('*:') || (req.resource !== undefined ? /[*?]/.test(afterHost) : afterHost.includes('*'));
    const custom = wildcard || resource !== url || dateGreaterThan !== undefined || sourceIp !== undefined;
    const policy = custom
      ? buildCustomPolicy({ resource, dateLessThan, dateGreaterThan, sourceIp })
      : buildCannedPolicy(resource, dateLessThan);
    const signature = urlSafeBase64(sign(hash, Buffer.from(policy, 'utf8'), key));
    const params: [string, string][] = custom
      ? [['Policy', urlSafeBase64(Buffer.from(policy, 'utf8'))]]
      : [['Expires', String(dateLessThan)]];
    params.push(['Key-Pair-Id', keyPairId], ['Signature', signature]);
    if (hash === 'sha256') params.push(['Hash-Algorithm', 'SHA256']);
    return {
      params,
      custom,
      resource,
      expiresAt: new Date(dateLessThan * 1000),
      effectiveExpiresAt: new Date(dateLessThan * 1000),
      warnings,
    };
  }

  return {
    signUrl(given) {
      // Download name / content type are query parameters of the URL itself, so they are signed.
      const req = { ...given, url: withResponseOverrides(given.url, given) };
      const s = signPolicy(req);
      const base = normalizeCloudFrontUrl(req.url);
      const query = s.params.map(([k, v]) => `${k}=${v}`).join('&');
      const url = `${base}${base.includes('?') ? '&' : '?'}${query}`;
      checkSignedUrlLength(url, Buffer.byteLength(base), s.custom);
      return {
        url,
        kind: 'cloudfront',
        method: 'GET',
        expiresAt: s.expiresAt,
        effectiveExpiresAt: s.effectiveExpiresAt,
        warnings: s.warnings,
      };
    },
    signCookies(req) {
      const s = signPolicy(req);
      const cookies: Record<string, string> = {};
      for (const [k, v] of s.params) cookies[`CloudFront-${k}`] = v;
      checkCookieSizes(cookies);
      return {
        cookies,
        expiresAt: s.expiresAt,
        effectiveExpiresAt: s.effectiveExpiresAt,
        warnings: s.warnings,
        resource: s.resource,
      };
    },
  };
}

/** One-off signed URL. For many, create one signer with createCloudFrontSigner. */
export function signCloudFrontUrl(config: CloudFrontSignerConfig, request: CloudFrontSignRequest): SignedLink {
  return createCloudFrontSigner(config).signUrl(request);
}

/** One-off signed cookies. */
export function signCloudFrontCookies(config: CloudFrontSignerConfig, request: CloudFrontSignRequest): SignedCookies {
  return createCloudFrontSigner(config).signCookies(request);
}
