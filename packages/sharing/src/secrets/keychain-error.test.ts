// The library's failure texts as the keychain recipe measured them (recipes/keychain.md),
// mapped to what the user must do. The real failures run in secret-store.integ.test.ts.
import { describe, expect, it } from 'vitest';
import { classifyKeychainFailure, toKeychainError } from './keychain-error.js';

describe('toKeychainError', () => {
  it.each([
    [
      'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time',
      'no-session-bus',
      'KEYCHAIN_UNAVAILABLE',
      /no D-Bus session/,
    ],
    [
      'DBus error: The name org.freedesktop.secrets was not provided by any .service files',
      'no-provider',
      'KEYCHAIN_UNAVAILABLE',
      /no Secret Service is installed/,
    ],
    [
      'Secret Service: unlock prompt was dismissed',
      'locked',
      'KEYCHAIN_LOCKED',
      /locked: unlock it in your desktop's password manager/,
    ],
    ['Did not receive a reply', 'not-responding', 'KEYCHAIN_UNAVAILABLE', /did not answer/],
    ['weird failure with value hunter2', 'other', 'KEYCHAIN_UNAVAILABLE', /refused the request/],
  ])('%s → %s', (text, kind, code, message) => {
    expect(classifyKeychainFailure(new Error(text))).toBe(kind);
    const e = toKeychainError(new Error(text), 'linux');
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/then try again|never falls back to a plain file/);
    // the library's text (which could echo a value) is not passed on, not even as the cause
    expect(e.message).not.toContain(text);
    expect(String((e.cause as Error).message)).not.toContain('hunter2');
  });

  it('advice follows the platform', () => {
    expect(toKeychainError(new Error('IsLocked'), 'darwin').message).toMatch(/Keychain Access/);
  });
});
