import { describe, expect, it } from 'vitest';
import { extensionOriginSchema, originFromHostArgs } from './origin.js';

describe('extension origins', () => {
  it('accepts Chromium origins and Firefox add-on ids only', () => {
    expect(extensionOriginSchema.safeParse('chrome-extension://abcdefghijklmnopabcdefghijklmnop/').success).toBe(true);
    expect(extensionOriginSchema.safeParse('signet@signet.app').success).toBe(true);
    expect(extensionOriginSchema.safeParse('{12345678-1234-1234-1234-123456789abc}').success).toBe(true);
    for (const bad of [
      'chrome-extension://*/',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnoz/',
      'https://evil.example/',
      '',
    ]) {
      expect(extensionOriginSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('finds the origin in Chromium and Firefox host argv', () => {
    expect(originFromHostArgs(['chrome-extension://abcdefghijklmnopabcdefghijklmnop/', '--parent-window=0'])).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
    );
    expect(
      originFromHostArgs(['/home/ana/.mozilla/native-messaging-hosts/app.signet.bridge.json', 'signet@signet.app']),
    ).toBe('signet@signet.app');
    expect(originFromHostArgs([])).toBeUndefined();
  });
});
