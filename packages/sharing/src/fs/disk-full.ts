// A full disk (or a used-up quota) while Signet writes one of its files: the user gets a sentence
// that says which file and what to do, never a raw "ENOSPC: no space left on device, write".
import { SharingError } from '../errors.js';

/** True for "no space left" (ENOSPC) and "quota exceeded" (EDQUOT). */
export function isDiskFull(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** DISK_FULL for `what` (e.g. "the link history") in folder `dir`. */
export function diskFullError(what: string, dir: string, cause: unknown): SharingError {
  const quota = (cause as NodeJS.ErrnoException).code === 'EDQUOT';
  return new SharingError(
    'DISK_FULL',
    `The disk is full: Signet could not write ${what} (in ${dir}). Free some space and try again; nothing was changed${quota ? ' (your disk quota is used up)' : ''}.`,
    { cause, details: { dir } },
  );
}
