import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeLine } from './write-line.js';

describe('writeLine', () => {
  it('waits for drain when the stream is full, so output never piles up in memory', async () => {
    const written: string[] = [];
    let release: (() => void) | undefined;
    const slow = new Writable({
      highWaterMark: 4,
      write(chunk, _enc, cb) {
        written.push(String(chunk));
        release = cb;
      },
    });
    let done = false;
    const p = writeLine(slow, 'a long line').then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false); // buffer over its high-water mark: still waiting
    release?.();
    await p;
    expect(written).toEqual(['a long line\n']);
  });

  it('rejects when the stream fails while waiting', async () => {
    const broken = new Writable({
      highWaterMark: 1,
      write: (_c, _e, cb) => setTimeout(() => cb(new Error('EPIPE')), 5),
    });
    broken.on('error', () => undefined);
    await expect(writeLine(broken, 'x')).rejects.toThrow('EPIPE');
  });
});
