// The lines of the link-history journal, and the schema every line is read back through:
// a line that does not parse as one of these is "damaged" (a crash mid-write, a manual edit).
import { z } from 'zod';
import type { LinkRecord, RevocationKind } from '../api.js';

const warningSchema = z.object({ code: z.string(), message: z.string() });
const revokedBySchema = z.enum(['object-deleted', 'marked', 'key-retired']);

/** Checks the fields list/search/renew rely on; extra fields (newer versions) are kept. */
const linkRecordSchema = z.looseObject({
  id: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  source: z.string(),
  profileId: z.string(),
  kind: z.enum(['s3', 'cloudfront']),
  method: z.enum(['GET', 'PUT']),
  bucket: z.string(),
  key: z.string(),
  options: z.looseObject({}),
  expiresAt: z.iso.datetime({ offset: true }),
  effectiveExpiresAt: z.iso.datetime({ offset: true }),
  warnings: z.array(warningSchema),
  file: z.object({ name: z.string(), size: z.number() }).optional(),
  revokedAt: z.string().optional(),
  revokedBy: revokedBySchema.optional(),
  revocation: z.string().optional(),
});

const historyEventSchema = z.discriminatedUnion('op', [
  /** A new link. `url` is absent when it carried a session token (then `urlInKeychain`). */
  z.object({
    op: z.literal('add'),
    record: linkRecordSchema,
    url: z.string().optional(),
    urlInKeychain: z.boolean().optional(),
  }),
  /** `revokedBy` is absent on lines written before it existed (see legacyRevokedBy). */
  z.object({
    op: z.literal('revoke'),
    id: z.string(),
    at: z.string(),
    revokedBy: revokedBySchema.optional(),
    revocation: z.string(),
  }),
  z.object({ op: z.literal('prune'), ids: z.array(z.string()), at: z.string() }),
  /** Something the user must hear about: damaged lines or a whole file were moved to `file`. */
  z.object({ op: z.literal('note'), at: z.string(), file: z.string(), message: z.string() }),
]);

export type HistoryEvent =
  | { op: 'add'; record: LinkRecord; url?: string; urlInKeychain?: boolean }
  | { op: 'revoke'; id: string; at: string; revokedBy?: RevocationKind; revocation: string }
  | { op: 'prune'; ids: string[]; at: string }
  | { op: 'note'; at: string; file: string; message: string };

/**
 * What revoked a link, for a journal line from before `revokedBy` was written: then the words
 * were all there was, and every deletion was worded "object deleted…". The only place the
 * words are read; new lines carry the kind.
 */
export function legacyRevokedBy(revocation: string): RevocationKind {
  return revocation.startsWith('object deleted') ? 'object-deleted' : 'marked';
}

/** Parses one journal line; null when it is damaged. */
export function parseHistoryLine(line: string): HistoryEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const r = historyEventSchema.safeParse(json);
  return r.success ? (r.data as HistoryEvent) : null;
}
