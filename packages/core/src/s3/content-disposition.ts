import { SignetError } from '../errors.js';
import { describeBidiControls, hasBidiControls } from '../names/bidi-controls.js';
import { escapeForTerminal } from '../names/escape-for-terminal.js';

const ASCII_SAFE = /^[\x20-\x7e]*$/;

/**
 * A Content-Disposition value for a download name (RFC 6266): an ASCII `filename="…"`
 * fallback that every client understands, plus `filename*=UTF-8''…` (RFC 5987) when the name
 * is not plain ASCII, so "Bericht Größe.pdf" arrives intact where supported.
 */
export function formatContentDisposition(fileName: string, disposition: 'inline' | 'attachment'): string {
  const name = fileName.replace(/[\r\n\t]/g, ' ').trim();
  if (!name)
    throw new SignetError(
      'OPTION_INVALID',
      'The download name is empty. Give a file name such as report.pdf, or leave the option out.',
    );
  // A download name is given on purpose (by the user, or by a page through the extension): one
  // that would pose as another file type ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf") is refused.
  if (hasBidiControls(name)) {
    throw new SignetError(
      'OPTION_INVALID',
      `The download name "${escapeForTerminal(name)}" contains an invisible character (${describeBidiControls(name)}) that reverses how the name is shown, so the file could look like another type. Remove it and give a plain name, such as invoice.pdf.`,
    );
  }
  if (name.includes('/') || name.includes('\\')) {
    throw new SignetError(
      'OPTION_INVALID',
      `The download name "${name}" contains a path separator. Give just a file name, such as report.pdf.`,
    );
  }
  const fallback = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/gu, '_') // one '_' per character, not per UTF-16 unit
    .replace(/["\\]/g, '_');
  const quoted = `${disposition}; filename="${fallback}"`;
  // `%` too: Chromium percent-decodes %XX in filename=, so "100%25.pdf" would arrive as "100%.pdf";
  // with filename* present it uses that, which is exact.
  if (ASCII_SAFE.test(name) && !/["\\%]/.test(name)) return quoted;
  const extended = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${quoted}; filename*=UTF-8''${extended}`;
}
