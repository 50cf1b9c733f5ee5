import { constants } from 'node:os';

/** The signals that cancel a long command: Ctrl-C, `kill`, a closed terminal. */
const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type CancelSignal = (typeof CANCEL_SIGNALS)[number];

/** The shell's exit code for a process ended by `signal`: 128 + its number (130, 143, 129). */
export function signalExitCode(signal: CancelSignal): number {
  return 128 + constants.signals[signal];
}

export interface CancelSignals {
  /** Aborted on the first cancel signal. */
  readonly signal: AbortSignal;
  /** The first cancel signal received, if any. */
  readonly received: CancelSignal | undefined;
  /** Stops listening (a later signal gets Node's default handling again). */
  dispose(): void;
}

/**
 * Turns the first SIGINT, SIGTERM or SIGHUP into an abort, so a command can clean up (e.g.
 * abort a multipart upload) and then exit with the signal's code. A second signal of the same
 * kind ends the process the default way (the user insists).
 */
export function onCancelSignals(onFirst?: (signal: CancelSignal) => void): CancelSignals {
  const ctl = new AbortController();
  let received: CancelSignal | undefined;
  const handlers = CANCEL_SIGNALS.map((sig) => {
    const handler = () => {
      // Listening stops for this signal only: a second one uses Node's default (exit).
      process.off(sig, handler);
      if (received) return;
      received = sig;
      try {
        onFirst?.(sig);
      } catch {
        // stderr may be gone (SIGHUP: the terminal closed); cancelling matters more.
      }
      ctl.abort();
    };
    process.on(sig, handler);
    return [sig, handler] as const;
  });
  return {
    signal: ctl.signal,
    get received() {
      return received;
    },
    dispose() {
      for (const [sig, handler] of handlers) process.off(sig, handler);
    },
  };
}
