// Bundles the CLI into one ESM file (fast start: no TS, no module resolution at run time).
// @napi-rs/keyring stays external: it loads a native binary for the platform.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const outfile = new URL('./dist/signet.mjs', import.meta.url).pathname;
await build({
  entryPoints: [new URL('./src/index.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  external: ['@napi-rs/keyring'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __signetCreateRequire } from 'node:module'; const require = __signetCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
