// The desktop's side of a request: header first (so a broken body still gets an answer with its
// id), then the version, then the full schema.
import { z } from 'zod';
import type { ProtocolError } from './error-codes.js';
import { formatZodIssue } from './format-zod-issue.js';
import { requestSchema, type Request } from './messages.js';
import { SUPPORTED_PROTOCOL_VERSIONS } from './version.js';

const headerSchema = z.object({ v: z.unknown(), id: z.string().min(1).max(64), type: z.unknown() });

export type ParsedRequest = { ok: true; request: Request } | { ok: false; id: string | null; error: ProtocolError };

export function parseRequest(raw: unknown, supported: readonly number[] = SUPPORTED_PROTOCOL_VERSIONS): ParsedRequest {
  const header = headerSchema.safeParse(raw);
  if (!header.success) {
    return {
      ok: false,
      id: null,
      error: { code: 'BAD_REQUEST', message: 'The request has no valid id: it must be an object with v, id and type.' },
    };
  }
  const { id, v } = header.data;
  if (typeof v !== 'number' || !supported.includes(v)) {
    return {
      ok: false,
      id,
      error: {
        code: 'VERSION_MISMATCH',
        message: `This Signet speaks protocol version ${supported.join(', ')} but the request uses ${String(v)}. Update the extension and the desktop app to the same release.`,
        supportedVersions: [...supported],
      },
    };
  }
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      id,
      error: { code: 'BAD_REQUEST', message: `Invalid request: ${formatZodIssue(parsed.error)}.` },
    };
  }
  return { ok: true, request: parsed.data };
}
