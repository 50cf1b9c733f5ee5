// Issue 11 item 12: a full disk while Signet writes its history or profiles. Not simulated: the
// config folder is a real 64 KiB tmpfs (this needs root, as CI runs; the test says so and skips
// where mounting is not allowed), filled up with a filler file until the kernel answers ENOSPC.
// Then each store must say so in a sentence, leave its files as they were and no lock behind.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LinkRecord } from '../api.js';
import { LinkHistory } from '../history/link-history.js';
import { ProfileStore } from '../profiles/profile-store.js';

const mounts: string[] = [];

/** A fresh 64 KiB tmpfs, or undefined when this machine does not allow mounting one. */
function tinyDisk(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'signet-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

/** Writes filler until the disk refuses another byte. */
function fill(dir: string): void {
  const block = Buffer.alloc(4096, 0x61);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), block);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
      throw e;
    }
  }
  // Also the last partial page, if any.
  try {
    writeFileSync(join(dir, 'filler-last'), Buffer.alloc(1));
  } catch {
    // full
  }
}

const canMount = (() => {
  const d = tinyDisk();
  return d !== undefined;
})();

afterAll(() => {
  for (const d of mounts) {
    try {
      execFileSync('umount', [d]);
      rmSync(d, { recursive: true, force: true });
    } catch {
      // left for the OS to clean up
    }
  }
});

function record(id: string): LinkRecord {
  const end = new Date(Date.now() + 3_600_000).toISOString();
  return {
    id,
    createdAt: new Date().toISOString(),
    source: 'cli',
    profileId: 'work',
    kind: 's3',
    method: 'GET',
    bucket: 'reports',
    key: `reports/${id}-${'x'.repeat(200)}.pdf`,
    options: { inline: true },
    expiresAt: end,
    effectiveExpiresAt: end,
    warnings: [],
  };
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('filler-'));

describe.skipIf(!canMount)('a full disk (real 64 KiB tmpfs; needs root to mount)', () => {
  it('the history: a sentence (DISK_FULL), the file as it was, no lock file left', async () => {
    const dir = tinyDisk()!;
    mkdirSync(join(dir, 'signet'), { mode: 0o700 });
    const home = join(dir, 'signet');
    const h = new LinkHistory(home);
    await h.append(record('first'), 'https://s3/first');
    const before = readFileSync(h.file, 'utf8');
    fill(dir);
    let err: unknown;
    for (let i = 0; i < 20 && !err; i++) await h.append(record(`more${i}`), `https://s3/${i}`).catch((e) => (err = e));
    expect(err).toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringMatching(
        /^The disk is full: Signet could not write the link history \(in .*signet\)\. Free some space and try again/,
      ),
    });
    expect((err as Error).message).not.toMatch(/ENOSPC/);
    const after = readFileSync(h.file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.endsWith('\n')).toBe(true); // no torn line
    expect(leftovers(home).sort()).toEqual(['history.jsonl']);
  });

  it('the profiles: a sentence (DISK_FULL), profiles.json as it was, no lock or temp file left', async () => {
    const dir = tinyDisk()!;
    const home = join(dir, 'signet');
    mkdirSync(home, { mode: 0o700 });
    const store = new ProfileStore(home);
    await store.save({ id: 'work', bucket: 'work-bucket', region: 'eu-west-1' });
    const before = readFileSync(store.file, 'utf8');
    fill(dir);
    let err: unknown;
    for (let i = 0; i < 20 && !err; i++)
      await store
        .save({ id: `p${i}`, bucket: `bucket-${i}-${'b'.repeat(40)}`, region: 'eu-west-1' })
        .catch((e) => (err = e));
    expect(err).toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringMatching(
        /^The disk is full: Signet could not write the profiles file \(in .*signet\)\. Free some space/,
      ),
    });
    expect(readFileSync(store.file, 'utf8')).toBe(before);
    expect(leftovers(home)).toEqual(['profiles.json']);
  });
});
