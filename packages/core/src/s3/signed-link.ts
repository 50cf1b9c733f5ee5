import type { LinkWarning } from '../expiry/index.js';

/** A link ready to hand out, with when it really stops working. */
export interface SignedLink {
  url: string;
  kind: 's3' | 'cloudfront';
  method: 'GET' | 'PUT';
  /** What was asked for. */
  expiresAt: Date;
  /** min(asked, credential expiry, SigV4 cap). */
  effectiveExpiresAt: Date;
  warnings: LinkWarning[];
  /** Headers the client must send with the request (a PUT link's signed Content-Type). */
  headers?: Record<string, string>;
}
