// The history journal with real concurrent writer processes (desktop and CLI at once) and a
// writer killed with SIGKILL mid-write: nothing lost, nothing corrupted, a torn line reported
// and kept, and the dead writer's lock taken over at once.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LinkRecord } from '../api.js';
import { LinkHistory } from './link-history.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '../../../..');

/** Starts `node --import tsx` on a snippet (node itself, so a SIGKILL hits the writer, not a wrapper). */
function child(dir: string, code: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'signet-writer-')), 'writer.mts');
  writeFileSync(
    file,
    `import { LinkHistory } from ${JSON.stringify(join(here, 'index.ts'))};
     const h = new LinkHistory(${JSON.stringify(dir)});
     const rec = (id, minutes, key = 'k/' + id) => { const now = Date.now(); const end = new Date(now + minutes * 60000).toISOString();
       return { id, createdAt: new Date(now).toISOString(), source: 'cli', profileId: 'p', kind: 's3', method: 'GET', bucket: 'b-1', key, options: {}, expiresAt: end, effectiveExpiresAt: end, warnings: [] }; };
     ${code}`,
  );
  const p = spawn(process.execPath, ['--import', 'tsx', file], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((r) =>
    p.on('exit', (code, signal) => r({ code, signal, stderr })),
  );
  return { process: p, exited };
}

function record(id: string): LinkRecord {
  const end = new Date(Date.now() + 3600_000).toISOString();
  return {
    id,
    createdAt: new Date().toISOString(),
    source: 'desktop',
    profileId: 'p',
    kind: 's3',
    method: 'GET',
    bucket: 'b-1',
    key: `k/${id}`,
    options: {},
    expiresAt: end,
    effectiveExpiresAt: end,
    warnings: [],
  };
}

describe('history journal across processes', () => {
  it('two writers × 500 entries at once, while a third prunes and compacts: every live entry present, the file parses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-hist-multi-'));
    // every 10th entry is born expired, so the pruner really rewrites the file under the writers
    const writer = (tag: string) =>
      child(
        dir,
        `for (let i = 0; i < 500; i++) await h.append(rec('${tag}-' + i, i % 10 === 0 ? -1 : 60), 'https://x/${tag}/' + i);`,
      );
    const pruner = child(
      dir,
      `let n = 0; for (let i = 0; i < 40; i++) { n += await h.prune(); await new Promise((r) => setTimeout(r, 20)); } console.error('pruned ' + n);`,
    );
    const results = await Promise.all([writer('desktop').exited, writer('cli').exited, pruner.exited]);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(results[2].stderr).toMatch(/pruned [1-9]\d*/); // compaction really ran during the writes
    const h = new LinkHistory(dir);
    const state = await h.read();
    expect(state.damagedLines).toEqual([]);
    const live = state.records.filter((r) => Date.parse(r.effectiveExpiresAt) > Date.now()).map((r) => r.id);
    expect(live).toHaveLength(900); // 2 × 450 live entries, none lost
    expect(new Set(live).size).toBe(900);
    expect(await h.getUrl('cli-499')).toBe('https://x/cli/499');
    expect(existsSync(join(dir, 'history.lock'))).toBe(false);
    // every line of the file is one whole JSON event
    for (const line of readFileSync(h.file, 'utf8').trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('a writer SIGKILLed mid-write: complete entries survive, at most a torn last line (reported, kept), its lock is taken over at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-hist-kill-'));
    // big entries (≈1 MB) make the kill likely to land inside a write
    const w = child(
      dir,
      `for (let i = 0; ; i++) await h.append(rec('c' + i, 60, 'x'.repeat(1_000_000)), 'https://x/' + i);`,
    );
    const h = new LinkHistory(dir);
    for (let t = Date.now(); Date.now() - t < 20_000;) {
      await new Promise((r) => setTimeout(r, 100));
      if ((await h.read().catch(() => ({ records: [] }))).records.length >= 3) break;
    }
    w.process.kill('SIGKILL');
    expect((await w.exited).signal).toBe('SIGKILL');
    const before = await h.read();
    expect(before.records.length).toBeGreaterThanOrEqual(3);
    const ids = before.records.map((r) => r.id);
    expect(ids).toEqual(ids.map((_, i) => `c${i}`)); // no gap: every complete write is there
    const text = readFileSync(h.file, 'utf8');
    const torn = !text.endsWith('\n');
    expect(before.damagedLines).toEqual(torn ? [text.split('\n').length] : []);
    if (torn) expect((await h.inspect()).problems[0]).toMatch(/cut off by a crash/);
    // the killed writer probably held the lock: the next writer does not wait for it
    const t = Date.now();
    await h.append(record('after-crash'), 'https://x/after');
    expect(Date.now() - t).toBeLessThan(2000);
    const after = await h.read();
    expect(after.records.map((r) => r.id)).toContain('after-crash');
    expect(after.damagedLines).toEqual(before.damagedLines); // the torn line is kept, not dropped
    if (torn) expect(readFileSync(h.file, 'utf8').startsWith(text)).toBe(true);
  });

  it('a torn last line written explicitly (the worst case of a crash) is reported and kept, and prune moves it aside', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-hist-torn-'));
    const h = new LinkHistory(dir);
    await h.append(record('a'), 'https://x/a');
    writeFileSync(h.file, readFileSync(h.file, 'utf8') + '{"op":"add","record":{"id":"torn","createdAt":"20');
    const w = child(dir, `await h.append(rec('from-other-process', 60), 'https://x/o');`);
    expect((await w.exited).code).toBe(0);
    expect((await h.read()).damagedLines).toEqual([2]);
    expect((await h.list()).map((r) => r.id).sort()).toEqual(['a', 'from-other-process']);
    await h.prune();
    expect(readFileSync(h.damagedFile, 'utf8')).toContain('{"op":"add","record":{"id":"torn","createdAt":"20');
    expect((await h.read()).damagedLines).toEqual([]);
  });
});
