// The warning a share gives when a file name's bidi controls were replaced in its object key.
import type { LinkWarning } from '../expiry/link-warning.js';
import { describeBidiControls, hasBidiControls } from './bidi-controls.js';
import { escapeForTerminal } from './escape-for-terminal.js';

/**
 * The warning for a file name whose bidi controls were replaced in its object key
 * (renderKeyTemplate does the replacing), or undefined when it had none.
 */
export function bidiNameWarning(name: string, key: string): LinkWarning | undefined {
  if (!hasBidiControls(name)) return undefined;
  return {
    code: 'NAME_BIDI_REPLACED',
    message: `The file name "${escapeForTerminal(name)}" contains invisible characters (${describeBidiControls(name)}) that reverse how the text around them is shown, so it could pose as another file type; they were replaced by "_" in the key ${escapeForTerminal(key)}.`,
  };
}
