// Every message of the extension ⇄ desktop protocol, as zod schemas. The extension parses the
// replies with these, the bridge server parses the requests with these: one source, both ends.
// Who trusts whom: the bridge trusts only the origin the native host read from the browser's
// argv (relayHello), never anything an extension says about itself.
import { z } from 'zod';
import { protocolErrorSchema } from './error-codes.js';
import { MAX_TIMEOUT_MS } from './version.js';

const requestId = z.string().min(1).max(64);
const isoDateTime = z.iso.datetime({ offset: true });

/** Fields every request carries. */
const envelope = {
  /** Protocol version of this message. */
  v: z.number().int().positive(),
  /** Chosen by the sender, echoed in the reply (replies are matched by id). */
  id: requestId,
  /** How long the sender waits; the desktop gives up on work past it. */
  timeoutMs: z.number().int().min(1).max(MAX_TIMEOUT_MS).optional(),
};

/** A duration (`90s`, `15m`, `2h`, `7d`, `1w`) or an ISO-8601 date-time. */
export const expiresSchema = z
  .string()
  .max(40)
  .regex(
    /^(\d{1,7}[smhdw]|\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2}))$/,
    'expires must be a duration like 15m, 1h, 7d or an ISO-8601 date-time',
  );

// ── requests ────────────────────────────────────────────────────────────────────────────────

export const helloParamsSchema = z.object({
  /** Protocol versions the extension speaks. */
  versions: z.array(z.number().int().positive()).min(1).max(16),
  extensionVersion: z.string().max(40).optional(),
});

export const linkParamsSchema = z.object({
  /** Anything the desktop's parseObjectRef understands: s3:// text, S3/console/CloudFront URL, signed URL. */
  ref: z.string().trim().min(1).max(8192),
  /** Default: the matching profile's default expiry. */
  expires: expiresSchema.optional(),
  /**
   * Default: the profile that covers the reference (bucket on the same server, or CloudFront
   * domain). A named profile must cover it too, else NO_PROFILE_FOR_OBJECT.
   */
  profileId: z.string().min(1).max(100).optional(),
  /**
   * Other readings of the same selected text (e.g. a key cut at each space of a sentence). The
   * bridge signs the one reading, of `ref` and these, whose object exists; several → AMBIGUOUS_REFERENCE.
   */
  candidates: z.array(z.string().trim().min(1).max(8192)).max(16).optional(),
  options: z
    .object({
      downloadName: z.string().min(1).max(255).optional(),
      inline: z.boolean().optional(),
    })
    .strict()
    .optional(),
});

export const recentLinksParamsSchema = z.object({
  /** How many links, newest first. */
  limit: z.number().int().min(1).max(50).optional(),
});

export const statusParamsSchema = z.object({});

export const helloRequestSchema = z.object({ ...envelope, type: z.literal('hello'), params: helloParamsSchema });
export const linkRequestSchema = z.object({ ...envelope, type: z.literal('link'), params: linkParamsSchema });
export const recentLinksRequestSchema = z.object({
  ...envelope,
  type: z.literal('recentLinks'),
  params: recentLinksParamsSchema.default({}),
});
export const statusRequestSchema = z.object({
  ...envelope,
  type: z.literal('status'),
  params: statusParamsSchema.default({}),
});

export const requestSchema = z.discriminatedUnion('type', [
  helloRequestSchema,
  linkRequestSchema,
  recentLinksRequestSchema,
  statusRequestSchema,
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export const REQUEST_TYPES = ['hello', 'link', 'recentLinks', 'status'] as const satisfies readonly RequestType[];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
export type ParamsOf<T extends RequestType> = z.input<(typeof paramsSchemas)[T]>;

const paramsSchemas = {
  hello: helloParamsSchema,
  link: linkParamsSchema,
  recentLinks: recentLinksParamsSchema,
  status: statusParamsSchema,
} as const;

// ── results ─────────────────────────────────────────────────────────────────────────────────

/** Whether the desktop accepts requests from this extension. */
export const approvalSchema = z.enum(['approved', 'pending']);

const appInfo = z.object({ name: z.string().max(100), version: z.string().max(40) });

export const helloResultSchema = z.object({
  protocolVersion: z.number().int().positive(),
  /** The extension origin as the browser reported it to the native host. */
  origin: z.string().max(200),
  approval: approvalSchema,
  app: appInfo,
});

export const linkWarningSchema = z.object({ code: z.string().max(100), message: z.string().max(1000) });

export const linkResultSchema = z.object({
  /** History id of the link. */
  id: z.string().max(100),
  url: z.string().url().max(16_384),
  kind: z.enum(['s3', 'cloudfront']),
  method: z.enum(['GET', 'PUT']),
  profileId: z.string().max(100),
  /** The name of the profile that signed (shown to the user: which server and credentials). */
  profileName: z.string().max(200).optional(),
  bucket: z.string().max(255),
  key: z.string().max(2048),
  /** What was asked for. */
  expiresAt: isoDateTime,
  /** When the link really stops working (temporary credentials, the 7-day SigV4 cap). */
  effectiveExpiresAt: isoDateTime,
  warnings: z.array(linkWarningSchema).max(20),
});

export const recentLinkSchema = z.object({
  id: z.string().max(100),
  createdAt: isoDateTime,
  source: z.enum(['desktop', 'extension', 'cli']),
  /** The profile that signed it (the popup shows its name). */
  profileId: z.string().max(100).optional(),
  kind: z.enum(['s3', 'cloudfront']),
  method: z.enum(['GET', 'PUT']),
  bucket: z.string().max(255),
  key: z.string().max(2048),
  expiresAt: isoDateTime,
  effectiveExpiresAt: isoDateTime,
  /** Present for links that still work (copy again). */
  url: z.string().url().max(16_384).optional(),
  revokedAt: isoDateTime.optional(),
});

export const recentLinksResultSchema = z.object({ links: z.array(recentLinkSchema).max(50) });

export const statusResultSchema = z.object({
  approval: approvalSchema,
  app: appInfo,
  /** Profile names (never any secret), to tell the user where links come from. */
  profiles: z.array(z.object({ id: z.string().max(100), name: z.string().max(200), isDefault: z.boolean() })).max(200),
  /**
   * Match patterns (`*://host/*`) of the pages where "Copy share link" makes sense besides S3,
   * the S3 console and CloudFront: the profiles' own endpoints and distribution domains.
   */
  pagePatterns: z.array(z.string().max(300)).max(400).optional(),
});

export const resultSchemas = {
  hello: helloResultSchema,
  link: linkResultSchema,
  recentLinks: recentLinksResultSchema,
  status: statusResultSchema,
} as const;

export type ResultOf<T extends RequestType> = z.infer<(typeof resultSchemas)[T]>;
export type HelloResult = ResultOf<'hello'>;
export type LinkResultMessage = ResultOf<'link'>;
export type RecentLink = z.infer<typeof recentLinkSchema>;
export type StatusResult = ResultOf<'status'>;

// ── responses ───────────────────────────────────────────────────────────────────────────────

export const successResponseSchema = z.object({
  v: z.number().int().positive(),
  id: requestId,
  ok: z.literal(true),
  type: z.enum(REQUEST_TYPES),
  result: z.unknown(),
});

export const errorResponseSchema = z.object({
  v: z.number().int().positive(),
  /** null when the request was too broken to read its id. */
  id: requestId.nullable(),
  ok: z.literal(false),
  error: protocolErrorSchema,
});

export const responseSchema = z.discriminatedUnion('ok', [successResponseSchema, errorResponseSchema]);

export type SuccessResponse<T extends RequestType = RequestType> = {
  v: number;
  id: string;
  ok: true;
  type: T;
  result: ResultOf<T>;
};
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type Response = SuccessResponse | ErrorResponse;

// ── relay preamble (native host → bridge, never seen by the extension) ─────────────────────

/**
 * The first frame the native host sends on a new bridge connection: the caller's origin exactly as
 * the browser passed it on the host's command line (`chrome-extension://<id>/`, or the Firefox
 * add-on id). The bridge approves, refuses and rate-limits by this origin.
 */
export const relayHelloSchema = z.object({
  v: z.number().int().positive(),
  type: z.literal('relayHello'),
  origin: z.string().min(1).max(200),
  hostVersion: z.string().max(40).optional(),
});

export type RelayHello = z.infer<typeof relayHelloSchema>;

export { paramsSchemas };
