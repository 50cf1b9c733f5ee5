import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGNET_VERSION } from './version.js';

const root = join(import.meta.dirname, '../../..');
const manifests = [
  'packages/core',
  'packages/protocol',
  'packages/sharing',
  'apps/cli',
  'apps/desktop',
  'apps/extension',
].map((dir) => join(dir, 'package.json'));

describe('SIGNET_VERSION', () => {
  // The desktop (app.getVersion, electron-builder) and the extension build read their package.json;
  // the CLI, the bridge and the native host say SIGNET_VERSION: they must be the same release.
  it.each(manifests)('%s carries the same version', (file) => {
    const { version } = JSON.parse(readFileSync(join(root, file), 'utf8')) as { version?: string };
    expect(version).toBe(SIGNET_VERSION);
  });
});
