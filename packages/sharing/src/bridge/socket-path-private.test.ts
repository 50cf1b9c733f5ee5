// Attack tests for issue 11 item 6, the socket side: `signet serve --socket PATH` (and the desktop
// app) must not change the mode of a folder the user did not give Signet, must not delete a file
// that happens to be at PATH, and must not listen in a folder other users can reach. This drives
// prepareSocketPath, the step the bridge server runs before listen(), on the real file system,
// and a real stale socket left by a server killed with SIGKILL.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSocketPath } from './prepare-socket-path.js';

const asRoot = process.getuid?.() === 0;
const serve = (socketPath: string) => prepareSocketPath(socketPath);

const mode = (p: string) => lstatSync(p).mode & 0o777;

describe('the bridge socket goes only into a private folder, and replaces only a stale socket', () => {
  it('an existing folder that others can enter (0755) is refused and left as it was, with the fix', async () => {
    const docs = join(mkdtempSync(join(tmpdir(), 'signet-sock-')), 'Documents');
    mkdirSync(docs);
    chmodSync(docs, 0o755);
    await expect(serve(join(docs, 'bridge.sock'))).rejects.toMatchObject({
      code: 'CONFIG_UNSAFE',
      message: expect.stringMatching(/open to other users \(mode 755\).*chmod 700 '.*Documents'/),
    });
    expect(mode(docs)).toBe(0o755); // not chmod'ed behind the user's back
  });

  it('a world-writable folder is refused: another user could swap the socket', async () => {
    const d = mkdtempSync(join(tmpdir(), 'signet-sock-'));
    chmodSync(d, 0o777);
    await expect(serve(join(d, 'bridge.sock'))).rejects.toMatchObject({ code: 'CONFIG_UNSAFE' });
    expect(mode(d)).toBe(0o777);
  });

  it.skipIf(!asRoot)('a folder owned by another user is refused', async () => {
    const d = mkdtempSync(join(tmpdir(), 'signet-sock-'));
    chownSync(d, 65534, 65534);
    await expect(serve(join(d, 'bridge.sock'))).rejects.toMatchObject({
      message: expect.stringMatching(/belongs to another user/),
    });
  });

  it('a file that is not a socket at PATH is not deleted; the error says so', async () => {
    const d = mkdtempSync(join(tmpdir(), 'signet-sock-'));
    const notes = join(d, 'notes.txt');
    writeFileSync(notes, 'my notes');
    await expect(serve(notes)).rejects.toMatchObject({
      message: expect.stringMatching(/notes\.txt is not a socket.*will not delete it/),
    });
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
    const link = join(d, 'link.sock');
    symlinkSync(notes, link);
    await expect(serve(link)).rejects.toMatchObject({ message: expect.stringMatching(/is not a socket/) });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a stale socket left by a server that was killed is replaced; a new folder is made 0700', async () => {
    const d = join(mkdtempSync(join(tmpdir(), 'signet-sock-')), 'run');
    const path = join(d, 'bridge.sock');
    await serve(path);
    expect(mode(d)).toBe(0o700);
    // A server killed with SIGKILL leaves its socket file behind (no cleanup runs).
    const killed = spawnSync(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    expect(killed.signal).toBe('SIGKILL');
    expect(lstatSync(path).isSocket()).toBe(true);
    await serve(path);
    expect(existsSync(path)).toBe(false); // removed, ready for listen()
  });
});
