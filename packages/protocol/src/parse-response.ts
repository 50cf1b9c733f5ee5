// The extension's side of a reply: envelope, then the result schema of the request type it
// answers. A reply that does not parse becomes an INTERNAL error, never an exception.
import { formatZodIssue } from './format-zod-issue.js';
import type { ProtocolError } from './error-codes.js';
import { responseSchema, resultSchemas, type RequestType, type ResultOf } from './messages.js';

export type ParsedResponse<T extends RequestType> =
  { ok: true; id: string; result: ResultOf<T> } | { ok: false; id: string | null; error: ProtocolError };

/** Reads the id of any reply (for matching) without validating the rest. */
export function peekResponseId(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

export function parseResponse<T extends RequestType>(raw: unknown, type: T): ParsedResponse<T> {
  const envelope = responseSchema.safeParse(raw);
  if (!envelope.success) {
    return {
      ok: false,
      id: peekResponseId(raw),
      error: {
        code: 'INTERNAL',
        message: `Signet sent a reply this extension cannot read (${formatZodIssue(envelope.error)}). Update the extension and the desktop app to the same release.`,
      },
    };
  }
  const response = envelope.data;
  if (!response.ok) return { ok: false, id: response.id, error: response.error };
  if (response.type !== type) {
    return {
      ok: false,
      id: response.id,
      error: { code: 'INTERNAL', message: `Signet answered a ${type} request with a ${response.type} reply.` },
    };
  }
  const result = resultSchemas[type].safeParse(response.result);
  if (!result.success) {
    return {
      ok: false,
      id: response.id,
      error: {
        code: 'INTERNAL',
        message: `Signet sent a ${type} reply this extension cannot read (${formatZodIssue(result.error)}).`,
      },
    };
  }
  return { ok: true, id: response.id, result: result.data as ResultOf<T> };
}
