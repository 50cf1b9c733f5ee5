import { describe, expect, it } from 'vitest';
import { escapeForTerminal, hasBidiControls, replaceBidiControls } from './index.js';

describe('escapeForTerminal', () => {
  it('shows ANSI escapes, OSC title sequences, bells and newlines as visible text', () => {
    // Clear screen, set the window title, ring the bell, then a fake second line.
    const name = '\u001b[2J\u001b]0;pwned\u0007report\nUploaded fake.pdf';
    const shown = escapeForTerminal(name);
    expect(shown).toBe('\\e[2J\\e]0;pwned\\x07report\\nUploaded fake.pdf');
    expect([...shown].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)).toBe(true);
  });

  it('shows C1 controls (CSI 0x9b) and DEL, and bidi overrides, as escapes', () => {
    expect(escapeForTerminal('a\u009b2Jb\u007f')).toBe('a\\x9b2Jb\\x7f');
    expect(escapeForTerminal('invoice\u202Etxt.exe')).toBe('invoice\\u202etxt.exe');
    expect(escapeForTerminal('\u2066x\u2069\u200e\u200f\u061c')).toBe('\\u2066x\\u2069\\u200e\\u200f\\u061c');
  });

  it('leaves ordinary names alone: spaces, unicode, emoji, right-to-left letters', () => {
    for (const s of ['Q3 report #1 (final).pdf', 'Zürich/日本語/😀.png', 'مرحبا.txt', 'a\\b']) {
      expect(escapeForTerminal(s)).toBe(s);
    }
  });
});

describe('bidi controls', () => {
  it('finds and replaces every one (U+202A–202E, U+2066–2069, U+200E/F, U+061C), not RTL letters', () => {
    const all = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    expect([...all].every((c) => hasBidiControls(`a${c}b`))).toBe(true);
    expect(replaceBidiControls(`x${all}y`)).toBe(`x${'_'.repeat(12)}y`);
    expect(hasBidiControls('مرحبا שלום')).toBe(false);
    expect(replaceBidiControls('invoice\u202Etxt.exe')).toBe('invoice_txt.exe');
  });
});
