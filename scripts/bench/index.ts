// `pnpm bench`: runs every scripts/bench/*.bench.ts module (each exports `run()`), or only
// those whose file name contains one of the arguments: `pnpm bench s3 cloudfront`.
// Each module prints its rows as ratios against a baseline measured in the same run.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(
    `No benchmark matches ${filters.join(', ')}. Available: ${readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .join(', ')}`,
  );
  process.exit(2);
}
let missed = 0;
for (const f of files) {
  const mod = (await import(pathToFileURL(`${dir}/${f}`).href)) as { run: () => Promise<{ missed: number } | void> };
  const res = await mod.run();
  if (res && res.missed) missed += res.missed;
}
console.log(`\n${missed === 0 ? 'All benchmark goals met.' : `${missed} benchmark goal(s) missed (see MISS rows).`}`);
