// The layer rules must fire. A lint rule that guards a boundary can go silent without anyone
// noticing (it did once: without an import resolver, import-x could not map `./x.js` to `./x.ts`
// and passed every relative import). Each forbidden direction of architecture.md's "who may
// import whom" gets a fixture here that must be an error, linted with the repo's real config at a
// path inside the layer it tests, next to allowed imports that must stay clean.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// The fixtures are virtual files in no tsconfig: lint them without type information (the layer
// rules need none) and without the type-aware rules that would demand it.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { project: null, projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

interface Fixture {
  /** A file (need not exist) inside the layer under test. */
  file: string;
  /** The import it makes. */
  source: string;
}

async function ruleIdsFor({ file, source }: Fixture): Promise<string[]> {
  const code = `import * as forbidden from '${source}';\nexport const used = forbidden;\n`;
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const PATHS = 'import-x/no-restricted-paths';
const IMPORTS = 'no-restricted-imports';

// [layer file, forbidden import, the rule that must catch it]
const forbidden: [string, string, string][] = [
  // core is the bottom layer
  ['packages/core/src/refs/fixture.ts', '../../../sharing/src/index.js', PATHS],
  ['packages/core/src/refs/fixture.ts', '../../../protocol/src/index.js', PATHS],
  ['packages/core/src/refs/fixture.ts', '../../../../apps/cli/src/program.js', PATHS],
  ['packages/core/src/refs/fixture.ts', '@signet/sharing', PATHS],
  ['packages/core/src/refs/fixture.ts', 'node:fs', IMPORTS],
  ['packages/core/src/refs/fixture.ts', 'node:net', IMPORTS],
  // core/src/browser runs in browsers
  ['packages/core/src/browser/fixture.ts', '../s3/create-s3-presigner.js', PATHS],
  ['packages/core/src/browser/fixture.ts', '@aws-sdk/s3-request-presigner', IMPORTS],
  ['packages/core/src/browser/fixture.ts', 'node:crypto', IMPORTS],
  // protocol: its schema library only
  ['packages/protocol/src/fixture.ts', '../../core/src/index.js', PATHS],
  ['packages/protocol/src/fixture.ts', '../../sharing/src/index.js', PATHS],
  ['packages/protocol/src/fixture.ts', 'node:path', IMPORTS],
  // sharing must not import apps
  ['packages/sharing/src/share/fixture.ts', '../../../../apps/cli/src/program.js', PATHS],
  ['packages/sharing/src/share/fixture.ts', '../../../../apps/desktop/src/main/index.js', PATHS],
  ['packages/sharing/src/share/fixture.ts', 'electron', IMPORTS],
  // the renderer talks to main only through DesktopApi
  ['apps/desktop/src/renderer/fixture.ts', '../main/create-desktop-handlers.js', PATHS],
  ['apps/desktop/src/renderer/fixture.ts', '../preload/index.js', PATHS],
  ['apps/desktop/src/renderer/fixture.ts', '../native-host/relay.js', PATHS],
  ['apps/desktop/src/renderer/fixture.ts', '../../../../packages/sharing/src/index.js', PATHS],
  ['apps/desktop/src/renderer/fixture.ts', '@signet/core', PATHS],
  ['apps/desktop/src/renderer/fixture.ts', '@signet/sharing', IMPORTS],
  ['apps/desktop/src/renderer/fixture.ts', 'electron', IMPORTS],
  ['apps/desktop/src/renderer/fixture.ts', 'node:fs', IMPORTS],
  // the preload exposes DesktopApi and nothing else
  ['apps/desktop/src/preload/fixture.ts', '../main/create-desktop-handlers.js', PATHS],
  ['apps/desktop/src/preload/fixture.ts', '../renderer/api.js', PATHS],
  ['apps/desktop/src/preload/fixture.ts', '@signet/sharing', PATHS],
  // the native host is a relay
  ['apps/desktop/src/native-host/fixture.ts', '../main/create-desktop-handlers.js', PATHS],
  ['apps/desktop/src/native-host/fixture.ts', '../../../../packages/sharing/src/index.js', PATHS],
  ['apps/desktop/src/native-host/fixture.ts', '@signet/core', PATHS],
  ['apps/desktop/src/native-host/fixture.ts', 'electron', IMPORTS],
  // src/shared is types only
  ['apps/desktop/src/shared/fixture.ts', '../main/create-desktop-handlers.js', PATHS],
  ['apps/desktop/src/shared/fixture.ts', '../renderer/api.js', PATHS],
  ['apps/desktop/src/shared/fixture.ts', '@signet/sharing', PATHS],
  // the extension never holds a key
  ['apps/extension/src/background/fixture.ts', '../../../../packages/sharing/src/index.js', PATHS],
  ['apps/extension/src/background/fixture.ts', '../../../../packages/core/src/index.js', PATHS],
  ['apps/extension/src/background/fixture.ts', '../../../desktop/src/main/index.js', PATHS],
  ['apps/extension/src/background/fixture.ts', '../../../cli/src/program.js', PATHS],
  ['apps/extension/src/background/fixture.ts', '@signet/sharing', PATHS],
  ['apps/extension/src/background/fixture.ts', '@signet/core', PATHS],
  ['apps/extension/src/background/fixture.ts', 'node:fs', IMPORTS],
  // the CLI uses sharing and core
  ['apps/cli/src/lib/fixture.ts', '../../../desktop/src/main/index.js', PATHS],
  ['apps/cli/src/lib/fixture.ts', '../../../extension/src/background/index.js', PATHS],
  ['apps/cli/src/lib/fixture.ts', 'electron', IMPORTS],
];

// Allowed directions must stay clean (else the fixtures above would pass for the wrong reason).
const allowed: [string, string][] = [
  ['packages/sharing/src/share/fixture.ts', '@signet/core'],
  ['apps/cli/src/lib/fixture.ts', '@signet/sharing'],
  ['apps/desktop/src/main/fixture.ts', '@signet/sharing'],
  ['apps/desktop/src/renderer/fixture.ts', '../shared/index.js'],
  ['apps/extension/src/background/fixture.ts', '@signet/protocol'],
  ['apps/desktop/src/native-host/fixture.ts', '@signet/protocol'],
  ['apps/extension/e2e/fixture.ts', '@signet/sharing'],
  ['apps/desktop/src/renderer/fixture.ts', '@signet/core/browser'],
  ['apps/extension/src/background/fixture.ts', '@signet/core/browser'],
];

describe('layer rules (eslint.config.js) fire on every forbidden direction', () => {
  it.each(forbidden)('%s importing %s is a %s error', async (file, source, rule) => {
    expect(await ruleIdsFor({ file, source })).toContain(rule);
  });

  it.each(allowed)('%s may import %s', async (file, source) => {
    expect(await ruleIdsFor({ file, source })).toEqual([]);
  });
});
