// @signet/protocol public API.
export {};
