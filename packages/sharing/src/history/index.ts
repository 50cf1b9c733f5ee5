// Link history: an append-only journal safe for several writers.
export { LinkHistory, type HistoryHealth, type HistoryState, type LinkUrlVault } from './link-history.js';
