// Builds the Electron main process (ESM) and the preload (one CommonJS file: sandboxed preloads
// cannot load modules) with esbuild, and the icons from assets/icon.svg. The renderer is built by
// Vite, the native host separately.
import { build } from 'esbuild';
import { makeIcons } from './src/icons/make-icons.mjs';

const out = (f) => new URL(`./dist/${f}`, import.meta.url).pathname;
await build({
  entryPoints: [new URL('./src/main/index.ts', import.meta.url).pathname],
  outfile: out('main.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  external: ['electron', '@napi-rs/keyring'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
await build({
  entryPoints: [new URL('./src/preload/index.ts', import.meta.url).pathname],
  outfile: out('preload.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
});

// App, tray and menu-bar icons from the one SVG (the tray was an empty image before).
makeIcons(new URL('./assets/icon.svg', import.meta.url).pathname, out('icons'));
