import { describe, expect, it } from 'vitest';
import { renderKeyTemplate } from '../profile/render-key-template.js';
import { formatContentDisposition } from '../s3/content-disposition.js';
import { bidiNameWarning, escapeForTerminal, hasBidiControls, replaceBidiControls } from './index.js';

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

  it('keepNewlines: line breaks of a multi-line message stay, every other control is escaped', () => {
    expect(escapeForTerminal('line 1\nfile \u001b[2Jx\r', { keepNewlines: true })).toBe('line 1\nfile \\e[2Jx\\r');
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

describe('bidi controls in generated keys and download names', () => {
  const vars = { user: 'ann', now: new Date('2030-01-02T00:00:00Z'), uuid: 'u1' };

  it('a key rendered from "invoice\u202Etxt.exe" has "_" instead, and the share warns with the codes', () => {
    const key = renderKeyTemplate('{uuid}/{name}', { ...vars, name: 'invoice\u202Etxt.exe' });
    expect(key).toBe('u1/invoice_txt.exe');
    expect(renderKeyTemplate('{user}/{stem}.{ext}', { ...vars, user: 'a\u2066b', name: 'x\u200f.pdf' })).toBe(
      'a_b/x_.pdf',
    );
    expect(bidiNameWarning('invoice\u202Etxt.exe', key)).toEqual({
      code: 'NAME_BIDI_REPLACED',
      message: expect.stringMatching(
        /"invoice\\u202etxt\.exe".*U\+202E.*replaced by "_" in the key u1\/invoice_txt\.exe/,
      ),
    });
    expect(bidiNameWarning('plain.pdf', 'u1/plain.pdf')).toBeUndefined();
  });

  it('a download name with a bidi control is refused with what to do; RTL letters are fine', () => {
    expect(() => formatContentDisposition('invoice\u202Efdp.exe', 'attachment')).toThrow(
      expect.objectContaining({
        code: 'OPTION_INVALID',
        message: expect.stringMatching(/"invoice\\u202efdp\.exe".*U\+202E.*Remove it/),
      }),
    );
    expect(formatContentDisposition('مرحبا.pdf', 'inline')).toContain("filename*=UTF-8''");
  });
});
