import { describe, expect, it } from 'vitest';
import { choosePartSize, MAX_PARTS, MIN_PART_SIZE } from './part-size.js';
import { PART_MEMORY_BUDGET, partsInFlight } from './send-file.js';

describe('choosePartSize', () => {
  it('uses the preferred size for ordinary files and never goes below S3’s 5 MiB minimum', () => {
    expect(choosePartSize(100 * 2 ** 20)).toBe(8 * 2 ** 20);
    expect(choosePartSize(1, 1024)).toBe(MIN_PART_SIZE);
  });
  it('grows the part size so any file up to 5 TiB fits in 10,000 parts', () => {
    for (const size of [2 ** 30, 200 * 2 ** 30, 5 * 2 ** 40]) {
      const part = choosePartSize(size);
      expect(Math.ceil(size / part)).toBeLessThanOrEqual(MAX_PARTS);
      expect(part % 2 ** 20).toBe(0);
    }
    expect(choosePartSize(5 * 2 ** 40)).toBeLessThanOrEqual(5 * 2 ** 30); // S3's part maximum
  });
});

describe('partsInFlight', () => {
  const MiB = 2 ** 20;
  it('keeps the preferred parallelism for ordinary parts', () => {
    expect(partsInFlight(8 * MiB, 10)).toBe(10);
    expect(partsInFlight(5 * MiB, 4)).toBe(4);
  });
  it('sends fewer parts at once when parts are huge, so memory stays within the budget', () => {
    // A 1 TiB file has 105 MiB parts: 10 of them would hold over 1 GiB in memory.
    const part = choosePartSize(2 ** 40);
    expect(partsInFlight(part, 10) * part).toBeLessThanOrEqual(PART_MEMORY_BUDGET);
    expect(partsInFlight(part, 10)).toBe(2);
  });
  it('always sends at least one part, even one larger than the budget (5 TiB file)', () => {
    expect(partsInFlight(choosePartSize(5 * 2 ** 40), 10)).toBe(1);
  });
});
