// Turns @napi-rs/keyring failures into SharingErrors that say what to do. The library's own
// text is only matched against known phrases, never passed on: it could echo a stored value.
import { SharingError } from '../errors.js';

/** What went wrong with the keychain, from the library's message (see recipes/keychain.md). */
export type KeychainFailure = 'locked' | 'no-session-bus' | 'no-provider' | 'not-responding' | 'other';

export function classifyKeychainFailure(cause: unknown): KeychainFailure {
  const text = cause instanceof Error ? cause.message : String(cause);
  if (/prompt was dismissed|IsLocked|is locked|\blocked\b/i.test(text)) return 'locked';
  if (/Did not receive a reply|timed? ?out|NoReply/i.test(text)) return 'not-responding';
  if (/org\.freedesktop\.secrets was not provided|ServiceUnknown|No such (interface|object)/i.test(text))
    return 'no-provider';
  if (
    /autolaunch|DBUS_SESSION_BUS_ADDRESS|Platform failure|D-?Bus|Failed to connect to socket|No such file/i.test(text)
  )
    return 'no-session-bus';
  return 'other';
}

const HOW_TO_UNLOCK: Record<string, string> = {
  darwin: 'unlock the "login" keychain in Keychain Access',
  win32: 'sign in to Windows again so Credential Manager is available',
};

/** A SharingError for a keyring failure. `platform` only changes the advice. */
export function toKeychainError(cause: unknown, platform: NodeJS.Platform = process.platform): SharingError {
  const kind = classifyKeychainFailure(cause);
  // Keep a cause for logs, but only our own words: the library message could quote a secret.
  const safeCause = new Error(`keyring failure: ${kind}`);
  if (kind === 'locked') {
    const how =
      HOW_TO_UNLOCK[platform] ??
      "unlock it in your desktop's password manager (Passwords and Keys / Seahorse, or KeePassXC)";
    return new SharingError('KEYCHAIN_LOCKED', `Your keychain is locked: ${how}, then try again.`, {
      cause: safeCause,
      details: { failure: kind },
    });
  }
  const why: Record<Exclude<KeychainFailure, 'locked'>, string> = {
    'no-session-bus':
      'there is no D-Bus session to reach it (started outside a desktop session, e.g. over SSH or from cron?). Run Signet inside your desktop session, or start one with dbus-run-session',
    'no-provider':
      'no Secret Service is installed or running. Install and start one (gnome-keyring or KeePassXC with Secret Service integration)',
    'not-responding':
      'the Secret Service did not answer. Restart it (e.g. gnome-keyring-daemon --replace, or log out and in), then try again',
    other:
      'it refused the request. Check that your keychain works (e.g. in Passwords and Keys / Seahorse), then try again',
  };
  return new SharingError(
    'KEYCHAIN_UNAVAILABLE',
    `The OS keychain is not available, so Signet cannot read or store secrets: ${why[kind]}. Signet never falls back to a plain file.`,
    { cause: safeCause, details: { failure: kind } },
  );
}
