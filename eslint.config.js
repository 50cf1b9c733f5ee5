// Lint for the whole workspace, including the layer rules of the architecture
// (who may import whom). A layer violation is a lint error, not a code-review remark.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'net',
  'http',
  'https',
  'child_process',
  'crypto',
  'stream',
  'url',
  'util',
];
const io = [
  'node:fs',
  'node:fs/*',
  'node:net',
  'node:http',
  'node:https',
  'node:child_process',
  'node:dgram',
  'node:tls',
  'fs',
  'net',
  'http',
  'https',
  'child_process',
];

/** no-restricted-imports for one layer: bare package names and patterns it must not import. */
function layer(files, patterns, message, regexes = []) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: patterns, message }, ...regexes.map((regex) => ({ regex, message }))] },
      ],
    },
  };
}

/** Every TypeScript project of the repo (one per runtime, plus the tests'). */
export const TSCONFIGS = ['packages/*/tsconfig.json', 'apps/*/tsconfig*.json', 'scripts/tsconfig.json'];

// Workspace packages other than the browser-safe subset of core (and, for the extension, protocol).
const SIGNET_EXCEPT_BROWSER = '^@signet/(?!core/browser$)';
const SIGNET_EXCEPT_BROWSER_OR_PROTOCOL = '^@signet/(?!core/browser$|protocol$)';

/**
 * Who may import whom (architecture.md), as import-x/no-restricted-paths zones. Each zone has a
 * fixture in scripts/lint-rules.test.ts that must fail, so no zone can go silent.
 */
export const ZONES = [
  {
    target: './packages/core',
    from: ['./packages/sharing', './packages/protocol', './apps'],
    message: 'core is the bottom layer',
  },
  {
    target: './packages/core/src/browser',
    from: './packages/core/src',
    except: ['./browser'],
    message: 'core/src/browser runs in browsers: it may import only its own folder',
  },
  {
    target: './packages/protocol',
    from: ['./packages/core', './packages/sharing', './apps'],
    message: 'protocol depends on its schema library only',
  },
  { target: './packages/sharing', from: ['./apps'], message: 'sharing must not import apps' },
  {
    target: './apps/desktop/src/renderer',
    from: ['./apps/desktop/src/main', './apps/desktop/src/preload', './apps/desktop/src/native-host'],
    message: 'the renderer talks to main only through DesktopApi (src/shared)',
  },
  {
    target: './apps/desktop/src/renderer',
    from: './packages',
    except: ['./core/src/browser'],
    message: 'the renderer may use only the browser-safe @signet/core/browser of the packages',
  },
  {
    target: './apps/desktop/src/preload',
    from: ['./apps/desktop/src/main', './apps/desktop/src/renderer', './packages'],
    message: 'the preload exposes DesktopApi and nothing else',
  },
  {
    target: './apps/desktop/src/native-host',
    from: [
      './apps/desktop/src/main',
      './apps/desktop/src/renderer',
      './apps/desktop/src/preload',
      './packages/core',
      './packages/sharing',
    ],
    message: 'the native host is a relay: protocol only',
  },
  {
    target: './apps/desktop/src/shared',
    from: ['./apps/desktop/src/main', './apps/desktop/src/renderer', './apps/desktop/src/preload', './packages'],
    message: 'src/shared is types only',
  },
  {
    // The shipped extension (src/); its e2e tests stand up the desktop side on purpose.
    target: './apps/extension/src',
    from: ['./packages/sharing', './apps/desktop', './apps/cli'],
    message: 'the extension never holds a key: protocol only',
  },
  {
    target: './apps/extension/src',
    from: './packages/core',
    except: ['./src/browser'],
    message: 'the extension may use only the browser-safe @signet/core/browser of core',
  },
  {
    target: './apps/cli',
    from: ['./apps/desktop', './apps/extension'],
    message: 'the CLI uses sharing and core',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/out/**',
      '**/release/**',
      '**/.vite/**',
      'pnpm-lock.yaml',
      '**/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    // Without a resolver, import-x cannot map a relative `./x.js` specifier to `./x.ts`, and
    // no-restricted-paths then passes every relative import: the layer rules went silent once.
    // scripts/lint-rules.test.ts proves each zone still fires.
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          alwaysTryTypes: true,
          noWarnOnMultipleProjects: true,
          project: TSCONFIGS,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
      'no-console': 'off',
      // Imports may not cross layers (architecture.md: "Who may import whom"). With the resolver
      // above, these zones see relative specifiers and workspace package names alike (a package
      // name resolves to its source file under packages/).
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: ZONES }],
    },
  },
  // Type-aware rules: a promise nobody awaits or handles is a lost error (or a lost write).
  {
    files: ['packages/*/src/**/*.ts', 'apps/*/src/**/*.{ts,tsx}', 'apps/*/e2e/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: {
      parserOptions: { project: TSCONFIGS, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  // React's rules of hooks and effect dependencies, and the React compiler's rules, for the renderer.
  {
    files: ['apps/desktop/src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs['recommended-latest'].rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  // Package-name rules per layer: npm packages and Node built-ins, which the zones cannot see.
  layer(
    ['packages/core/src/**/*.ts'],
    ['@signet/sharing', '@signet/protocol', 'electron', '@napi-rs/*', ...io],
    'packages/core does no file or network I/O and imports signing libraries only',
  ),
  layer(
    ['packages/core/src/browser/**/*.ts'],
    ['@aws-sdk/*', '@smithy/*', ...nodeBuiltins],
    'packages/core/src/browser runs in the renderer and the extension: no Node, no AWS SDK',
  ),
  layer(
    ['packages/protocol/src/**/*.ts'],
    ['@signet/*', 'electron', ...nodeBuiltins],
    'packages/protocol imports its schema library only (it runs in the browser too)',
  ),
  layer(
    ['packages/sharing/src/**/*.ts'],
    ['electron', '@signet/desktop', '@signet/cli', '@signet/extension'],
    'packages/sharing is plain Node: no Electron, no apps',
  ),
  layer(
    ['apps/desktop/src/renderer/**/*.{ts,tsx}'],
    ['electron', ...nodeBuiltins],
    'the renderer is sandboxed: use window.signet (DesktopApi), never electron or node',
    [SIGNET_EXCEPT_BROWSER],
  ),
  layer(
    ['apps/desktop/src/preload/**/*.ts'],
    ['@signet/*', ...nodeBuiltins.filter((n) => n !== 'node:*')],
    'the preload exposes DesktopApi only',
  ),
  layer(
    ['apps/desktop/src/native-host/**/*.ts'],
    ['@signet/core', '@signet/core/*', '@signet/sharing', 'electron'],
    'the native host relays frames and holds no keys',
  ),
  layer(
    ['apps/extension/src/**/*.ts'],
    ['@signet/sharing', 'electron', ...nodeBuiltins],
    'the extension never holds a key: protocol, @signet/core/browser and browser APIs only',
    [SIGNET_EXCEPT_BROWSER_OR_PROTOCOL],
  ),
  layer(
    ['apps/cli/src/**/*.ts'],
    ['electron', '@signet/desktop', '@signet/extension'],
    'the CLI uses sharing and core',
  ),
  {
    files: ['apps/desktop/src/renderer/**/*.{ts,tsx}', 'apps/extension/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, chrome: 'readonly', browser: 'readonly' } },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/e2e/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
