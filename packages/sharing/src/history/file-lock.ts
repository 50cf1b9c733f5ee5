import { open, readFile, rm, stat } from 'node:fs/promises';
import { SharingError } from '../errors.js';

const STALE_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A cross-process lock: a lock file created with O_EXCL holding the owner's pid. A lock left by
 * a dead process (crash, SIGKILL) or older than 10 s is taken over. Waits up to `timeoutMs`.
 */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    try {
      const fh = await open(lockPath, 'wx', 0o600);
      await fh.writeFile(String(process.pid));
      await fh.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(await readFile(lockPath, 'utf8').catch(() => ''));
      const age = await stat(lockPath).then((s) => Date.now() - s.mtimeMs, () => 0);
      if ((owner > 0 && !alive(owner)) || age > STALE_MS) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new SharingError('HISTORY_LOCKED', `The link history is locked by another Signet process (pid ${owner || '?'}). If none is running, delete ${lockPath}.`);
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}
