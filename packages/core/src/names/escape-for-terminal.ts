// Names that reach a terminal come from files and keys other people chose (a shared folder, a
// ref a web page sent through the extension). Printed raw, an ANSI escape in one can recolour,
// rewrite or hide earlier output, or set the window title; a bidi override makes
// "invoice\u202Etxt.exe" read as "invoiceexe.txt". This shows every such character as a visible
// escape instead, so what the user reads is what the name is.
import { BIDI_CONTROLS } from './bidi-controls.js';

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

// C0 controls, DEL, C1 controls, and the invisible format characters that reorder text.
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]`, 'gu');

/**
 * `s` with control characters, ANSI escapes and bidi controls shown as `\e`, `\n`, `\x07`,
 * `\u202e`. `keepNewlines`: line breaks stay (for multi-line messages that quote a name).
 */
export function escapeForTerminal(s: string, options: { keepNewlines?: boolean } = {}): string {
  return s.replace(UNSAFE, (c) => {
    if (c === '\n' && options.keepNewlines) return c;
    const named = NAMED[c];
    if (named) return named;
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
