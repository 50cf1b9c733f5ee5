// runPlan: done steps are skipped; a failure undoes, newest first, only what this run applied,
// and lists what could not be undone.
import { describe, expect, it } from 'vitest';
import { formatPlan, runPlan, type PlanStep } from './plan.js';

function step(
  id: string,
  log: string[],
  o: { done?: boolean; fail?: boolean; undoFails?: boolean; left?: string } = {},
): PlanStep {
  return {
    id,
    ...(o.done ? { done: true } : {}),
    describe: () => `step ${id}`,
    calls: () => [`svc:Call${id}`],
    apply: async () => {
      log.push(`apply ${id}`);
      if (o.fail) throw Object.assign(new Error('boom'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } });
    },
    undo: async () => {
      log.push(`undo ${id}`);
      if (o.undoFails) throw new Error('gone');
      return o.left;
    },
  };
}

describe('runPlan', () => {
  it('applies in order and skips done steps', async () => {
    const log: string[] = [];
    const r = await runPlan([step('a', log), step('b', log, { done: true }), step('c', log)]);
    expect(r).toEqual({ ok: true, applied: ['a', 'c'], undone: [], left: [] });
    expect(log).toEqual(['apply a', 'apply c']);
  });
  it('a failure undoes newest first, never a done step, and reports what is left', async () => {
    const log: string[] = [];
    const r = await runPlan([
      step('a', log),
      step('b', log, { undoFails: true }),
      step('c', log, { done: true }),
      step('d', log, { left: 'the keychain still holds the new key' }),
      step('e', log, { fail: true }),
    ]);
    expect(log).toEqual(['apply a', 'apply b', 'apply d', 'apply e', 'undo d', 'undo b', 'undo a']);
    expect(r.ok).toBe(false);
    expect(r.failed?.step).toBe('e');
    expect(r.undone).toEqual(['a']);
    expect(r.left).toEqual(['the keychain still holds the new key', 'step b — could not be undone (error)']);
  });
  it('formatPlan numbers every step and lists calls only for steps that will run', () => {
    const text = formatPlan([step('a', []), step('b', [], { done: true })]);
    expect(text).toBe('1. step a\n     svc:Calla\n2. [already done] step b');
  });
});
