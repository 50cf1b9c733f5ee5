// The error code a call throws: a SignetError's stable code, a marker for any other error,
// undefined when it does not throw. Lets table tests say "this input → this code".
import { isSignetError } from '../../packages/core/src/errors.js';

export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return isSignetError(err) ? err.code : `not a SignetError: ${String(err)}`;
  }
  return undefined;
}
