// Link checks in plain words.
export { checkLink, type CheckLinkOptions } from './check-link.js';
export { classifyLinkReply, describeLinkStatus, linkWindow, type LinkReply } from './classify-link-reply.js';
