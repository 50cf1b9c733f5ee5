import { escapeForTerminal, isSignetError } from '@signet/core';
import { UsageError } from './usage-error.js';

/**
 * The line a user sees for an error: its message only (codes and stacks with SIGNET_DEBUG=1).
 * Messages quote file names, keys and refs other people chose: escapes in them are shown as text.
 */
export function describeError(err: unknown): string {
  return escapeForTerminal(messageOf(err), { keepNewlines: true });
}

function messageOf(err: unknown): string {
  if (err instanceof UsageError || isSignetError(err)) return err.message;
  if (err instanceof Error && 'code' in err && typeof (err as { code: unknown }).code === 'string' && err.message)
    return err.message;
  if (err instanceof Error && err.message) return err.message;
  return String(err);
}

/** Debug detail for SIGNET_DEBUG=1: code and stack (messages never contain secrets). */
export function debugDetail(err: unknown): string | undefined {
  if (process.env.SIGNET_DEBUG !== '1') return undefined;
  const code = (err as { code?: string }).code;
  return `${code ? `[${code}] ` : ''}${err instanceof Error ? (err.stack ?? '') : ''}`;
}
