// Two processes (desktop and CLI) editing the profiles file at the same time lose nothing:
// every write is a locked read-modify-write with an atomic replace.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProfileStore } from './profile-store.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '../../../..');

function writer(dir: string, tag: string): Promise<{ code: number | null; stderr: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'signet-profile-writer-')), 'w.mts');
  writeFileSync(
    file,
    `import { ProfileStore } from ${JSON.stringify(join(here, 'index.ts'))};
     const s = new ProfileStore(${JSON.stringify(dir)});
     for (let i = 0; i < 40; i++) { await s.save({ id: '${tag}-' + i, bucket: 'bucket-${tag}', region: 'eu-west-1' }); if (i % 10 === 9) await s.setDefault('${tag}-' + i); }`,
  );
  const p = spawn(process.execPath, ['--import', 'tsx', file], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((r) => p.on('exit', (code) => r({ code, stderr })));
}

describe('ProfileStore across processes', () => {
  it('two processes saving 40 profiles each at once: all 80 are there, the file is valid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-profiles-multi-'));
    const results = await Promise.all([writer(dir, 'desktop'), writer(dir, 'cli')]);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const { profiles, defaultId } = await new ProfileStore(dir).list();
    expect(profiles).toHaveLength(80);
    expect(['desktop-39', 'cli-39']).toContain(defaultId);
    expect(readdirSync(dir)).toEqual(['profiles.json']); // no temp or lock file left
  });
});
