// Link checks in plain words.
export { checkLink, type CheckLinkOptions } from './check-link.js';
