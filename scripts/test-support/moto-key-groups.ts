// moto 5.2 implements CreateKeyGroup / GetKeyGroup / ListKeyGroups but not UpdateKeyGroup or
// DeleteKeyGroup (it answers 500). Key rotation needs both, so tests that rotate put this small
// HTTP front in front of moto: those two operations — and GetKeyGroup of a group they changed —
// are answered here in the XML shape AWS's CloudFront API reference documents (KeyGroup,
// ETag header, If-Match checked: 412 PreconditionFailed on a stale ETag, 404 NoSuchResource);
// every other request goes to moto unchanged. Tests that use it say so in their names.
import { randomBytes } from 'node:crypto';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Group {
  name: string;
  items: string[];
  comment?: string;
  etag: string;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tag = (body: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];

function keyGroupXml(id: string, g: Group): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<KeyGroup xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">` +
    `<Id>${id}</Id><LastModifiedTime>${new Date().toISOString()}</LastModifiedTime><KeyGroupConfig>` +
    `<Name>${xmlEscape(g.name)}</Name><Items>${g.items.map((k) => `<PublicKey>${k}</PublicKey>`).join('')}</Items>` +
    (g.comment ? `<Comment>${xmlEscape(g.comment)}</Comment>` : '') +
    `</KeyGroupConfig></KeyGroup>`
  );
}

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0"?>\n<ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomBytes(8).toString('hex')}</RequestId></ErrorResponse>`;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

export interface KeyGroupFront {
  endpoint: string;
  env: { AWS_ENDPOINT_URL_CLOUDFRONT: string; AWS_ENDPOINT_URL_STS: string };
  close(): Promise<void>;
}

export async function startKeyGroupFront(motoEndpoint: string): Promise<KeyGroupFront> {
  const moto = new URL(motoEndpoint);
  const changed = new Map<string, Group | 'deleted'>();

  const forward = (req: IncomingMessage, res: ServerResponse, body?: string) => {
    const up = request(
      { host: moto.hostname, port: moto.port, method: req.method, path: req.url, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    if (body !== undefined) up.end(body);
    else req.pipe(up);
  };

  /** The group as moto has it (for the first change), with its ETag. */
  const fromMoto = (id: string, headers: IncomingMessage['headers']) =>
    new Promise<Group | undefined>((resolve) => {
      const r = request(
        {
          host: moto.hostname,
          port: moto.port,
          method: 'GET',
          path: `/2020-05-31/key-group/${id}`,
          headers: { authorization: headers.authorization ?? '', host: headers.host ?? '' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) return resolve(undefined);
            const items = [...body.matchAll(/<PublicKey>([^<]*)<\/PublicKey>/g)].map((m) => m[1]!);
            const comment = tag(body, 'Comment');
            resolve({
              name: tag(body, 'Name') ?? '',
              items,
              ...(comment ? { comment } : {}),
              etag: String(res.headers.etag ?? ''),
            });
          });
        },
      );
      r.on('error', () => resolve(undefined));
      r.end();
    });

  const server = createServer((req, res) => {
    void (async () => {
      const m = /^\/2020-05-31\/key-group\/([^/?]+)$/.exec(req.url ?? '');
      const id = m?.[1];
      if (!id) return forward(req, res);
      const known = changed.get(id);
      const send = (status: number, body: string, etag?: string) => {
        res.writeHead(status, { 'content-type': 'text/xml', ...(etag ? { etag } : {}) });
        res.end(body);
      };
      if (req.method === 'GET') {
        if (known === undefined) return forward(req, res);
        if (known === 'deleted')
          return send(404, errorXml('NoSuchResource', 'The specified key group does not exist.'));
        return send(200, keyGroupXml(id, known), known.etag);
      }
      if (req.method !== 'PUT' && req.method !== 'DELETE') return forward(req, res);
      const body = await readBody(req);
      const current = known === undefined ? await fromMoto(id, req.headers) : known === 'deleted' ? undefined : known;
      if (!current) return send(404, errorXml('NoSuchResource', 'The specified key group does not exist.'));
      if (req.headers['if-match'] !== current.etag)
        return send(
          412,
          errorXml(
            'PreconditionFailed',
            'The precondition given in one or more of the request-header fields evaluated to false.',
          ),
        );
      if (req.method === 'DELETE') {
        changed.set(id, 'deleted');
        res.writeHead(204);
        return res.end();
      }
      const items = [...body.matchAll(/<PublicKey>([^<]*)<\/PublicKey>/g)].map((x) => x[1]!);
      const comment = tag(body, 'Comment');
      const next: Group = {
        name: tag(body, 'Name') ?? current.name,
        items,
        ...(comment ? { comment } : {}),
        etag: randomBytes(7).toString('hex').toUpperCase(),
      };
      changed.set(id, next);
      send(200, keyGroupXml(id, next), next.etag);
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    env: { AWS_ENDPOINT_URL_CLOUDFRONT: endpoint, AWS_ENDPOINT_URL_STS: motoEndpoint },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
