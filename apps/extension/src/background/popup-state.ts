// What the popup shows: whether Signet answers and accepts this extension (with the approval
// command to copy), the profiles links come from, the last links from the desktop history (file,
// bucket, profile, when made, time left) and the full story of the last click. Asking `status`
// also brings the profiles' page patterns: the page menu follows the profiles (menus.ts).
import { formatTimeLeft } from '@signet/core/browser';
import { PROTOCOL_VERSION, type ProtocolError } from '@signet/protocol';
import { ext } from '../shared/browser-api.js';
import type { ConnectionState, LastOutcome, PopupLink, PopupState } from '../shared/popup-messages.js';
import { describeError, formatTime } from './describe-outcome.js';
import type { NativeClient } from './native-client.js';
import { LAST_OUTCOME_KEY } from './show-outcome.js';

export interface PopupStateDeps {
  client: NativeClient;
  /** Called with the profiles' page patterns from every `status` reply. */
  onPagePatterns?: (patterns: string[]) => void;
  now?: Date;
}

export async function loadPopupState({
  client,
  onPagePatterns,
  now = new Date(),
}: PopupStateDeps): Promise<PopupState> {
  const last = await lastOutcome();
  const base = { links: [], profiles: [], ...(last ? { last } : {}) };
  const hello = await client.request(
    'hello',
    { versions: [PROTOCOL_VERSION], extensionVersion: ext.runtime.getManifest().version },
    5000,
  );
  if (!hello.ok)
    return { ...base, connection: { state: stateFor(hello.error), message: describeError(hello.error).details } };
  const { origin, approval, app } = hello.result;
  if (approval !== 'approved') {
    return {
      ...base,
      connection: {
        state: 'not-approved',
        origin,
        app: app.name,
        message: 'Waiting for approval. In Signet, open Settings → Browser integration and approve this extension.',
        approveCommand: `signet bridge approve ${origin}`,
      },
    };
  }
  const [status, recent] = await Promise.all([
    client.request('status', {}, 5000),
    client.request('recentLinks', { limit: 10 }, 5000),
  ]);
  if (status.ok) onPagePatterns?.(status.result.pagePatterns ?? []);
  const names = new Map(status.ok ? status.result.profiles.map((p) => [p.id, p.name]) : []);
  const profiles = status.ok ? status.result.profiles.map((p) => (p.isDefault ? `${p.name} (default)` : p.name)) : [];
  const links: PopupLink[] = recent.ok
    ? recent.result.links.map((l) => {
        const profile = l.profileId ? (names.get(l.profileId) ?? l.profileId) : undefined;
        return {
          id: l.id,
          name: l.key.split('/').pop() || l.key,
          bucket: l.bucket,
          key: l.key,
          ...(profile ? { profile } : {}),
          made: `made ${formatTime(new Date(l.createdAt), now)}`,
          label: formatTimeLeft(l.effectiveExpiresAt, now, l.revokedAt),
          effectiveExpiresAt: l.effectiveExpiresAt,
          ...(l.url ? { url: l.url } : {}),
        };
      })
    : [];
  const linksError = recent.ok ? undefined : describeLinksError(recent.error);
  // "Not approved" or "Signet is not running" from an earlier click is over now: not news.
  const { last: _stale, ...fresh } = base;
  const current = last && CONNECTION_CODES.has(last.code ?? '') ? fresh : base;
  return {
    ...current,
    connection: { state: 'connected', origin, app: `${app.name} ${app.version}`, message: `Connected to ${app.name}.` },
    links,
    profiles,
    ...(linksError ? { linksError } : {}),
  };
}

/**
 * Why the recent links are missing: an empty list would read as "no links yet". A rate limit is
 * passing (the popup asks again); anything else is quoted.
 */
function describeLinksError(error: ProtocolError): NonNullable<PopupState['linksError']> {
  if (error.code === 'RATE_LIMITED') {
    return {
      message: 'Signet is busy with other requests from this browser. Asking again in a moment…',
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  return { message: `Recent links could not be loaded: ${error.message}` };
}

/** Outcomes about the connection itself, which a working connection makes stale. */
const CONNECTION_CODES = new Set([
  'NOT_APPROVED',
  'APP_NOT_RUNNING',
  'HOST_NOT_INSTALLED',
  'HOST_DISCONNECTED',
  'TIMEOUT',
]);

async function lastOutcome(): Promise<LastOutcome | undefined> {
  const stored = (await ext.storage.session?.get(LAST_OUTCOME_KEY).catch(() => undefined))?.[LAST_OUTCOME_KEY] as
    LastOutcome | undefined;
  return stored && typeof stored.details === 'string' ? stored : undefined;
}

function stateFor(error: ProtocolError): ConnectionState {
  switch (error.code) {
    case 'APP_NOT_RUNNING':
      return 'not-running';
    case 'HOST_NOT_INSTALLED':
      return 'not-installed';
    case 'NOT_APPROVED':
      return 'not-approved';
    default:
      return 'error';
  }
}
