// The profile: where objects live and how links are made. Secrets are never part of it
// (they live in the OS keychain, keyed by the profile id).
import { z } from 'zod';
import { DEFAULT_EXPIRY, DEFAULT_KEY_TEMPLATE, DEFAULT_REGION } from '../browser/profile-defaults.js';
import { isDuration, parseDuration, SIGV4_MAX_EXPIRES_SECONDS } from '../expiry/index.js';
import { parseEndpoint, validateBucketName, validateRegion } from '../s3/index.js';
import { isSignetError } from '../errors.js';
import { checkKeyTemplate } from './render-key-template.js';

/** How the profile gets AWS credentials. */
export type CredentialSource =
  { source: 'keychain' } | { source: 'aws-profile'; awsProfile: string } | { source: 'default-chain' };

/** How links are made: presigned S3 URLs, or CloudFront signed URLs. */
export type LinkConfig =
  | { kind: 's3' }
  | {
      kind: 'cloudfront';
      /** Distribution domain, e.g. d111111abcdef8.cloudfront.net or files.example.com. */
      domain: string;
      /** CloudFront public key id (trusted key group) or legacy key pair id. */
      keyPairId: string;
      hash: 'sha1' | 'sha256';
      /** The distribution's origin path: object key = originPath + URL path. */
      originPath?: string | undefined;
    };

export interface Profile {
  /** Short name used on the command line and as the keychain account prefix. */
  id: string;
  /** Display name. */
  name: string;
  bucket: string;
  region: string;
  /** S3-compatible endpoint (Ceph, MinIO, R2, B2, Wasabi…). */
  endpoint?: string | undefined;
  forcePathStyle: boolean;
  /** Object key template for uploads: {user} {yyyy} {mm} {dd} {uuid} {name} {stem} {ext}. */
  keyTemplate: string;
  /** Default link lifetime: a duration such as 1d. */
  defaultExpiry: string;
  credentials: CredentialSource;
  link: LinkConfig;
}

const refine = (check: (v: string) => void) => (v: string, ctx: z.RefinementCtx) => {
  try {
    check(v);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: isSignetError(e) ? e.message : String(e) });
  }
};

export const profileIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,39}$/,
    'use 1–40 lower-case letters, digits, - or _, starting with a letter or digit (e.g. work, client-a)',
  );

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const profileSchema = z
  .object({
    id: profileIdSchema,
    name: z.string().trim().min(1).max(80).optional(),
    bucket: z.string().superRefine(refine(validateBucketName)),
    region: z.string().default(DEFAULT_REGION).superRefine(refine(validateRegion)),
    endpoint: z
      .string()
      .superRefine(refine((v) => void parseEndpoint(v)))
      .optional(),
    forcePathStyle: z.boolean().default(false),
    keyTemplate: z.string().default(DEFAULT_KEY_TEMPLATE).superRefine(refine(checkKeyTemplate)),
    defaultExpiry: z.string().default(DEFAULT_EXPIRY).refine(isDuration, 'use a duration such as 15m, 1h, 1d or 7d'),
    credentials: z
      .discriminatedUnion('source', [
        z.object({ source: z.literal('keychain') }),
        z.object({ source: z.literal('aws-profile'), awsProfile: z.string().trim().min(1).max(128) }),
        z.object({ source: z.literal('default-chain') }),
      ])
      .default({ source: 'keychain' }),
    link: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('s3') }),
        z.object({
          kind: z.literal('cloudfront'),
          domain: z
            .string()
            .trim()
            .toLowerCase()
            .transform((d) => d.replace(/^https?:\/\//, '').replace(/\/+$/, ''))
            .pipe(z.string().regex(DOMAIN, 'use the distribution domain, e.g. d111111abcdef8.cloudfront.net')),
          keyPairId: z
            .string()
            .trim()
            .regex(/^[A-Z0-9]{8,32}$/, 'use the CloudFront public key id, e.g. K2JCJMDEHXQW5F'),
          hash: z.enum(['sha1', 'sha256']).default('sha1'),
          originPath: z
            .string()
            .regex(/^(\/[^/]+)*\/?$/, 'use a path such as /assets, or leave it empty')
            .optional(),
        }),
      ])
      .default({ kind: 's3' }),
  })
  .strict()
  .superRefine((p, ctx) => {
    // A default the link kind cannot honour would make every default link fail.
    if (
      p.link.kind === 's3' &&
      isDuration(p.defaultExpiry) &&
      parseDuration(p.defaultExpiry) > SIGV4_MAX_EXPIRES_SECONDS
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultExpiry'],
        message: 'S3 links live at most 7 days: use 7d or less, or the cloudfront link kind',
      });
    }
  })
  .transform((p): Profile => ({ ...p, name: p.name ?? p.id }));

/** What a user may write for a profile (defaults filled by parseProfile). */
export type ProfileInput = z.input<typeof profileSchema>;
