// `signet link s3://bucket/prefix/ --method POST --max-size 50MiB --content-type 'image/*'`:
// a browser-form upload (presigned POST policy) whose limits S3 enforces: size, key prefix
// (or one key), content type, expiry. Prints the form as JSON and a ready curl line.
import { createS3PostPolicy, parseObjectRef, type LinkWarning } from '@signet/core';
import { resolveCredentials } from '@signet/sharing/link-setup';
import { describePostLimits, formatCurlUpload } from '../lib/format-post-form.js';
import { UsageError } from '../lib/usage-error.js';

export interface PostLinkOptions {
  ref: string;
  expiresAt: Date;
  now: Date | undefined;
  maxBytes: number | undefined;
  contentType: string | undefined;
  region?: string | undefined;
  endpoint?: string | undefined;
  pathStyle?: boolean | undefined;
  defaultRegion: string;
  json: boolean;
}

export async function runPostLink(o: PostLinkOptions): Promise<void> {
  const ref = parseObjectRef(o.ref, { endpoints: o.endpoint ? [o.endpoint] : [] });
  if (ref.kind === 'cloudfront')
    throw new UsageError(
      'Upload forms (POST) are S3 presigned POST policies: give an s3:// reference, not a CloudFront URL.',
    );
  const target = ref.kind === 's3' ? { key: ref.key } : { prefix: ref.prefix };
  const endpoint = o.endpoint ?? ref.endpoint;
  const credentials = await resolveCredentials(undefined);
  const policy = createS3PostPolicy(
    {
      credentials,
      region: o.region ?? ref.region ?? o.defaultRegion,
      endpoint,
      forcePathStyle:
        o.pathStyle ?? (ref.kind === 's3' ? ref.forcePathStyle : undefined) ?? (endpoint ? true : undefined),
    },
    {
      bucket: ref.bucket,
      target,
      expiresAt: o.expiresAt,
      now: o.now,
      maxBytes: o.maxBytes,
      contentType: o.contentType,
    },
  );
  const curl = formatCurlUpload(policy);
  const form = {
    ref: o.ref,
    method: 'POST',
    url: policy.url,
    fields: policy.fields,
    ...(Object.keys(policy.uploaderSets).length ? { uploaderSets: policy.uploaderSets } : {}),
    limits: policy.limits,
    expiresAt: policy.expiresAt.toISOString(),
    effectiveExpiresAt: policy.effectiveExpiresAt.toISOString(),
    warnings: policy.warnings,
    curl,
  };
  if (o.json) {
    process.stdout.write(`${JSON.stringify(form)}\n`);
  } else {
    process.stdout.write(`${JSON.stringify({ url: policy.url, fields: policy.fields }, null, 2)}\n${curl}\n`);
    process.stderr.write(`signet: ${describePostLimits(policy)}\n`);
  }
  for (const w of policy.warnings as LinkWarning[]) process.stderr.write(`signet: warning: ${w.message}\n`);
}
