import {
  CHROME_WEB_STORE_EXTENSION_ID,
  DEV_CHROMIUM_EXTENSION_ID,
  FIREFOX_EXTENSION_ID,
  SIGNET_EXTENSIONS,
} from '@signet/protocol';
import { describe, expect, it } from 'vitest';
import { describeExtension } from './describe-extension.js';

describe('describeExtension', () => {
  it('names every Signet build and gives no warning for them', () => {
    expect(SIGNET_EXTENSIONS.map((e) => e.origin)).toEqual([
      `chrome-extension://${CHROME_WEB_STORE_EXTENSION_ID}/`,
      FIREFOX_EXTENSION_ID,
      `chrome-extension://${DEV_CHROMIUM_EXTENSION_ID}/`,
    ]);
    expect(describeExtension(`chrome-extension://${DEV_CHROMIUM_EXTENSION_ID}/`)).toEqual({
      known: { name: 'Signet (development build)', build: 'development', browser: 'chromium' },
      grouped: 'lohe ciih ofbc hbhc nnmn apoj pbaf jpic',
    });
    expect(describeExtension(FIREFOX_EXTENSION_ID).known).toMatchObject({ build: 'release' });
  });

  it('warns about a look-alike with the positions where it differs', () => {
    const lookalike = `chrome-extension://${DEV_CHROMIUM_EXTENSION_ID.slice(0, 3)}p${DEV_CHROMIUM_EXTENSION_ID.slice(4, 31)}a/`;
    const who = describeExtension(lookalike);
    expect(who.known).toBe(false);
    expect(who.warning).toMatch(/^This is NOT a Signet extension id\. It looks like Signet \(development build\)/);
    expect(who.warning).toContain('differs at positions 4, 32');
  });

  it('warns about an unrelated id and a made-up Firefox id without claiming a resemblance', () => {
    for (const o of ['chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/', 'signet@evil.example']) {
      const who = describeExtension(o);
      expect(who.known).toBe(false);
      expect(who.warning).toMatch(/NOT a Signet extension id\. Approve it only if/);
    }
  });
});
