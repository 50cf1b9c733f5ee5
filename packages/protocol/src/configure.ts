// Extension pages run under a CSP without eval; zod's JIT would probe `new Function` and trip it.
import { z } from 'zod';

/** Call once at the start of an extension context before parsing anything. */
export function configureProtocolForExtensions(): void {
  z.config({ jitless: true });
}
