// Link history: an append-only journal safe for several writers.
export { LinkHistory, type HistoryState, type LinkUrlVault } from './link-history.js';
export { withFileLock } from './file-lock.js';
