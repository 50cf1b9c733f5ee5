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

  it('reports no rate and no ETA in the first second, then the average since the start, smoothed', () => {
    // A 3 MB/s line: the first part lands in the socket buffer at once (2.3 MB after 100 ms), which
    // read as "22.1 MiB/s · 1 second left" when the first sample was taken as the speed.
    let t = 0;
    const m = new ProgressMeter('/f', 30_000_000, () => t);
    t = 100;
    const early = m.update(2_300_000);
    expect(early.loaded).toBe(2_300_000);
    expect(early.rate).toBe(0);
    expect(early.etaSeconds).toBeUndefined();
    t = 600;
    expect(m.update(2_400_000).etaSeconds).toBeUndefined();
    t = 1000;
    const settled = m.update(3_000_000);
    expect(settled.rate).toBeCloseTo(3_000_000, -3);
    expect(settled.etaSeconds).toBeCloseTo(9, 0);
    t = 1050; // another buffered burst: 1 MB in 50 ms does not make it 20 MB/s
    expect(m.update(4_000_000).rate).toBeLessThan(4_000_000);
  });
});
