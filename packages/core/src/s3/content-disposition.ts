import { SignetError } from '../errors.js';

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
  if (ASCII_SAFE.test(name) && !/["\\]/.test(name)) return quoted;
  const extended = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${quoted}; filename*=UTF-8''${extended}`;
}
