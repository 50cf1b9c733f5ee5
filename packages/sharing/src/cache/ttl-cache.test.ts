import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('keeps a value for the TTL, for the same version only', () => {
    let t = 1000;
    const c = new TtlCache<string>(60_000, () => t);
    c.set('work', 'signer-1', 'v1');
    expect(c.get('work', 'v1')).toBe('signer-1');
    expect(c.get('work', 'v2')).toBeUndefined(); // the profile changed: made again
    c.set('work', 'signer-1', 'v1');
    t += 59_999;
    expect(c.get('work', 'v1')).toBe('signer-1');
    t += 1;
    expect(c.get('work', 'v1')).toBeUndefined(); // a minute old: another process may have changed it
  });

  it('getOrCreate makes a value once per TTL; delete forgets it at once', () => {
    let t = 0;
    const c = new TtlCache<number>(1000, () => t);
    let made = 0;
    const make = () => ++made;
    expect([c.getOrCreate('a', '', make), c.getOrCreate('a', '', make)]).toEqual([1, 1]);
    c.delete('a');
    expect(c.getOrCreate('a', '', make)).toBe(2);
    t = 1000;
    expect(c.getOrCreate('a', '', make)).toBe(3);
    expect(c.getOrCreate('b', '', make)).toBe(4); // keys are separate
  });
});
