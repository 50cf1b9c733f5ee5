// Bidirectional-text controls: invisible characters that reorder how the text around them is
// displayed (Trojan Source, CVE-2021-42574). In a file name or object key they only ever serve to
// make a name read as something else: "invoice\u202Etxt.exe" shows as "invoiceexe.txt".
// U+061C ALM, U+200E LRM, U+200F RLM, U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates.

/** The characters, as the body of a regular-expression character class. */
export const BIDI_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

const BIDI = new RegExp(`[${BIDI_CONTROLS}]`, 'gu');

/** True when `s` contains a bidi control character. */
export function hasBidiControls(s: string): boolean {
  return new RegExp(`[${BIDI_CONTROLS}]`, 'u').test(s);
}

/** `s` with every bidi control character replaced by `replacement` (default "_"). */
export function replaceBidiControls(s: string, replacement = '_'): string {
  return s.replace(BIDI, replacement);
}

/** Words for the bidi controls `s` has, e.g. "U+202E, U+2066". */
export function describeBidiControls(s: string): string {
  return [...new Set(s.match(BIDI) ?? [])]
    .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(', ');
}
