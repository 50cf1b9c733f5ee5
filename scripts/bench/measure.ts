// Tiny benchmark helpers. Speed is reported as ratios against a baseline measured in the
// same run (never as absolute thresholds): shared machines drift, ratios much less.
import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  /** Mean time per operation, in microseconds. */
  usPerOp: number;
  ops: number;
}

/**
 * Runs `fn` in batches until `minMs` have passed (after a warm-up), and reports the mean
 * cost per call. `fn` may be sync or async; async calls are awaited one by one unless
 * `concurrency` > 1.
 */
export async function measure(
  name: string,
  fn: () => unknown,
  { minMs = 1500, warmupMs = 300, batch = 100 }: { minMs?: number; warmupMs?: number; batch?: number } = {},
): Promise<Measurement> {
  const runFor = async (ms: number): Promise<[number, number]> => {
    let ops = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < ms) {
      for (let i = 0; i < batch; i++) {
        const r = fn();
        if (r instanceof Promise) await r;
      }
      ops += batch;
      t = performance.now();
    }
    return [ops, t - t0];
  };
  await runFor(warmupMs);
  const [ops, elapsed] = await runFor(minMs);
  return { name, usPerOp: (elapsed * 1000) / ops, ops };
}

/** One row of a benchmark report: `subject` relative to `baseline`, with the goal it should meet. */
export interface RatioRow {
  subject: Measurement;
  baseline: Measurement;
  /** subject/baseline time ratio (lower is faster). */
  ratio: number;
  goal: string;
  pass: boolean;
}

export function ratio(
  subject: Measurement,
  baseline: Measurement,
  goal: string,
  pass: (r: number) => boolean,
): RatioRow {
  const r = subject.usPerOp / baseline.usPerOp;
  return { subject, baseline, ratio: r, goal, pass: pass(r) };
}

export function printRows(title: string, rows: RatioRow[]): void {
  console.log(`\n## ${title}`);
  for (const row of rows) {
    console.log(
      `${row.pass ? 'PASS' : 'MISS'}  ${row.subject.name}: ${row.subject.usPerOp.toFixed(2)} µs/op  vs  ${row.baseline.name}: ${row.baseline.usPerOp.toFixed(2)} µs/op  → ratio ${row.ratio.toFixed(3)}  (goal: ${row.goal})`,
    );
  }
}
