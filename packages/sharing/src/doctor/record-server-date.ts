// The clock check needs the server's time: every AWS answer carries a Date header, which the
// SDK does not return. A deserialize-step middleware keeps the last one.
import type { S3Client } from '@aws-sdk/client-s3';
import type { STSClient } from '@aws-sdk/client-sts';

/** A client whose middleware stack can take a deserialize step (S3Client, STSClient). */
interface WithMiddleware {
  middlewareStack: {
    add(
      mw: (next: (args: unknown) => Promise<{ response: unknown }>) => (args: unknown) => Promise<unknown>,
      options: { step: 'deserialize'; name: string },
    ): void;
  };
}

function recordServerDate(client: WithMiddleware): () => string | undefined {
  let date: string | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const headers = (out.response as { headers?: Record<string, string> } | undefined)?.headers;
      if (headers?.date) date = headers.date;
      return out;
    },
    { step: 'deserialize', name: 'signetServerDate' },
  );
  return () => date;
}

/** The server's Date header of every answer `client` gets (the clock check). */
export function recordStsDate(client: STSClient): () => string | undefined {
  return recordServerDate(client as unknown as WithMiddleware);
}

/** The same for S3 (an S3-compatible server has no STS to ask). */
export function recordS3Date(client: S3Client): () => string | undefined {
  return recordServerDate(client as unknown as WithMiddleware);
}
