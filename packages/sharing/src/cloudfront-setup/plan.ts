// A set-up as a plan: a list of steps, each able to say what it will do (describe, the API
// calls it makes), to do it (apply) and to take it back (undo). Dry run, idempotence and
// rollback all come from this one structure: a dry run prints the steps; a step that finds its
// work already done is `done` and is neither applied nor undone; a failure undoes, newest
// first, only what this run applied, and reports whatever could not be undone.

export interface PlanStep {
  /** Stable name, for tests and logs (e.g. `create-public-key`). */
  readonly id: string;
  /** What the step does, in words (shown by --dry-run and while running). */
  describe(): string;
  /** The API calls apply() makes, e.g. `cloudfront:CreatePublicKey`, with their key arguments. */
  calls(): string[];
  /** Already in place (found while planning): nothing to apply, nothing to undo. */
  readonly done?: boolean;
  /** Extra text for --dry-run (e.g. the bucket-policy diff). */
  details?(): string | undefined;
  apply(): Promise<void>;
  /** Takes back what apply() did; returns a sentence when something is left behind. */
  undo(): Promise<string | undefined>;
  /** When undo() fails: what is left and how to remove it by hand (default: the description). */
  leftover?(): string;
}

export interface PlanRunResult {
  ok: boolean;
  /** Steps applied, in order (ids). */
  applied: string[];
  /** When a step failed: its id and the error. */
  failed?: { step: string; error: unknown };
  /** Steps undone after the failure (ids, newest first). */
  undone: string[];
  /** What could not be undone, in words (empty when the rollback was clean). */
  left: string[];
}

export interface RunPlanOptions {
  /** Called before each step is applied, and after (with `ok`). */
  onStep?: (event: { step: PlanStep; phase: 'start' | 'done' | 'skip' | 'undo' }) => void;
}

/** Applies the steps in order; on the first failure undoes, newest first, what was applied. */
export async function runPlan(steps: readonly PlanStep[], options: RunPlanOptions = {}): Promise<PlanRunResult> {
  const applied: PlanStep[] = [];
  for (const step of steps) {
    if (step.done) {
      options.onStep?.({ step, phase: 'skip' });
      continue;
    }
    options.onStep?.({ step, phase: 'start' });
    try {
      await step.apply();
    } catch (error) {
      const undone: string[] = [];
      const left: string[] = [];
      for (const s of [...applied].reverse()) {
        options.onStep?.({ step: s, phase: 'undo' });
        try {
          const rest = await s.undo();
          if (rest) left.push(rest);
          else undone.push(s.id);
        } catch (e) {
          left.push(
            s.leftover
              ? `${s.leftover()} (undo failed: ${errorWords(e)})`
              : `${s.describe()} — could not be undone (${errorWords(e)})`,
          );
        }
      }
      return { ok: false, applied: applied.map((s) => s.id), failed: { step: step.id, error }, undone, left };
    }
    applied.push(step);
    options.onStep?.({ step, phase: 'done' });
  }
  return { ok: true, applied: applied.map((s) => s.id), undone: [], left: [] };
}

/** The plan as text: every step (done ones marked), its calls and details. */
export function formatPlan(steps: readonly PlanStep[]): string {
  const lines: string[] = [];
  steps.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.done ? '[already done] ' : ''}${s.describe()}`);
    if (!s.done) for (const c of s.calls()) lines.push(`     ${c}`);
    const d = s.details?.();
    if (d && !s.done) lines.push(...d.split('\n').map((l) => `     ${l}`));
  });
  return lines.join('\n');
}

/** A short, secret-free description of an error for "could not be undone" lines. */
export function errorWords(e: unknown): string {
  const x = e as { name?: unknown; message?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } };
  const status = x?.$metadata?.httpStatusCode;
  const name = typeof x?.name === 'string' && x.name !== 'Error' ? x.name : typeof x?.code === 'string' ? x.code : '';
  if (status !== undefined) return `${name || 'error'}, HTTP ${status}`;
  if (name === 'SharingError' || name === 'SignetError') return String(x.message);
  if (typeof x?.code === 'string') return x.code;
  return name || 'error';
}
