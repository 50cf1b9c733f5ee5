// `signet bridge` as a user runs it (the built bundle, child processes), issue 11 items 2 and 7:
// parallel approvals from separate processes all survive (the store locks and writes
// atomically), a damaged approvals file is refused and left as it is, and the list names
// Signet's own extension ids and warns about any other.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_CHROMIUM_EXTENSION_ID } from '@signet/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, signetBin } from '../../../../scripts/test-support/signet-cli.js';

let home: string;
const env = () => ({ PATH: process.env.PATH, HOME: home, SIGNET_HOME: join(home, 'signet') });
const signet = (args: string[]) => {
  const r = spawnSync(process.execPath, [signetBin, ...args], { env: env(), encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
/** 32 letters a-p from a number: distinct made-up Chromium ids. */
const fakeId = (n: number) =>
  n
    .toString(16)
    .padStart(32, '0')
    .replace(/[0-9a-f]/g, (c) => 'abcdefghijklmnop'[parseInt(c, 16)]!);

beforeAll(() => {
  buildCli();
  home = mkdtempSync(join(tmpdir(), 'signet-bridge-cli-'));
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('signet bridge', () => {
  it('keeps every one of 12 approvals made by 12 processes at once', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => fakeId(1000 + i));
    const codes = await Promise.all(
      ids.map(
        (id) =>
          new Promise<number | null>((resolve) => {
            const child = spawn(process.execPath, [signetBin, 'bridge', 'approve', id], {
              env: env(),
              stdio: 'ignore',
            });
            child.once('exit', resolve);
          }),
      ),
    );
    expect(codes).toEqual(ids.map(() => 0));
    const listed = JSON.parse(signet(['bridge', 'list', '--json']).out) as { approved: { origin: string }[] };
    expect(listed.approved.map((a) => a.origin).sort()).toEqual(ids.map((id) => `chrome-extension://${id}/`).sort());
  }, 60_000);

  it('refuses a damaged approvals file with what to do, and leaves it as it is', () => {
    const dir = join(home, 'signet');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, 'bridge-approvals.json');
    const before = readFileSync(file, 'utf8');
    const damaged = before.slice(0, before.length / 2);
    writeFileSync(file, damaged);
    const approve = signet(['bridge', 'approve', fakeId(1)]);
    expect(approve.code).not.toBe(0);
    expect(approve.err).toMatch(/bridge-approvals\.json is damaged/);
    expect(approve.err).toMatch(/left (it )?untouched|left as it is/);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    const list = signet(['bridge', 'list']);
    expect(list.code).not.toBe(0);
    expect(list.err).toMatch(/damaged/);
    writeFileSync(file, before);
  });

  it('names the Signet development build and warns loudly about an unknown id', () => {
    const lookalike = `${DEV_CHROMIUM_EXTENSION_ID.slice(0, 31)}a`;
    expect(signet(['bridge', 'approve', DEV_CHROMIUM_EXTENSION_ID]).code).toBe(0);
    expect(signet(['bridge', 'approve', lookalike]).code).toBe(0);
    const { out } = signet(['bridge', 'list']);
    const devLine = out.split('\n').find((l) => l.includes(DEV_CHROMIUM_EXTENSION_ID))!;
    expect(devLine).toMatch(/Signet \(development build\)/);
    const fakeBlock = out.slice(out.indexOf(lookalike) - 200, out.indexOf(lookalike) + 400);
    expect(fakeBlock).toMatch(/NOT a Signet extension id/);
    const json = JSON.parse(signet(['bridge', 'list', '--json']).out) as {
      approved: { origin: string; known?: unknown; warning?: string }[];
    };
    expect(json.approved.find((a) => a.origin.includes(lookalike))).toMatchObject({
      known: false,
      warning: expect.stringContaining('NOT a Signet extension id'),
    });
    expect(json.approved.find((a) => a.origin.includes(DEV_CHROMIUM_EXTENSION_ID))).toMatchObject({
      known: { build: 'development' },
    });
  });
});
