import { SharingError } from '../errors.js';

/**
 * Maps keyring failures (see @napi-rs/keyring with the Secret Service store) to errors that say
 * what to do. The library's own message is never passed on: it could echo a stored value.
 */
export function toKeychainError(cause: unknown): SharingError {
  const text = cause instanceof Error ? cause.message : String(cause);
  const safeCause = new Error(`keyring: ${/locked|prompt was dismissed|IsLocked/i.test(text) ? 'locked' : /dbus|D-Bus|org\.freedesktop\.secrets|Did not receive a reply|Platform failure/i.test(text) ? 'no secret service' : 'failure'}`);
  if (/locked|prompt was dismissed|IsLocked/i.test(text)) {
    return new SharingError('KEYCHAIN_LOCKED', 'Your keychain is locked. Unlock it (Linux: your desktop\'s password manager, e.g. "Passwords and Keys"; macOS: Keychain Access), then try again.', { cause: safeCause });
  }
  return new SharingError(
    'KEYCHAIN_UNAVAILABLE',
    'The OS keychain is not available, so Signet cannot read or store secrets. Linux: make sure a Secret Service (gnome-keyring or KeePassXC) runs in your desktop session. Signet never falls back to a plain file.',
    { cause: safeCause },
  );
}
