// The warning a share gives when a file name's bidi controls were replaced in its object key.
import type { LinkWarning } from '../expiry/link-warning.js';
import { describeBidiControls, hasBidiControls } from './bidi-controls.js';
import { escapeForTerminal } from './escape-for-terminal.js';

/**
 * The warning for a file name whose bidi controls were replaced in its object key
 * (renderKeyTemplate does the replacing), or undefined when it had none. With
 * `replacedIn: 'download name'` (a link to an existing object, whose key cannot change): they were
 * replaced in the name the file is saved under, and `key` is that cleaned download name.
 */
export function bidiNameWarning(
  name: string,
  key: string,
  replacedIn: 'key' | 'download name' = 'key',
): LinkWarning | undefined {
  if (!hasBidiControls(name)) return undefined;
  const where =
    replacedIn === 'key'
      ? `they were replaced by "_" in the key ${escapeForTerminal(key)}`
      : `the object key keeps them, but the link saves the file as "${escapeForTerminal(key)}"`;
  return {
    code: 'NAME_BIDI_REPLACED',
    message: `The file name "${escapeForTerminal(name)}" contains invisible characters (${describeBidiControls(name)}) that reverse how the text around them is shown, so it could pose as another file type; ${where}.`,
  };
}
