// File helpers for every store Signet keeps on disk (history, profiles, approvals): one
// cross-process lock, one atomic write, a private-folder check and symlink-refusing opens. Stores import these instead of writing files by hand.
export { withFileLock, type FileLockOptions } from './file-lock.js';
export { writeFileAtomic } from './write-file-atomic.js';
export { ensurePrivateDir, type PrivateDirOptions } from './private-dir.js';
export { openNoFollow, readFileNoFollow } from './open-no-follow.js';
export { diskFullError, isDiskFull } from './disk-full.js';
