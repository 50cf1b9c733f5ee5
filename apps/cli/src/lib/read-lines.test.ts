import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLineBatches } from './read-lines.js';

async function collect(chunks: (string | Buffer)[]) {
  const out: { line: string; lineNo: number }[] = [];
  for await (const batch of readLineBatches(Readable.from(chunks))) out.push(...batch);
  return out;
}

describe('readLineBatches', () => {
  it('keeps the real line numbers across blank lines, comments and CRLF', async () => {
    expect(await collect(['s3://a/1\r\n\n# note\n  \ns3://a/2\n'])).toEqual([
      { line: 's3://a/1', lineNo: 1 },
      { line: 's3://a/2', lineNo: 5 },
    ]);
  });

  it('joins lines split across chunks and takes a last line without newline', async () => {
    expect(await collect(['s3://a/fi', 'rst\ns3://a/', 'second'])).toEqual([
      { line: 's3://a/first', lineNo: 1 },
      { line: 's3://a/second', lineNo: 2 },
    ]);
  });

  it('a UTF-8 character split across two byte chunks stays whole', async () => {
    const bytes = Buffer.from('s3://a/é.txt\n');
    expect(await collect([bytes.subarray(0, 8), bytes.subarray(8)])).toEqual([{ line: 's3://a/é.txt', lineNo: 1 }]);
  });

  it('keeps spaces inside a key (only whole-blank lines are skipped)', async () => {
    expect((await collect([' s3://a/x y \n']))[0]?.line).toBe(' s3://a/x y ');
  });

  it('one batch per chunk: 50,000 lines in a handful of batches', async () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `s3://a/${i}`).join('\n');
    const batches: number[] = [];
    for await (const b of readLineBatches(Readable.from([text.slice(0, 300_000), text.slice(300_000)])))
      batches.push(b.length);
    expect(batches.reduce((a, b) => a + b)).toBe(50_000);
    expect(batches.length).toBeLessThanOrEqual(3);
  });
});
