import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from './read-lines.js';

async function collect(text: string | string[]) {
  const out: { line: string; lineNo: number }[] = [];
  for await (const l of readLines(Readable.from(Array.isArray(text) ? text : [text]))) out.push(l);
  return out;
}

describe('readLines', () => {
  it('keeps the real line numbers across blank lines, comments and CRLF', async () => {
    expect(await collect('s3://a/1\r\n\n# note\n  \ns3://a/2\n')).toEqual([
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

  it('keeps spaces inside a key (only whole-blank lines are skipped)', async () => {
    expect((await collect(' s3://a/x y \n'))[0]?.line).toBe(' s3://a/x y ');
  });
});
