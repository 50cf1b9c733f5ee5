// One long-lived native-messaging port to the Signet host, shared by every request while the
// background lives. Replies are matched to requests by id; each request has its own timeout; when
// the port drops (host killed, Signet gone, browser hiccup) every request in flight fails with a
// plain error and the next request opens a new port.
import {
  buildRequest,
  DEFAULT_TIMEOUT_MS,
  NATIVE_HOST_NAME,
  parseResponse,
  peekResponseId,
  type ParamsOf,
  type ProtocolError,
  type RequestType,
  type ResultOf,
} from '@signet/protocol';
import { ext } from '../shared/browser-api.js';

export type Outcome<T extends RequestType> = { ok: true; result: ResultOf<T> } | { ok: false; error: ProtocolError };

interface Pending {
  type: RequestType;
  resolve: (outcome: Outcome<RequestType>) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class NativeClient {
  private port: chrome.runtime.Port | undefined;
  private readonly pending = new Map<string, Pending>();
  private counter = 0;

  constructor(private readonly hostName: string = NATIVE_HOST_NAME) {}

  /** Whether a port is open right now (for the popup). */
  get connected(): boolean {
    return this.port !== undefined;
  }

  request<T extends RequestType>(
    type: T,
    params: ParamsOf<T>,
    timeoutMs: number = DEFAULT_TIMEOUT_MS,
  ): Promise<Outcome<T>> {
    const id = `${Date.now().toString(36)}-${(++this.counter).toString(36)}`;
    return new Promise<Outcome<T>>((resolve) => {
      let port: chrome.runtime.Port;
      try {
        port = this.open();
      } catch (err) {
        resolve({ ok: false, error: hostError(err instanceof Error ? err.message : String(err)) });
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({
          ok: false,
          error: {
            code: 'TIMEOUT',
            message: `Signet did not answer within ${Math.round(timeoutMs / 1000)} s. Try again.`,
          },
        });
      }, timeoutMs);
      this.pending.set(id, { type, resolve: resolve as (o: Outcome<RequestType>) => void, timer });
      try {
        port.postMessage(buildRequest(type, id, params, timeoutMs));
      } catch (err) {
        this.settle(id, { ok: false, error: hostError(err instanceof Error ? err.message : String(err)) });
      }
    });
  }

  /** Closes the port (tests, shutdown). Requests in flight fail with HOST_DISCONNECTED. */
  disconnect(): void {
    const port = this.port;
    this.port = undefined;
    port?.disconnect();
    this.failAll(hostError(undefined));
  }

  private open(): chrome.runtime.Port {
    if (this.port) return this.port;
    const port = ext.runtime.connectNative(this.hostName);
    port.onMessage.addListener((message: unknown) => this.onMessage(message));
    port.onDisconnect.addListener(() => {
      // Reading lastError marks it handled (Chromium logs unchecked ones).
      const reason = ext.runtime.lastError?.message ?? (port as { error?: { message?: string } }).error?.message;
      if (this.port === port) this.port = undefined;
      this.failAll(hostError(reason));
    });
    this.port = port;
    return port;
  }

  private onMessage(message: unknown): void {
    const id = peekResponseId(message);
    const entry = id ? this.pending.get(id) : undefined;
    if (!id || !entry) return; // a reply to a request that already timed out, or an id-less error
    const parsed = parseResponse(message, entry.type);
    this.settle(id, parsed.ok ? { ok: true, result: parsed.result } : { ok: false, error: parsed.error });
  }

  private settle(id: string, outcome: Outcome<RequestType>): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(outcome);
  }

  private failAll(error: ProtocolError): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { ok: false, error });
  }
}

/** Turns a port failure into the protocol error the user should see. */
function hostError(reason: string | undefined): ProtocolError {
  if (reason && /not found|not installed|no such native application|forbidden/i.test(reason)) {
    return {
      code: 'HOST_NOT_INSTALLED',
      message:
        'The Signet connector is not installed for this browser. In Signet open Settings → Browser integration, or run `signet native-host install`.',
    };
  }
  return {
    code: 'HOST_DISCONNECTED',
    message: 'The connection to Signet was lost. Try again; if it keeps failing, restart Signet or `signet serve`.',
  };
}
