import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uriEncode, uriEncodePath } from './uri-encode.js';

describe('uriEncodePath', () => {
  it('equals encoding each segment on its own (the SigV4 definition), for any well-formed key', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."aZ9-_.~/ +%2F&=?#!*'()é😀".split(/(?:)/u)), maxLength: 50 }),
        (key) => {
          expect(uriEncodePath(key)).toBe(key.split('/').map(uriEncode).join('/'));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves unreserved keys alone and encodes the rest in upper-case hex', () => {
    expect(uriEncodePath('a/b-c_d.e~f')).toBe('a/b-c_d.e~f');
    expect(uriEncodePath("a b/%2F/(x)!*'")).toBe('a%20b/%252F/%28x%29%21%2A%27');
  });
});
