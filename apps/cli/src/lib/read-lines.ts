import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Lines of a stream, one at a time (blank lines and `#` comments skipped), with their numbers. */
export async function* readLines(input: Readable): AsyncGenerator<{ line: string; lineNo: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of rl) {
    lineNo++;
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    yield { line, lineNo };
  }
}
