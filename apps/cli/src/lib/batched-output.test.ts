import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BatchedOutput } from './batched-output.js';

/** A stream that holds each write until released (`hold`), or takes it at once. */
function sink(highWaterMark: number, hold = true) {
  const writes: string[] = [];
  let release: (() => void) | undefined;
  const stream = new Writable({
    highWaterMark,
    write(chunk, _enc, cb) {
      writes.push(String(chunk));
      if (hold) release = cb;
      else cb();
    },
  });
  return { stream, writes, release: () => release?.() };
}

describe('BatchedOutput', () => {
  it('writes many lines in few writes', async () => {
    const s = sink(1 << 20, false);
    const out = new BatchedOutput(s.stream, 100);
    for (let i = 0; i < 1000; i++) out.line(`line ${i}`);
    await out.flush();
    expect(s.writes.join('')).toBe(Array.from({ length: 1000 }, (_, i) => `line ${i}\n`).join(''));
    expect(s.writes.length).toBeLessThan(100);
  });

  it('flush waits for drain when the stream is full, so output never piles up in memory', async () => {
    const s = sink(4);
    const out = new BatchedOutput(s.stream);
    out.line('a long line');
    let done = false;
    const p = out.flush().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    s.release();
    await p;
    expect(done).toBe(true);
    expect(s.writes).toEqual(['a long line\n']);
  });
});
