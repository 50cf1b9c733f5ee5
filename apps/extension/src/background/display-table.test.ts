// The extension says durations and time left exactly as the desktop and the CLI do: the shared
// display table, through the functions the notifications and the popup call.
import { EXPIRY_PRESETS } from '@signet/core/browser';
import { describe, expect, it } from 'vitest';
import { DURATION_CASES } from '../../../../scripts/test-support/display-cases.js';
import { describeDuration } from './describe-outcome.js';

describe('extension durations (the shared display table)', () => {
  it.each(DURATION_CASES.filter(([s]) => s > 0))('%s s: %s', (seconds, text) => {
    expect(describeDuration(seconds * 1000)).toBe(text);
  });
  it('an expired link says so', () => expect(describeDuration(-1)).toBe('already expired'));
  it('offers the same expiry presets as the desktop', () => {
    expect(EXPIRY_PRESETS.map((p) => p.expires)).toEqual(['15m', '1h', '1d', '7d']);
  });
});
