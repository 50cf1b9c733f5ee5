import { toUserMessage } from '@signet/sharing';

/** An error that crosses IPC: only a code and a message for people, never a stack or a secret. */
export class DesktopError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DesktopError';
  }
}

export function toDesktopError(err: unknown): DesktopError {
  if (err instanceof DesktopError) return err;
  const m = toUserMessage(err);
  return new DesktopError(m.code, m.message);
}
