import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export interface InputLine {
  line: string;
  lineNo: number;
}

/**
 * Lines of a stream with their numbers, in batches (one per chunk read), blank lines and `#`
 * comments skipped, a trailing CR removed, spaces inside a line kept. Batches rather than one
 * line at a time: a bulk run of 50,000 refs then costs one await per chunk, not per line.
 */
export async function* readLineBatches(input: Readable): AsyncGenerator<InputLine[]> {
  let rest = '';
  let lineNo = 0;
  // A decoder, not chunk.toString(): a UTF-8 character may be split across two chunks.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const batch: InputLine[] = [];
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      lineNo++;
      take(text.slice(from, nl), lineNo, batch);
      from = nl + 1;
    }
    rest = text.slice(from);
    if (batch.length) yield batch;
  }
  rest += decoder.end();
  if (rest) {
    const batch: InputLine[] = [];
    take(rest, ++lineNo, batch);
    if (batch.length) yield batch;
  }
}

function take(raw: string, lineNo: number, into: InputLine[]): void {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const start = line.trimStart();
  if (!start || start.startsWith('#')) return;
  into.push({ line, lineNo });
}
