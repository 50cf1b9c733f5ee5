import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkRecord } from '../api.js';
import { withFileLock } from '../fs/index.js';
import { LinkHistory, type LinkUrlVault } from './link-history.js';

const T0 = new Date('2030-01-01T00:00:00Z');
const dir = () => mkdtempSync(join(tmpdir(), 'signet-history-'));

function record(id: string, o: { minutes?: number; createdAt?: Date; key?: string } = {}): LinkRecord {
  const created = o.createdAt ?? T0;
  const end = new Date(created.getTime() + (o.minutes ?? 60) * 60_000).toISOString();
  return {
    id,
    createdAt: created.toISOString(),
    source: 'cli',
    profileId: 'work',
    kind: 's3',
    method: 'GET',
    bucket: 'reports',
    key: o.key ?? `2030/01/${id}.pdf`,
    options: { inline: true },
    expiresAt: end,
    effectiveExpiresAt: end,
    warnings: [],
    file: { name: `${id}.pdf`, size: 3 },
  };
}

/** An in-memory stand-in for the keychain; the real one is tested in secret-store.integ.test.ts. */
function memoryVault(): LinkUrlVault & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    setLinkSecret: async (id, url) => void map.set(id, url),
    getLinkSecret: async (id) => map.get(id) ?? null,
    deleteLinkSecret: async (id) => void map.delete(id),
  };
}

describe('LinkHistory', () => {
  it('hold(): links recorded while held are written together on release (one write), none lost', async () => {
    const d = dir();
    const h = new LinkHistory(d);
    await h.append(record('before-hold'), 'https://s3/0');
    const file = join(d, 'history.jsonl');
    const sizeBefore = statSync(file).size;
    const release = h.hold();
    for (let i = 1; i <= 50; i++) await h.append(record(`held-${i}`), `https://s3/${i}`);
    // Nothing reached the file yet: a bulk run pays one lock, one write and one fsync per batch.
    expect(statSync(file).size).toBe(sizeBefore);
    await release();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(51);
    expect((await h.list({ filter: 'all' }, T0)).map((r) => r.id)).toContain('held-50');
    expect(await h.getUrl('held-7')).toBe('https://s3/7');
    // Released: the next link is written at once again; a second release writes nothing twice.
    await release();
    await h.append(record('after'), 'https://s3/after');
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(52);
  });

  it('records links from any client; lists active / expired / all, newest first; searches; gets the URL again', async () => {
    const h = new LinkHistory(dir());
    await h.append(record('aaaaaaaa-1', { minutes: 10 }), 'https://s3/a');
    await h.append(
      { ...record('bbbbbbbb-2', { minutes: 120, createdAt: new Date(T0.getTime() + 1000) }), source: 'desktop' },
      'https://s3/b',
    );
    const at = new Date(T0.getTime() + 30 * 60_000);
    expect((await h.list({}, at)).map((r) => r.id)).toEqual(['bbbbbbbb-2', 'aaaaaaaa-1']);
    expect((await h.list({ filter: 'active' }, at)).map((r) => r.id)).toEqual(['bbbbbbbb-2']);
    expect((await h.list({ filter: 'expired' }, at)).map((r) => r.id)).toEqual(['aaaaaaaa-1']);
    expect((await h.list({ search: 'BBBBBBBB-2.PDF' }, at)).map((r) => r.id)).toEqual(['bbbbbbbb-2']);
    expect(await h.list({ limit: 1 }, at)).toHaveLength(1);
    expect(await h.get('bbbbbbbb-2')).toMatchObject({
      source: 'desktop',
      options: { inline: true },
      file: { name: 'bbbbbbbb-2.pdf' },
    });
    expect((await h.get('bbbbbb')).id).toBe('bbbbbbbb-2'); // a unique prefix
    expect(await h.getUrl('aaaaaaaa-1')).toBe('https://s3/a');
    await expect(h.get('nope')).rejects.toMatchObject({ code: 'LINK_NOT_FOUND' });
    expect(statSync(h.file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(h.file, '..'))).toEqual(['history.jsonl']); // the lock is gone
  });

  it('a URL with a session token goes to the vault (keychain), never into the file', async () => {
    const vault = memoryVault();
    const h = new LinkHistory(dir(), vault);
    const url = 'https://s3/k?X-Amz-Security-Token=SESSIONTOKEN123&X-Amz-Signature=abc';
    await h.append(record('tok-1'), url);
    expect(readFileSync(h.file, 'utf8')).not.toContain('SESSIONTOKEN123');
    expect(vault.map.get('tok-1')).toBe(url);
    expect(await h.getUrl('tok-1')).toBe(url);
    await h.markRevoked('tok-1', { by: 'object-deleted', text: 'object deleted' }, T0);
    expect(vault.map.has('tok-1')).toBe(false);
    expect(await h.get('tok-1')).toMatchObject({ revokedAt: T0.toISOString(), revocation: 'object deleted' });
    // without a vault the URL is simply not kept
    const bare = new LinkHistory(dir());
    await bare.append(record('tok-2'), url);
    expect(readFileSync(bare.file, 'utf8')).not.toContain('SESSIONTOKEN123');
    await expect(bare.getUrl('tok-2')).rejects.toMatchObject({
      code: 'LINK_NOT_FOUND',
      message: expect.stringMatching(/Renew it/),
    });
  });

  it('markRevokedWhere revokes the chosen entries in one appended write and drops their vault URLs; the others are untouched', async () => {
    const vault = memoryVault();
    const h = new LinkHistory(dir(), vault);
    await h.append(record('a', { key: 'same.pdf' }), 'https://s3/a');
    await h.append(record('b', { key: 'same.pdf' }), 'https://s3/b?X-Amz-Security-Token=T');
    await h.append(record('c'), 'https://s3/c');
    const before = readFileSync(h.file, 'utf8');
    const marked = await h.markRevokedWhere(
      (r) => (r.key === 'same.pdf' ? { by: 'object-deleted', text: `gone ${r.id}` } : undefined),
      T0,
    );
    expect(marked.map((r) => [r.id, r.revocation, r.revokedAt])).toEqual([
      ['a', 'gone a', T0.toISOString()],
      ['b', 'gone b', T0.toISOString()],
    ]);
    const text = readFileSync(h.file, 'utf8');
    expect(text.startsWith(before)).toBe(true); // appended, nothing rewritten
    expect(
      text
        .slice(before.length)
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { op: 'revoke', id: 'a', at: T0.toISOString(), revokedBy: 'object-deleted', revocation: 'gone a' },
      { op: 'revoke', id: 'b', at: T0.toISOString(), revokedBy: 'object-deleted', revocation: 'gone b' },
    ]);
    expect(vault.map.has('b')).toBe(false);
    expect((await h.list({ filter: 'active' }, T0)).map((r) => r.id)).toEqual(['c']);
    expect(await h.markRevokedWhere(() => undefined, T0)).toEqual([]);
    expect(readFileSync(h.file, 'utf8')).toBe(text); // nothing chosen, nothing written
  });

  it('revoked links count as expired; prune forgets them and compacts the file, URLs and vault entries included', async () => {
    const vault = memoryVault();
    const h = new LinkHistory(dir(), vault);
    await h.append(record('old', { minutes: 1 }), 'https://s3/old-url');
    await h.append(record('tok', { minutes: 1 }), 'https://s3/t?X-Amz-Security-Token=T');
    await h.append(record('live', { minutes: 600 }), 'https://s3/live');
    await h.append(record('gone', { minutes: 600 }), 'https://s3/gone');
    await h.markRevoked('gone', { by: 'object-deleted', text: 'object deleted' }, T0);
    const at = new Date(T0.getTime() + 5 * 60_000);
    expect((await h.list({ filter: 'active' }, at)).map((r) => r.id)).toEqual(['live']);
    expect(await h.prune(at)).toBe(3);
    expect((await h.list({}, at)).map((r) => r.id)).toEqual(['live']);
    expect(vault.map.size).toBe(0);
    const text = readFileSync(h.file, 'utf8');
    expect(text).not.toContain('old-url');
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(await h.getUrl('live')).toBe('https://s3/live');
    expect(await h.prune(at)).toBe(0);
  });

  it('a torn last line (crash mid-write) is reported and kept; the next entry starts on its own line; prune moves it aside', async () => {
    const h = new LinkHistory(dir());
    await h.append(record('before'), 'https://s3/1');
    const torn = '{"op":"add","record":{"id":"torn","createdAt":"2030-01-01T00:00:00.000Z","sou';
    appendFileSync(h.file, torn);
    expect((await h.read()).damagedLines).toEqual([2]);
    const health = await h.inspect(T0);
    expect(health.problems[0]).toMatch(
      /1 line\(s\) of the link history .* cannot be read \(line 2\), the last one probably cut off by a crash/,
    );
    // In the words of the button (and the command) that does it, not "Pruning the history".
    expect(health.problems[0]).toContain('Remove expired links (signet links prune) moves them to');
    expect(health.problems[0]).not.toMatch(/pruning/i);
    await h.append(record('after'), 'https://s3/2');
    expect((await h.list()).map((r) => r.id).sort()).toEqual(['after', 'before']);
    expect(readFileSync(h.file, 'utf8')).toContain(`${torn}\n`); // kept as it was
    expect((await h.read()).damagedLines).toEqual([2]);
    // prune compacts: the damaged line moves to history.damaged.jsonl, and that is reported
    expect(await h.prune(T0)).toBe(0);
    expect(readFileSync(h.damagedFile, 'utf8')).toContain(torn);
    expect((await h.read()).damagedLines).toEqual([]);
    expect((await h.inspect(T0)).problems).toEqual([
      expect.stringMatching(/1 damaged line\(s\) .* moved to .*history\.damaged\.jsonl/),
    ]);
    // said for a day (the user asked for the prune), then only kept in the file
    expect((await h.inspect(new Date(T0.getTime() + 23 * 3600_000))).problems).toHaveLength(1);
    expect((await h.inspect(new Date(T0.getTime() + 25 * 3600_000))).problems).toEqual([]);
    expect((await h.list()).map((r) => r.id).sort()).toEqual(['after', 'before']);
  });

  it('damaged lines in the middle (manual edit) are skipped and reported, the rest is read', async () => {
    const h = new LinkHistory(dir());
    await h.append(record('a'), 'https://s3/1');
    appendFileSync(h.file, 'not json\n{"op":"add","record":{"id":"no-fields"}}\n');
    await h.append(record('b'), 'https://s3/2');
    expect(await h.read()).toMatchObject({ damagedLines: [2, 3] });
    expect((await h.list()).map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect((await h.inspect()).problems[0]).toMatch(/2 line\(s\) .*\(line 2, 3\)\. They are kept/);
  });

  it('a file with nothing readable is refused (HISTORY_CORRUPT, path, what to do), never read as empty; a new entry moves it aside intact', async () => {
    const h = new LinkHistory(dir());
    const garbage = 'garbage line\n\u0000\u0001binary\n';
    writeFileSync(h.file, garbage);
    const err = await h.list().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'HISTORY_CORRUPT', details: { file: h.file } });
    expect((err as Error).message).toMatch(/is damaged.*left untouched.*move it aside/);
    await expect(h.get('x')).rejects.toMatchObject({ code: 'HISTORY_CORRUPT' });
    await expect(h.prune()).rejects.toMatchObject({ code: 'HISTORY_CORRUPT' });
    expect(readFileSync(h.file, 'utf8')).toBe(garbage);
    expect((await h.inspect()).problems[0]).toMatch(/is damaged/);
    // recording a new link keeps the old file, byte for byte, next to a new history, and says so
    await h.append(record('new'), 'https://s3/new');
    const aside = readdirSync(join(h.file, '..')).find((f) => f.startsWith('history.jsonl.damaged-'))!;
    expect(readFileSync(join(h.file, '..', aside), 'utf8')).toBe(garbage);
    expect((await h.list()).map((r) => r.id)).toEqual(['new']);
    expect((await h.inspect()).problems).toEqual([expect.stringContaining(aside)]);
  });

  it('a lock left by a dead process is taken over at once; a live one is waited for, then HISTORY_LOCKED', async () => {
    const d = dir();
    const h = new LinkHistory(d);
    writeFileSync(join(d, 'history.lock'), '2147483646 deadbeef'); // no such pid
    await h.append(record('x'), 'https://s3/x');
    expect(existsSync(join(d, 'history.lock'))).toBe(false);
    const lock = join(d, 'other.lock');
    writeFileSync(lock, `${process.pid} someone-else`);
    const t = Date.now();
    await expect(withFileLock(lock, async () => 1, { timeoutMs: 300, what: 'The link history' })).rejects.toMatchObject(
      {
        code: 'HISTORY_LOCKED',
        message: expect.stringMatching(/locked by another Signet process \(pid \d+\).*delete .*other\.lock/),
      },
    );
    expect(Date.now() - t).toBeGreaterThanOrEqual(300);
    // a lock older than staleMs is taken over even if its pid is alive (a stuck process)
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(await withFileLock(lock, async () => 'ran', { staleMs: 30_000 })).toBe('ran');
    expect(existsSync(lock)).toBe(false);
  });

  it('concurrent appends in one process lose nothing', async () => {
    const d = dir();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => new LinkHistory(d).append(record(`c${i}`), `https://s3/${i}`)),
    );
    const s = await new LinkHistory(d).read();
    expect(s.records).toHaveLength(50);
    expect(s.damagedLines).toEqual([]);
  });
});
