// Constructors for the messages, so senders never hand-assemble envelopes.
import type { ProtocolError } from './error-codes.js';
import type { ErrorResponse, ParamsOf, RelayHello, RequestType, ResultOf, SuccessResponse } from './messages.js';
import { PROTOCOL_VERSION } from './version.js';

export interface OutgoingRequest<T extends RequestType = RequestType> {
  v: number;
  id: string;
  type: T;
  timeoutMs?: number;
  params: ParamsOf<T>;
}

export function buildRequest<T extends RequestType>(
  type: T,
  id: string,
  params: ParamsOf<T>,
  timeoutMs?: number,
): OutgoingRequest<T> {
  return timeoutMs === undefined
    ? { v: PROTOCOL_VERSION, id, type, params }
    : { v: PROTOCOL_VERSION, id, type, timeoutMs, params };
}

export function buildSuccess<T extends RequestType>(type: T, id: string, result: ResultOf<T>): SuccessResponse<T> {
  return { v: PROTOCOL_VERSION, id, ok: true, type, result };
}

export function buildError(id: string | null, error: ProtocolError): ErrorResponse {
  return { v: PROTOCOL_VERSION, id, ok: false, error };
}

export function buildRelayHello(origin: string, hostVersion?: string): RelayHello {
  return hostVersion === undefined
    ? { v: PROTOCOL_VERSION, type: 'relayHello', origin }
    : { v: PROTOCOL_VERSION, type: 'relayHello', origin, hostVersion };
}

/** The APP_NOT_RUNNING reply the native host gives when no Signet is listening. */
export function buildAppNotRunning(id: string | null): ErrorResponse {
  return buildError(id, {
    code: 'APP_NOT_RUNNING',
    message: 'Signet is not running. Open Signet, or run `signet serve`.',
  });
}
