// Where Signet keeps its config and data (owned by the sharing-state engineer).
export {};
