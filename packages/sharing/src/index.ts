// @signet/sharing public API.
export {};
