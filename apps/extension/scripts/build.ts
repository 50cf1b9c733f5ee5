// Builds the extension for both browser families from one source:
//   dist/chromium  (service worker + offscreen clipboard document; the pinned dev id only with
//                   SIGNET_EXTENSION_DEV=1 or --dev: release builds carry no key, the store's id)
//   (the menu-click hook the e2e tests drive only with testHooks / SIGNET_EXTENSION_TEST_HOOKS=1:
//    release builds expose nothing on the background's global object)
//   dist/firefox   (event page; `web-ext lint --source-dir dist/firefox` checks it)
// Run: pnpm --filter @signet/extension build
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { buildManifest, type ExtensionTarget } from '../src/manifest/build-manifest.js';
import { renderIcon } from './render-icon.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/**
 * zod probes `new Function` to decide whether it may JIT-compile validators. Extension pages
 * forbid eval by CSP and store linters flag any Function constructor, so the bundle gets zod with
 * that probe answering "no" (we also call z.config({ jitless: true }) at start-up).
 */
const noEvalInZod: Plugin = {
  name: 'no-eval-in-zod',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/].*[\\/]core[\\/](util|doc)\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      return {
        contents: text.replace(/new Function\(/g, '(() => { throw new Error("eval is disabled in the extension"); })('),
        loader: 'js',
      };
    });
  },
};

export async function buildExtension(
  target: ExtensionTarget,
  version: string,
  {
    dev = process.env.SIGNET_EXTENSION_DEV === '1' || process.argv.includes('--dev'),
    testHooks = process.env.SIGNET_EXTENSION_TEST_HOOKS === '1',
    outDir,
  }: { dev?: boolean; testHooks?: boolean; outDir?: string } = {},
): Promise<string> {
  const out = outDir ?? join(root, 'dist', target);
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'icons'), { recursive: true });
  const entries: Record<string, string> = {
    background: join(src, 'background', 'index.ts'),
    popup: join(src, 'popup', 'popup.ts'),
  };
  if (target === 'chromium') entries.offscreen = join(src, 'offscreen', 'offscreen.ts');
  await build({
    entryPoints: entries,
    outdir: out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: target === 'chromium' ? 'chrome116' : 'firefox128',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [noEvalInZod],
    // A constant, and syntax minification to fold it: a release build drops the hook's code
    // entirely (not just skips it). Names and whitespace stay, so the bundle remains reviewable.
    define: { SIGNET_TEST_HOOKS: JSON.stringify(testHooks) },
    minifySyntax: true,
  });
  await cp(join(src, 'popup', 'popup.html'), join(out, 'popup.html'));
  await cp(join(src, 'popup', 'popup.css'), join(out, 'popup.css'));
  if (target === 'chromium') await cp(join(src, 'offscreen', 'offscreen.html'), join(out, 'offscreen.html'));
  for (const size of [16, 32, 48, 128]) await writeFile(join(out, 'icons', `icon-${size}.png`), renderIcon(size));
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(buildManifest(target, version, { dev }), null, 2)}\n`);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  for (const target of ['chromium', 'firefox'] as const)
    console.log(`extension (${target}): ${await buildExtension(target, version)}`);
}
