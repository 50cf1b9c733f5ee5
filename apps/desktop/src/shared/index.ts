// The renderer ⇄ main contract (types and channel names only).
export * from './desktop-api.js';
