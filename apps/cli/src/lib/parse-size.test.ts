import { describe, expect, it } from 'vitest';
import { parseSizeFlag } from './parse-size.js';
import { UsageError } from './usage-error.js';

describe('parseSizeFlag', () => {
  it('bytes, decimal and binary units, any case', () => {
    expect(['2048', '50MiB', '50 mib', '10MB', '1.5GiB', '1kb'].map((t) => parseSizeFlag('--max-size', t))).toEqual([
      2048, 52_428_800, 52_428_800, 10_000_000, 1_610_612_736, 1000,
    ]);
  });

  it('anything else is a usage error naming the flag', () => {
    for (const bad of ['', 'big', '5 TB', '-1', '1e6', '5MiBs'])
      expect(() => parseSizeFlag('--max-size', bad)).toThrow(UsageError);
    expect(() => parseSizeFlag('--max-size', 'big')).toThrow(/^--max-size: "big" is not a size/);
  });
});
