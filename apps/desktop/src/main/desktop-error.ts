import { toUserMessage } from '@signet/sharing';

/** The codes main raises itself at the IPC boundary: a typo or an unlisted code is a type error. */
export type DesktopErrorCode =
  | 'UNTRUSTED_SENDER'
  | 'BAD_REQUEST'
  | 'SHARE_RUNNING'
  /** The renderer asked for a path, link or origin the user never gave it (issue 11 item 16). */
  | 'NOT_GIVEN_BY_USER';
/** A code toUserMessage gave a sharing/core/SDK error, passed through as is (only toDesktopError makes one). */
type PassedThroughCode = string & { readonly __fromToUserMessage: true };

/** An error that crosses IPC: only a code and a message for people, never a stack or a secret. */
export class DesktopError extends Error {
  constructor(
    readonly code: DesktopErrorCode | PassedThroughCode,
    message: string,
  ) {
    super(message);
    this.name = 'DesktopError';
  }
}

export function toDesktopError(err: unknown): DesktopError {
  if (err instanceof DesktopError) return err;
  const m = toUserMessage(err);
  return new DesktopError(m.code as PassedThroughCode, m.message);
}
