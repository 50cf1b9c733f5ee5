import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSignetError } from '../errors.js';
import { formatContentDisposition } from './content-disposition.js';

/** What an RFC 6266 client does with filename*: percent-decode the UTF-8 value. */
function decodeExtended(header: string): string | undefined {
  const m = /filename\*=UTF-8''([^;]+)$/.exec(header);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

describe('formatContentDisposition', () => {
  it('plain ASCII names get a quoted filename only', () => {
    expect(formatContentDisposition('report 2026;final.pdf', 'attachment')).toBe(
      'attachment; filename="report 2026;final.pdf"',
    );
    expect(formatContentDisposition('a.txt', 'inline')).toBe('inline; filename="a.txt"');
  });

  it('non-ASCII names get an ASCII fallback plus filename* (RFC 5987)', () => {
    expect(formatContentDisposition('Größe Bericht.pdf', 'attachment')).toBe(
      `attachment; filename="Gro_e Bericht.pdf"; filename*=UTF-8''Gr%C3%B6%C3%9Fe%20Bericht.pdf`,
    );
    expect(formatContentDisposition('日本 😀.txt', 'inline')).toBe(
      `inline; filename="__ _.txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%20%F0%9F%98%80.txt`,
    );
  });

  it('a name with % also gets filename* (Chromium percent-decodes %XX in filename=, so "100%25.pdf" would save as "100%.pdf")', () => {
    expect(formatContentDisposition('100%25 done.pdf', 'attachment')).toBe(
      `attachment; filename="100%25 done.pdf"; filename*=UTF-8''100%2525%20done.pdf`,
    );
    expect(decodeExtended(formatContentDisposition('50% off.txt', 'inline'))).toBe('50% off.txt');
  });

  it('quotes and parentheses never break the header', () => {
    expect(formatContentDisposition(`it's "big" (1)*.pdf`, 'attachment')).toBe(
      `attachment; filename="it's _big_ (1)*.pdf"; filename*=UTF-8''it%27s%20%22big%22%20%281%29%2A.pdf`,
    );
  });

  it('any name yields a one-line header whose filename* decodes back to the name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (raw) => {
        const name = raw.replace(/[/\\\r\n\t]/g, 'x').trim();
        if (!name) return;
        const h = formatContentDisposition(name, 'attachment');
        expect(h).not.toMatch(/[\r\n]/);
        expect(h).toMatch(/^attachment; filename="[\x20-\x7e]*"/);
        expect(decodeExtended(h) ?? /filename="(.*)"$/.exec(h)![1]).toBe(name);
      }),
    );
  });

  it.each([[''], ['   '], ['../x.pdf'], ['a\\b.pdf']])('refuses %j with OPTION_INVALID', (name) => {
    let err: unknown;
    try {
      formatContentDisposition(name, 'attachment');
    } catch (e) {
      err = e;
    }
    expect(isSignetError(err, 'OPTION_INVALID')).toBe(true);
  });

  it('turns line breaks into spaces instead of letting them split the header', () => {
    expect(formatContentDisposition('a\r\nb.pdf', 'attachment')).toBe('attachment; filename="a  b.pdf"');
  });
});
