import { createHash } from 'node:crypto';
import { DEV_CHROMIUM_EXTENSION_ID } from '@signet/protocol';
import { describe, expect, it } from 'vitest';
import { buildManifest, DEV_PUBLIC_KEY } from './build-manifest.js';

describe('buildManifest', () => {
  it('pins the development id: sha256 of the public key, first 32 hex mapped to a-p', () => {
    const hex = createHash('sha256').update(Buffer.from(DEV_PUBLIC_KEY, 'base64')).digest('hex').slice(0, 32);
    const id = [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
    expect(id).toBe(DEV_CHROMIUM_EXTENSION_ID);
  });

  it('commits only a public key', () => {
    const der = Buffer.from(DEV_PUBLIC_KEY, 'base64');
    expect(der.byteLength).toBeLessThan(600); // an RSA-2048 SPKI is 294 bytes; a private key is ~1.2 KB
    expect(JSON.stringify(buildManifest('chromium', '1.0.0', { dev: true }))).not.toMatch(/PRIVATE/);
  });

  it('differs per browser only where the browsers differ', () => {
    const chromium = buildManifest('chromium', '1.2.3', { dev: true });
    const firefox = buildManifest('firefox', '1.2.3');
    expect(chromium).toMatchObject({
      manifest_version: 3,
      version: '1.2.3',
      background: { service_worker: 'background.js' },
      key: DEV_PUBLIC_KEY,
    });
    expect(chromium.permissions).toContain('offscreen');
    expect(firefox).toMatchObject({
      background: { scripts: ['background.js'] },
      browser_specific_settings: { gecko: { id: 'signet@signet.app' } },
    });
    expect(firefox).not.toHaveProperty('key');
    expect(firefox.permissions).not.toContain('offscreen');
    for (const m of [chromium, firefox])
      expect(m.permissions).toEqual(expect.arrayContaining(['contextMenus', 'nativeMessaging', 'storage']));
  });

  it('release builds carry no key: the pinned development id is for development builds only', () => {
    expect(buildManifest('chromium', '1.2.3')).not.toHaveProperty('key');
    expect(buildManifest('chromium', '1.2.3', { dev: false })).not.toHaveProperty('key');
    expect(buildManifest('firefox', '1.2.3', { dev: true })).not.toHaveProperty('key');
  });
});
