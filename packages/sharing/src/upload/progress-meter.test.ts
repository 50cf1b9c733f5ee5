import { describe, expect, it } from 'vitest';
import { ProgressMeter } from './progress-meter.js';

const MiB = 2 ** 20;

describe('ProgressMeter', () => {
  it('reports bytes, percent, a rate and an ETA from an injected clock', () => {
    let t = 0;
    const m = new ProgressMeter('/f', 100 * MiB, () => t);
    const first = m.update(0);
    expect(first).toMatchObject({ loaded: 0, total: 100 * MiB, percent: 0, rate: 0 });
    expect(first.etaSeconds).toBeUndefined();
    t = 1000;
    const p = m.update(10 * MiB);
    expect(p.percent).toBeCloseTo(10);
    expect(p.rate).toBeCloseTo(10 * MiB);
    expect(p.etaSeconds).toBeCloseTo(9);
  });

  it('smooths bursts: one fast part does not make the rate jump to the burst speed', () => {
    let t = 0;
    const m = new ProgressMeter('/f', 1000 * MiB, () => t);
    for (let i = 1; i <= 10; i++) {
      t = i * 1000;
      m.update(i * 10 * MiB); // steady 10 MiB/s
    }
    t += 10; // a part lands 10 ms later: 1000 MiB/s for an instant
    const p = m.update(110 * MiB);
    expect(p.rate).toBeGreaterThan(10 * MiB);
    expect(p.rate).toBeLessThan(20 * MiB);
  });

  it('never goes backwards and ends at 100 %, also for an empty file', () => {
    let t = 0;
    const m = new ProgressMeter('/f', 10, () => t);
    t = 5;
    m.update(8);
    expect(m.update(3).loaded).toBe(8);
    expect(m.done()).toMatchObject({ loaded: 10, percent: 100, etaSeconds: 0 });
    expect(new ProgressMeter('/e', 0, () => 0).done()).toMatchObject({ loaded: 0, total: 0, percent: 100 });
  });
});
