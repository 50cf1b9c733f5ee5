// Bundles the CLI as ESM split per command: dist/signet.mjs (the entry: argument parsing) and
// dist/chunks/*.mjs, loaded on demand, so `signet link s3://b/k` loads the S3 signer and not the
// keychain, the upload engine or the AWS SDK clients it does not use (no TS, no module
// resolution at run time either). @napi-rs/keyring stays external: it loads a native binary.
import { build } from 'esbuild';
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

const outdir = process.argv[2] ?? new URL('./dist', import.meta.url).pathname;
const packagesDir = new URL('../../packages/', import.meta.url).pathname;

/**
 * Signet's own packages have no import-time side effects: saying so lets esbuild drop every
 * module a command does not use (`export *` indexes would otherwise pull in all of @signet/sharing).
 */
const signetPackagesArePure = {
  name: 'signet-packages-are-pure',
  setup(b) {
    b.onResolve({ filter: /^(@signet\/|\.)/ }, async (args) => {
      if (args.pluginData?.pure || !(args.path.startsWith('@signet/') || args.importer.startsWith(packagesDir))) return;
      const r = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { pure: true },
      });
      if (r.errors.length || !r.path.startsWith(packagesDir) || r.path.includes(`${sep}node_modules${sep}`)) return r;
      return { ...r, sideEffects: false };
    });
  },
};

const result = await build({
  entryPoints: { signet: new URL('./src/index.ts', import.meta.url).pathname },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  // ESM builds first: named exports of a lazily imported AWS SDK package (e.g. the credential
  // providers) then resolve; through the CommonJS build they would be undefined in split ESM.
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  metafile: true,
  external: ['@napi-rs/keyring'],
  plugins: [signetPackagesArePure],
  banner: {
    js: "import { createRequire as __signetCreateRequire } from 'node:module'; const require = __signetCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
if (process.env.SIGNET_BUILD_META) writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile));
// Chunks of earlier builds (other sources, other hashes) are not this build's: remove them, or
// dist grows by megabytes with every rebuild. Builds of the same source (tests build in
// parallel) write the same names, so they remove nothing of each other's.
const written = new Set(Object.keys(result.metafile.outputs).map((o) => resolve(o)));
for (const name of readdirSync(join(outdir, 'chunks'))) {
  const file = resolve(outdir, 'chunks', name);
  if (!written.has(file)) rmSync(file, { force: true });
}
void dirname;
chmodSync(`${outdir}/signet.mjs`, 0o755);
