// What the popup shows: whether Signet answers and accepts this extension, the profiles links
// come from, and the last links from the desktop history (with their URLs, for copying).
import { PROTOCOL_VERSION, type ProtocolError } from '@signet/protocol';
import type { ConnectionState, PopupState } from '../shared/popup-messages.js';
import { describeDuration, describeError } from './describe-outcome.js';
import type { NativeClient } from './native-client.js';

export async function loadPopupState(client: NativeClient, now: Date = new Date()): Promise<PopupState> {
  const hello = await client.request(
    'hello',
    { versions: [PROTOCOL_VERSION], extensionVersion: chrome.runtime.getManifest().version },
    5000,
  );
  if (!hello.ok)
    return {
      connection: { state: stateFor(hello.error), message: describeError(hello.error) },
      links: [],
      profiles: [],
    };
  const { origin, approval, app } = hello.result;
  if (approval !== 'approved') {
    return {
      connection: {
        state: 'not-approved',
        origin,
        app: app.name,
        message: `Waiting for approval. Approve this extension in Signet (Settings → Browser integration), or run \`signet bridge approve ${origin}\`.`,
      },
      links: [],
      profiles: [],
    };
  }
  const [status, recent] = await Promise.all([
    client.request('status', {}, 5000),
    client.request('recentLinks', { limit: 10 }, 5000),
  ]);
  const profiles = status.ok ? status.result.profiles.map((p) => (p.isDefault ? `${p.name} (default)` : p.name)) : [];
  const links = recent.ok
    ? recent.result.links.map((l) => ({
        id: l.id,
        bucket: l.bucket,
        key: l.key,
        effectiveExpiresAt: l.effectiveExpiresAt,
        label: l.revokedAt
          ? 'revoked'
          : Date.parse(l.effectiveExpiresAt) > now.getTime()
            ? `${describeDuration(Date.parse(l.effectiveExpiresAt) - now.getTime())} left`
            : 'expired',
        ...(l.url ? { url: l.url } : {}),
      }))
    : [];
  return {
    connection: { state: 'connected', origin, app: `${app.name} ${app.version}`, message: `Connected to ${app.name}.` },
    links,
    profiles,
  };
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
