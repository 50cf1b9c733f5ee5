// What a release build ships: the menu-click hook the e2e tests drive (Playwright and BiDi cannot
// click native context menus) must not be reachable in the builds users install. Built for real
// with esbuild into a temporary directory; the control build with test hooks must have it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../scripts/build.js';

const dirs: string[] = [];
async function background(target: 'chromium' | 'firefox', testHooks: boolean): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), `signet-ext-${target}-`));
  dirs.push(outDir);
  await buildExtension(target, '0.1.0', { testHooks, outDir });
  return readFile(join(outDir, 'background.js'), 'utf8');
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const HOOKS = ['handleMenuClick:', 'signetClient:', 'signetMenus:'];

describe('release build', () => {
  for (const target of ['chromium', 'firefox'] as const) {
    it(`${target}: exposes no test hook on the background's global object`, async () => {
      const js = await background(target, false);
      for (const hook of HOOKS) expect(js, hook).not.toContain(hook);
      expect(js).not.toContain('Object.assign(globalThis');
    });
  }

  it('control: a build with test hooks has them', async () => {
    const js = await background('chromium', true);
    for (const hook of HOOKS) expect(js, hook).toContain(hook);
  });
});
