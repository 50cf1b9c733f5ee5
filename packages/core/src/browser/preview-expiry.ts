import { parseExpiry } from './parse-expiry.js';
import { isSignetError } from './errors.js';

/**
 * When a link asked for with `text` (a duration or a date-time) would expire, for a preview next
 * to the input: the very parser the signing uses, so the preview accepts exactly what signing
 * accepts. Undefined when the text would be refused. (The signer has the last word: it also
 * knows the credentials' expiry and the link kind's maximum.)
 */
export function previewExpiry(text: string, now: Date | number = Date.now()): Date | undefined {
  try {
    return parseExpiry(text, new Date(now));
  } catch (e) {
    if (isSignetError(e)) return undefined;
    throw e;
  }
}
