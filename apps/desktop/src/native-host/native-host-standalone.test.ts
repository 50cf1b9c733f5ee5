// Issue 11 item 15: the built native host runs on a machine without Node. The host is copied to a
// fresh folder and started in its own mount namespace (`unshare -m`, root only) in which every
// Node binary on this machine is covered by /dev/null and PATH leads nowhere; it must still
// relay a request to a (stand-in) bridge. strace then lists every program it executes: only the
// host itself. Skipped, with the reason printed, where unshare or root is missing.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRequest, buildSuccess, encodeFrame, FrameDecoder } from '@signet/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const canUnshare =
  process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;
/** strace by absolute path: the traced host runs with PATH=/nonexistent. */
const strace = ['/usr/bin/strace', '/bin/strace'].find((p) => existsSync(p));

let dir: string;
let host: string;
let socketPath: string;
let bridge: Server;

/** Every Node binary this machine has, by real path (PATH entries, the test's own Node). */
function nodeBinaries(): string[] {
  const found = new Set<string>([realpathSync(process.execPath)]);
  for (const d of (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/local/bin', '/bin'])) {
    const p = join(d, 'node');
    if (d && existsSync(p)) found.add(realpathSync(p));
  }
  return [...found];
}

/** Runs `command` in a mount namespace where every Node binary is /dev/null and PATH leads nowhere. */
function withoutNode(command: string) {
  const hide = nodeBinaries()
    .map((p) => `mount --bind /dev/null '${p}'`)
    .join(' && ');
  return spawn('unshare', ['-m', 'sh', '-c', `${hide} && exec env -i PATH=/nonexistent ${command}`], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signet-host-standalone-'));
  // @ts-expect-error build.mjs is plain JS without type declarations
  const { buildNativeHost } = (await import('./build.mjs')) as {
    buildNativeHost: (o: { outDir: string }) => Promise<{ launcher: string }>;
  };
  const { launcher } = await buildNativeHost({ outDir: join(dir, 'dist') });
  host = join(dir, 'elsewhere', 'signet-native-host');
  execFileSync('mkdir', ['-p', join(dir, 'elsewhere')]);
  copyFileSync(launcher, host);
  execFileSync('chmod', ['755', host]);
  socketPath = join(dir, 'bridge.sock');
  bridge = createServer((s) => {
    const d = new FrameDecoder(1 << 20);
    s.on('data', (c) => {
      for (const f of d.push(c)) {
        const m = f.ok ? (f.message as { id?: string; type?: string }) : {};
        if (m.type === 'status')
          s.write(
            encodeFrame(
              buildSuccess('status', m.id!, { approval: 'approved', app: { name: 'x', version: '0' }, profiles: [] }),
              1 << 20,
            ),
          );
      }
    });
  });
  await new Promise<void>((r) => bridge.listen(socketPath, () => r()));
}, 120_000);

afterAll(async () => {
  await new Promise<void>((r) => (bridge ? bridge.close(() => r()) : r()));
  await rm(dir, { recursive: true, force: true });
});

async function collect(child: ReturnType<typeof spawn>, until: (msgs: Record<string, unknown>[]) => boolean) {
  const decoder = new FrameDecoder(1 << 20);
  const msgs: Record<string, unknown>[] = [];
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 10_000);
    child.stdout!.on('data', (c: Buffer) => {
      for (const f of decoder.push(c)) if (f.ok) msgs.push(f.message as Record<string, unknown>);
      if (until(msgs)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { msgs, err };
}

it.runIf(process.platform === 'linux')('links no Node library: only the C/C++ runtime (ldd)', () => {
  const libs = execFileSync('ldd', [host], { encoding: 'utf8' });
  expect(libs).not.toMatch(/libnode|node_modules/);
  expect(libs).toMatch(/libc\.so/);
});

describe.skipIf(!canUnshare)('native host without Node (mount namespace)', () => {
  it('the namespace really has no Node: running node there fails', () => {
    const r = spawnSync(
      'unshare',
      [
        '-m',
        'sh',
        '-c',
        `${nodeBinaries()
          .map((p) => `mount --bind /dev/null '${p}'`)
          .join(' && ')} && '${realpathSync(process.execPath)}' -e 'console.log(1)'`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).not.toBe(0);
    expect(r.stdout).not.toContain('1');
  });

  it('relays a request with no node on PATH or at any Node path', async () => {
    const child = withoutNode(`SIGNET_BRIDGE_SOCKET='${socketPath}' '${host}' '${ORIGIN}'`);
    child.stdin!.write(encodeFrame(buildRequest('status', 'alone', {}), 1 << 16));
    const { msgs, err } = await collect(child, (m) => m.length > 0);
    child.stdin!.end();
    expect(msgs[0], `the host did not answer; stderr: ${err}`).toMatchObject({ id: 'alone', ok: true });
  }, 30_000);

  it.skipIf(!strace)(
    'executes no other program (strace execve)',
    async () => {
      const trace = join(dir, 'execve.trace');
      const child = spawn(strace!, ['-f', '-qq', '-e', 'trace=execve', '-o', trace, host, ORIGIN], {
        env: { PATH: '/nonexistent', SIGNET_BRIDGE_SOCKET: socketPath },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdin.write(encodeFrame(buildRequest('status', 'traced', {}), 1 << 16));
      const { msgs } = await collect(child, (m) => m.length > 0);
      child.stdin.end();
      await new Promise((r) => child.once('exit', r));
      expect(msgs[0]).toMatchObject({ id: 'traced', ok: true });
      const programs = [...readFileSync(trace, 'utf8').matchAll(/execve\("([^"]+)"/g)].map((m) => m[1]);
      expect(programs).toEqual([host]);
    },
    30_000,
  );
});

it.runIf(!canUnshare)('native host without Node: skipped (needs Linux, root and unshare -m)', () => {
  expect(canUnshare).toBe(false);
});

it('electron-builder ships the standalone host as an extraResource', () => {
  const config = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
  const resources = config.slice(config.indexOf('extraResources:'));
  expect(resources).toMatch(/filter: \[signet-native-host, signet-native-host\.exe\]/);
  expect(resources).not.toContain('native-host.mjs');
});
