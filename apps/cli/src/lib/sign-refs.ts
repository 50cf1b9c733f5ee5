// The loop behind `signet link ref…` and `signet link -`: signs every reference, writes one
// line (or JSON record) per reference, reports each failure with its line number (or the
// reference), and counts truly. Only an error that affects every reference (no credentials,
// an unreadable CloudFront key) stops the run, and then the summary says how much was not tried.
import type { SignedLink } from '@signet/core';
import type { BatchedOutput } from './batched-output.js';
import { debugDetail, describeError } from './describe-error.js';
import type { InputLine } from './read-lines.js';
import { UsageError } from './usage-error.js';

export interface SignRefsOptions {
  sign: (ref: string) => Promise<SignedLink>;
  /** True when `err` affects every reference: report it once, stop, count the rest as not tried. */
  stopsAll: (err: unknown) => boolean;
  out: BatchedOutput;
  json: boolean;
  /** Called for each link made (warnings, upload headers). */
  /** `where()` is the line (or reference) label for messages about this link, e.g. `line 7: `. */
  onLink: (link: SignedLink, where: () => string) => void;
  /** Where failures and the summary go (stderr). */
  report: (text: string) => void;
  /** Before a batch's links are written out (the profile path records them in the history first). */
  beforeOutput?: () => Promise<void>;
}

export interface SignRefsResult {
  signed: number;
  failed: number;
  /** The first error, for a single reference's exit code. */
  firstError?: unknown;
  stopped: boolean;
}

/** Input lines from stdin (`fromStdin`: labelled and recorded with their line numbers) or the arguments. */
export async function signRefs(
  batches: AsyncIterable<InputLine[]> | Iterable<InputLine[]>,
  fromStdin: boolean,
  o: SignRefsOptions,
): Promise<SignRefsResult> {
  let signed = 0;
  let failed = 0;
  let firstError: unknown;
  const failedLines: number[] = [];
  let stoppedAt: InputLine | undefined;
  let notTried = 0;
  let total = 0;

  for await (const batch of batches) {
    if (stoppedAt) {
      notTried += batch.length;
      continue;
    }
    total += batch.length;
    for (let i = 0; i < batch.length; i++) {
      const { line, lineNo } = batch[i]!;
      let link: SignedLink;
      try {
        link = await o.sign(line);
      } catch (err) {
        if (err instanceof UsageError) throw err;
        failed++;
        firstError ??= err;
        failedLines.push(lineNo);
        const label = fromStdin ? `line ${lineNo}: ` : total > 1 ? `${line}: ` : '';
        o.report(`${label}${describeError(err)}`);
        const dbg = debugDetail(err);
        if (dbg) o.report(dbg);
        if (o.json) o.out.line(JSON.stringify({ ref: line, ...lineField(fromStdin, lineNo), error: errorRecord(err) }));
        if (o.stopsAll(err)) {
          stoppedAt = batch[i];
          notTried += batch.length - i - 1;
          break;
        }
        continue;
      }
      signed++;
      o.out.line(o.json ? jsonRecord(line, fromStdin, lineNo, link) : link.url);
      // A label only when a message needs it: the bulk hot path builds no string per line.
      o.onLink(link, () => (fromStdin ? `line ${lineNo}: ` : total > 1 ? `${line}: ` : ''));
    }
    await o.beforeOutput?.();
    await o.out.flush();
  }
  await o.beforeOutput?.();
  await o.out.flush();

  const many = fromStdin || total + notTried > 1;
  if (stoppedAt && many) {
    const where = fromStdin ? `line ${stoppedAt.lineNo}` : stoppedAt.line;
    const rest = `${notTried} ${fromStdin ? 'line' : 'reference'}${notTried === 1 ? '' : 's'} not tried`;
    o.report(`stopped at ${where}: this affects every reference; ${signed} signed, ${rest}.`);
  } else if (failed > 0 && many) {
    const lines = fromStdin
      ? ` (line${failed === 1 ? '' : 's'} ${failedLines.slice(0, 10).join(', ')}${failed > 10 ? ', …' : ''})`
      : '';
    o.report(`${signed} of ${total} references signed, ${failed} could not be signed${lines}.`);
  }
  return { signed, failed, firstError, stopped: stoppedAt !== undefined };
}

const lineField = (fromStdin: boolean, lineNo: number) => (fromStdin ? { line: lineNo } : {});

function jsonRecord(ref: string, fromStdin: boolean, lineNo: number, link: SignedLink): string {
  return JSON.stringify({
    ref,
    ...lineField(fromStdin, lineNo),
    url: link.url,
    method: link.method,
    expiresAt: link.expiresAt.toISOString(),
    effectiveExpiresAt: link.effectiveExpiresAt.toISOString(),
    warnings: link.warnings,
    ...(link.headers ? { headers: link.headers } : {}),
  });
}

function errorRecord(err: unknown): { code: string; message: string } {
  const code = (err as { code?: unknown }).code;
  return { code: typeof code === 'string' ? code : 'ERROR', message: describeError(err) };
}
