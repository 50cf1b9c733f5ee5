import { describe, expect, it } from 'vitest';
import { choosePartSize, MAX_PARTS, MIN_PART_SIZE } from './part-size.js';

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
