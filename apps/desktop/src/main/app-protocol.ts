// The renderer is served from signet-app://renderer/, a privileged custom scheme, not file://.
// With file:// every local file shares one origin with the app: a script or page anywhere on
// disk counts as 'self' under the CSP and as "the Signet window" to a URL check, and the
// renderer may read other local files. Here the only thing served is the built renderer
// folder, with the CSP on every answer; anything else under the scheme is a 404.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export const APP_SCHEME = 'signet-app';
const APP_ORIGIN = `${APP_SCHEME}://renderer`;
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The file under `root` a signet-app:// URL names, or undefined: another host, an encoded
 * `..`, a backslash or NUL trick, or anything that would leave `root`.
 */
export function resolveAppAsset(url: string, root: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== 'renderer') return undefined;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const rel = normalize(path === '/' ? '/index.html' : path).replace(/^[/\\]+/, '');
  const file = join(root, rel);
  return file.startsWith(root.endsWith(sep) ? root : root + sep) && !rel.split(/[/\\]/).includes('..')
    ? file
    : undefined;
}

/** The answer for one request: the file with its type and the CSP, or a 404. */
export async function serveAppAsset(url: string, root: string): Promise<Response> {
  const file = resolveAppAsset(url, root);
  const body = file ? await readFile(file).catch(() => undefined) : undefined;
  if (!file || !body) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
    },
  });
}
