// Fetches a link once and says in plain words whether it works and, if not, why (the S3 or
// CloudFront error code in the body, the status, and the server's clock for skew).
// GET links: a 1-byte range GET, not HEAD — a presigned GET signature does not cover HEAD, and
// HEAD answers carry no error body to read. PUT links: "Expect: 100-continue" with no body sent:
// S3 checks the signature before it says "continue", so the link is tested and nothing uploaded.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LinkCheckResult } from '../api.js';
import { classifyLinkReply, describeLinkStatus, type LinkReply } from './classify-link-reply.js';

export interface CheckLinkOptions {
  /** The method the link was signed for (default GET). */
  method?: 'GET' | 'PUT';
  /** The local clock (tests fix it). */
  now?: Date;
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Headers the link was signed with and a client must send (a PUT link's Content-Type). */
  headers?: Record<string, string>;
}

const MAX_BODY = 16 * 1024;

class Unreachable extends Error {}

/** Checks a link and classifies the answer. Never throws for a network problem: that is a result. */
export async function checkLink(url: string, options: CheckLinkOptions = {}): Promise<LinkCheckResult> {
  const now = options.now ?? new Date();
  let parsed: URL;
  try {
    parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme');
  } catch {
    return { status: 'unexpected', ok: false, message: 'This is not an http(s) link, so it cannot be checked.' };
  }
  const method = options.method ?? 'GET';
  const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  if (method === 'PUT') {
    // A header the signature covers but we were not given would fail the check for nothing.
    const signed = (parsed.searchParams.get('X-Amz-SignedHeaders') ?? '').split(';').filter((h) => h && h !== 'host');
    const missing = signed.filter((h) => !(h in headers));
    if (missing.length > 0) {
      return {
        status: 'unexpected',
        ok: false,
        message: `This upload link was signed for the header(s) ${missing.join(', ')}; it can only be checked with them (the uploader must send them too).`,
      };
    }
  }
  let reply: LinkReply;
  try {
    reply = await send(parsed, method, headers, options.timeoutMs ?? 10_000);
  } catch (e) {
    const message = e instanceof Unreachable ? e.message : `${describeLinkStatus('unreachable')}`;
    return { status: 'unreachable', ok: false, message };
  }
  if (reply.status === 0) {
    return {
      status: 'unexpected',
      ok: false,
      message:
        'The server did not judge the upload link without a file (it ignores "Expect: 100-continue"), so it could not be checked without uploading. Nothing was uploaded.',
    };
  }
  const c = classifyLinkReply(parsed, reply, now);
  const result: LinkCheckResult = {
    status: c.status,
    ok: c.status === 'ok',
    httpStatus: reply.status,
    message: c.message,
  };
  if (c.clockSkewMs !== undefined) result.clockSkewMs = c.clockSkewMs;
  if (method === 'PUT' && c.status === 'ok')
    result.message = 'The upload link works: the server accepted its signature (checked without uploading anything).';
  return result;
}

function send(url: URL, method: 'GET' | 'PUT', extra: Record<string, string>, timeoutMs: number): Promise<LinkReply> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> =
    method === 'GET' ? { range: 'bytes=0-0', ...extra } : { ...extra, 'content-length': '1', expect: '100-continue' };
  return new Promise<LinkReply>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      req.destroy();
    };
    const req = request(url, { method, headers });
    const timer = setTimeout(
      () =>
        finish(() =>
          method === 'PUT'
            ? // The server waits for a body instead of judging the headers: nothing was uploaded.
              resolve({ status: 0, body: '' })
            : reject(
                new Unreachable(
                  `The server ${url.host} did not answer within ${timeoutMs < 1000 ? (timeoutMs / 1000).toFixed(1) : Math.round(timeoutMs / 1000)} s. Check the network and the endpoint.`,
                ),
              ),
        ),
      timeoutMs,
    );
    req.on('continue', () => finish(() => resolve({ status: 100, body: '' })));
    req.on('response', (res) => {
      const date = dateOf(res.headers);
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish(() => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), date }));
      if ((res.statusCode ?? 0) < 300) return done(); // a working link: do not read the object
      res.on('data', (d: Buffer) => {
        chunks.push(d);
        size += d.length;
        if (size >= MAX_BODY) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.on('error', (e: NodeJS.ErrnoException) => finish(() => reject(new Unreachable(describeNetworkError(url, e)))));
    if (method === 'GET') req.end();
    else req.flushHeaders(); // send the headers, keep the body back until "100 Continue"
  });
}

function dateOf(h: IncomingHttpHeaders): string | null {
  return typeof h.date === 'string' ? h.date : null;
}

function describeNetworkError(url: URL, e: NodeJS.ErrnoException): string {
  const host = url.host;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `${host} refused the connection: nothing listens there. Check the endpoint (host and port) and that the server is running.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The name ${url.hostname} does not resolve. Check the endpoint or CloudFront domain, and the network.`;
    case 'ECONNRESET':
      return `${host} closed the connection. Check the endpoint and any proxy or firewall in between.`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The TLS certificate of ${host} is not trusted (${e.code}). Check the endpoint's certificate.`;
    default:
      return `${host} could not be reached (${e.code ?? 'network error'}). Check the network and the endpoint.`;
  }
}
