// The reference for Signet's presigner is @aws-sdk/s3-request-presigner (getSignedUrl), with the
// two differences that make Signet's URLs clean: no `x-id` and no `X-Amz-Content-Sha256` in the
// query. With those removed from the SDK's request, both must produce the same URL: same host,
// same path encoding (done here by the SDK's own serializer, independently of uriEncodePath),
// same query, same signature.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createS3Presigner } from './create-s3-presigner.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const keyArb = fc
  .array(fc.constantFrom(...'aZ09 -_.~/+&=?#%!*\'()[]{}$@,;:"é漢😀'.split(/(?:)/u)), { minLength: 1, maxLength: 40 })
  .map((a) => a.join(''))
  .filter((k) => !/(^|\/)\.\.?(\/|$)/.test(k)); // the SDK's URL formatting resolves dot segments

function sdkClient(o: {
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  sessionToken?: string;
}): S3Client {
  const client = new S3Client({
    region: o.region,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    forcePathStyle: o.forcePathStyle ?? false,
    credentials: {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      ...(o.sessionToken ? { sessionToken: o.sessionToken } : {}),
    },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  // What Signet leaves out: the operation marker the SDK adds to every request.
  client.middlewareStack.add(
    (next) => (args) => {
      const req = args.request as { query?: Record<string, unknown> };
      if (req.query) delete req.query['x-id'];
      return next(args);
    },
    { step: 'build', name: 'dropXId' },
  );
  return client;
}

const sortedQuery = (url: URL) => [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('createS3Presigner equals @aws-sdk/s3-request-presigner', () => {
  it('for GET and PUT, any key, overrides, session tokens, AWS and custom endpoints, both styles', async () => {
    await fc.assert(
      fc.asyncProperty(
        keyArb,
        fc.constantFrom<'GET' | 'PUT'>('GET', 'PUT'),
        fc.integer({ min: 1, max: 604_800 }),
        fc.option(fc.constantFrom('report.pdf', 'Größe "final".pdf', '日本 😀.txt'), { nil: undefined }),
        fc.option(fc.constantFrom('application/pdf', 'text/plain; charset=utf-8'), { nil: undefined }),
        fc.option(fc.constantFrom('FQoGZXIvYXdzEJr//token+with/slashes=='), { nil: undefined }),
        fc.constantFrom(
          { region: 'eu-west-1' },
          { region: 'eu-west-1', forcePathStyle: true },
          { region: 'us-east-1', endpoint: 'http://127.0.0.1:7480', forcePathStyle: true },
          { region: 'us-east-1', endpoint: 'https://s3.example.com', forcePathStyle: false },
        ),
        fc.boolean(),
        async (key, method, expiresIn, downloadName, contentType, sessionToken, where, inline) => {
          const bucket = 'my-bucket';
          const mine = createS3Presigner({
            credentials: {
              accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
              secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
              sessionToken,
            },
            ...where,
          }).presignSync({
            bucket,
            key,
            method,
            now: NOW,
            expiresAt: new Date(NOW.getTime() + expiresIn * 1000),
            ...(method === 'GET' ? { downloadName, inline, contentType } : {}),
          });
          const command =
            method === 'GET'
              ? new GetObjectCommand({
                  Bucket: bucket,
                  Key: key,
                  ResponseContentDisposition:
                    new URL(mine.url).searchParams.get('response-content-disposition') ?? undefined,
                  ResponseContentType: contentType,
                })
              : new PutObjectCommand({ Bucket: bucket, Key: key });
          const sdkUrl = await getSignedUrl(sdkClient({ ...where, sessionToken }), command, {
            expiresIn,
            signingDate: NOW,
            unhoistableHeaders: new Set(['x-amz-content-sha256']),
            unsignableHeaders: new Set(['x-amz-content-sha256']),
          });
          const a = new URL(mine.url);
          const b = new URL(sdkUrl);
          expect(a.host).toBe(b.host);
          expect(a.pathname).toBe(b.pathname);
          expect(sortedQuery(a)).toEqual(sortedQuery(b));
        },
      ),
      { numRuns: 150 },
    );
  });
});
