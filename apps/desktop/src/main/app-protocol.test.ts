// The custom scheme's file server, on real files: only the renderer folder is reachable.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, RENDERER_URL, resolveAppAsset, serveAppAsset } from './app-protocol.js';

const base = mkdtempSync(join(tmpdir(), 'signet-proto-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Signet</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'not for the renderer');
writeFileSync(join(base, 'renderer-evil.js'), 'alert(1)');

describe('signet-app:// serves the renderer folder and nothing else', () => {
  it('serves index.html and assets with their type and the CSP', async () => {
    const r = await serveAppAsset(RENDERER_URL, root);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('content-security-policy')).toBe(CSP);
    expect(await r.text()).toContain('<title>Signet</title>');
    const js = await serveAppAsset('signet-app://renderer/assets/app.js', root);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([
    'signet-app://renderer/../secret.txt',
    'signet-app://renderer/%2e%2e/secret.txt',
    'signet-app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'signet-app://renderer/..%5csecret.txt',
    'signet-app://renderer/%00index.html',
    'signet-app://renderer/../renderer-evil.js',
    'signet-app://other/index.html',
    'file:///etc/passwd',
    'signet-app://renderer/%E0%A4%A',
  ])('refuses %s', async (url) => {
    const r = await serveAppAsset(url, root);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('not for the renderer');
  });

  it('maps / to index.html and stays inside the root', () => {
    expect(resolveAppAsset('signet-app://renderer/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset('signet-app://renderer/assets/app.js?x=1#y', root)).toBe(join(root, 'assets', 'app.js'));
  });
});
