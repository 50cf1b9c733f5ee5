import { PassThrough } from 'node:stream';
import { ProgressMeter } from '@signet/sharing';
import { describe, expect, it } from 'vitest';
import { BYTE_CASES } from '../../../../scripts/test-support/display-cases.js';
import { createProgressBar } from './progress-bar.js';

function stream(isTTY: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY: boolean };
  s.isTTY = isTTY;
  let text = '';
  s.on('data', (c: Buffer) => (text += c.toString()));
  return { s: s as unknown as NodeJS.WriteStream, text: () => text };
}

describe('progress bar', () => {
  it.each(BYTE_CASES)('says %s bytes as %s (the shared display table), in the finished-file line', (n, text) => {
    const o = stream(false);
    const bar = createProgressBar(o.s);
    bar.update({ file: 'f.bin', loaded: n, total: n, percent: 100, rate: 0 });
    expect(o.text()).toBe(`Uploaded f.bin (${text}).\n`);
  });

  it('on a terminal: one redrawn line with name, %, bytes, rate and ETA, cleared at the end', () => {
    const o = stream(true);
    const bar = createProgressBar(o.s);
    bar.update({
      file: '/tmp/dir/video.mp4',
      loaded: 512 * 1024,
      total: 1024 * 1024,
      percent: 50,
      rate: 256 * 1024,
      etaSeconds: 2,
    });
    bar.done();
    expect(o.text()).toBe(
      '\r\x1b[Kvideo.mp4 [############............] 50% 512.0 KiB/1.0 MiB 256.0 KiB/s 2 seconds left\r\x1b[K',
    );
  });

  it('in the first second (no rate known yet) says neither "0 B/s" nor an ETA', () => {
    const o = stream(true);
    const bar = createProgressBar(o.s);
    bar.update({ file: 'video.mp4', loaded: 512 * 1024, total: 1024 * 1024, percent: 50, rate: 0 });
    expect(o.text()).toBe('\r\x1b[Kvideo.mp4 [############............] 50% 512.0 KiB/1.0 MiB');
  });

  it('elsewhere: one plain line per finished file, no control characters', () => {
    const o = stream(false);
    const bar = createProgressBar(o.s);
    bar.update({ file: 'a.txt', loaded: 1, total: 2, percent: 50, rate: 1 });
    bar.update({ file: 'a.txt', loaded: 2, total: 2, percent: 100, rate: 1 });
    bar.update({ file: 'a.txt', loaded: 2, total: 2, percent: 100, rate: 1 });
    bar.update({ file: 'empty.txt', loaded: 0, total: 0, percent: 100, rate: 0 });
    bar.done();
    expect(o.text()).toBe('Uploaded a.txt (2 B).\nUploaded empty.txt (0 B).\n');
  });

  it('a zero-byte file is "Uploaded" only on the final event, not on the first (0 of 0 B) before anything was sent', () => {
    const o = stream(false);
    const bar = createProgressBar(o.s);
    const meter = new ProgressMeter('empty.bin', 0);
    bar.update(meter.update(0)); // what the upload reports before it sends anything
    expect(o.text()).toBe('');
    bar.update(meter.done()); // what it reports once the object is there
    bar.done();
    expect(o.text()).toBe('Uploaded empty.bin (0 B).\n');
  });
});
