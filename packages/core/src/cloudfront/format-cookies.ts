import type { SignedCookies } from './create-cloudfront-signer.js';

export interface SetCookieOptions {
  /** The distribution or alternate domain the cookies are for, e.g. d111111abcdef8.cloudfront.net. */
  domain: string;
  /** Cookie path (default `/`). */
  path?: string | undefined;
}

/** `Set-Cookie` header values (Secure, HttpOnly, SameSite=Lax, Expires at the policy's end). */
export function formatSetCookieLines(c: SignedCookies, o: SetCookieOptions): string[] {
  const attrs = `; Domain=${o.domain}; Path=${o.path ?? '/'}; Expires=${c.expiresAt.toUTCString()}; Secure; HttpOnly; SameSite=Lax`;
  return Object.entries(c.cookies).map(([name, value]) => `Set-Cookie: ${name}=${value}${attrs}`);
}

/** A `Cookie:` request header carrying the cookies, e.g. for curl -H. */
export function formatCookieHeader(c: SignedCookies): string {
  return `Cookie: ${Object.entries(c.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ')}`;
}
