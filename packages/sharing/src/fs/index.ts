// File helpers for every store Signet keeps on disk (history, profiles, approvals): one
// cross-process lock, one atomic write. Stores import these instead of writing files by hand.
export { withFileLock, type FileLockOptions } from './file-lock.js';
export { writeFileAtomic } from './write-file-atomic.js';
