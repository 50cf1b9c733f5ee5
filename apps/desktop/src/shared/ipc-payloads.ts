// The zod schema of every IPC payload: the one source of the renderer ⇄ main argument types.
// Main parses each call with these (it trusts nothing the renderer sends); desktop-api.ts takes
// the payload types from them with `import type` only, so the renderer and the preload get the
// types and never bundle zod. definePayloads makes a schema that disagrees with DesktopApi (in
// either direction) a compile error naming the method.
import { z } from 'zod';
import type { DesktopApi, InvokeMethod } from './desktop-api.js';
import { CLOUDFRONT_PAYLOADS } from './cloudfront-payloads.js';

const id = z.string().min(1).max(200);
const expires = z.string().trim().min(1).max(40);
const text = z.string().max(2048);
export const browserSchema = z.enum(['chrome', 'chromium', 'edge', 'brave', 'firefox']);
const absPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'must be an absolute path');
const origin = z.string().regex(/^(chrome-extension:\/\/[a-p]{32}\/|[\w.@+-]{1,200})$/, 'must be an extension origin');

const linkOptionsSchema = z
  .object({
    downloadName: z.string().min(1).max(255).optional(),
    inline: z.boolean().optional(),
    /** ISO-8601; CloudFront profiles only. */
    startAt: z.iso.datetime({ offset: true }).optional(),
    /** IPv4 address or CIDR; CloudFront profiles only. */
    ipAddress: z.string().max(64).optional(),
    via: z.enum(['profile', 's3']).optional(),
  })
  .strict();

export const shareRequestSchema = z
  .object({
    /** Absolute paths (from a drop, via pathForFile, or the file picker). */
    paths: z.array(absPath).min(1).max(10_000),
    profileId: id.optional(),
    /** Duration (15m, 1h, 1d, 7d) or ISO-8601 date-time. */
    expires: expires.optional(),
    options: linkOptionsSchema.optional(),
    check: z.boolean().optional(),
  })
  .strict();

export const credentialsSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('keychain') }).strict(),
  z.object({ source: z.literal('aws-profile'), awsProfile: text }).strict(),
  z.object({ source: z.literal('default-chain') }).strict(),
]);

export const linkConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('s3') }).strict(),
  z
    .object({
      kind: z.literal('cloudfront'),
      domain: text,
      keyPairId: text,
      hash: z.enum(['sha1', 'sha256']),
      originPath: text.optional(),
    })
    .strict(),
]);

/** The shape only: the profile schema in core checks every value (and fills the defaults). */
export const profileInputSchema = z
  .object({
    id,
    name: text.optional(),
    bucket: text,
    region: text.optional(),
    endpoint: text.optional(),
    forcePathStyle: z.boolean().optional(),
    keyTemplate: text.optional(),
    defaultExpiry: expires.optional(),
    credentials: credentialsSchema.optional(),
    link: linkConfigSchema.optional(),
  })
  .strict();

export const awsSecretSchema = z
  .object({
    accessKeyId: z.string().min(1).max(128),
    secretAccessKey: z.string().min(1).max(256),
    sessionToken: z.string().max(4096).optional(),
    expiration: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/** The secrets a profile is saved with: stored first, put back if the save fails (never in a file). */
export const profileSecretsSchema = z
  .object({
    aws: awsSecretSchema.optional(),
    /** The PEM file is read in main and validated before anything is stored; the file is not touched. */
    cloudFront: z
      .object({ pemPath: absPath, passphrase: z.string().max(1024).optional() })
      .strict()
      .optional(),
  })
  .strict();

export const linkQuerySchema = z
  .object({ filter: z.enum(['active', 'expired', 'all']).optional(), search: z.string().max(200).optional() })
  .strict();

/** The arguments DesktopApi declares for a method, as the preload sends them (ipcRenderer.invoke(channel, ...args)). */
export type ApiArgs<K extends InvokeMethod> = Parameters<DesktopApi[K]>;

/** True when a schema parses exactly what DesktopApi declares: all it returns is what the handler's
 *  type says it gets, and all the renderer may send by its types is what the schema's input allows. */
type Agrees<S, A extends unknown[]> = S extends z.ZodType
  ? [z.output<S>] extends [A]
    ? [A] extends [z.input<S>]
      ? S
      : { error: 'the schema refuses arguments DesktopApi allows'; api: A; schemaInput: z.input<S> }
    : { error: 'the schema lets through arguments DesktopApi does not declare'; api: A; schemaOutput: z.output<S> }
  : { error: 'not a zod schema' };

/** The payload table, checked method by method against DesktopApi (one schema per invoke method). */
export function definePayloads<const T extends { [K in InvokeMethod]: z.ZodType }>(
  payloads: T & { [K in InvokeMethod]: Agrees<T[K], ApiArgs<K>> },
): T {
  return payloads;
}

/** Argument tuples per method. A trailing optional argument is `.optional()`: the renderer sends
 *  `undefined` for it (e.g. no passphrase), which a union of shorter and longer tuples refused. */
export const PAYLOADS = definePayloads({
  listProfiles: z.tuple([]),
  ...CLOUDFRONT_PAYLOADS,
  saveProfile: z.tuple([profileInputSchema, profileSecretsSchema.optional()]),
  removeProfile: z.tuple([id]),
  setDefaultProfile: z.tuple([id]),
  setAwsSecret: z.tuple([id, awsSecretSchema]),
  importCloudFrontKey: z.tuple([id, absPath, z.string().max(1024).optional()]),
  testProfile: z.tuple([id]),
  testProfileDraft: z.tuple([profileInputSchema, profileSecretsSchema.optional()]),
  share: z.tuple([id, shareRequestSchema]),
  cancelShare: z.tuple([id]),
  checkLink: z.tuple([z.url({ protocol: /^https?$/ }).max(16_384)]),
  listLinks: z.tuple([linkQuerySchema]),
  historyProblems: z.tuple([]),
  pruneExpired: z.tuple([]),
  getLinkUrl: z.tuple([id]),
  renewLink: z.tuple([id, expires.optional()]),
  describeRevocation: z.tuple([id]),
  revokeLink: z.tuple([id, z.boolean()]),
  openExternal: z.tuple([z.url({ protocol: /^https$/ }).max(16_384)]),
  nativeHostStatus: z.tuple([]),
  installNativeHost: z.tuple([browserSchema]),
  listApprovals: z.tuple([]),
  approveExtension: z.tuple([origin]),
  revokeExtension: z.tuple([origin]),
  getSettings: z.tuple([]),
  setStartAtLogin: z.tuple([z.boolean()]),
  // An accelerator: modifiers and one key joined by '+', e.g. CommandOrControl+Shift+U.
  setShortcut: z.tuple([
    z
      .string()
      .max(64)
      .regex(/^(?:[A-Za-z]+\+){1,4}[A-Za-z0-9]{1,3}$/, 'must be modifiers and a key, e.g. CommandOrControl+Shift+U')
      .nullable(),
  ]),
});
