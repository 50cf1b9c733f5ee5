import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { payloadHashOf } from './send-file.js';

describe('payloadHashOf', () => {
  const client = (endpoint?: string) =>
    new S3Client({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' },
      ...(endpoint ? { endpoint } : {}),
    });
  it('does not hash bodies sent over TLS: AWS itself and HTTPS endpoints get UNSIGNED-PAYLOAD', async () => {
    expect(await payloadHashOf(client())).toBe('UNSIGNED-PAYLOAD');
    expect(await payloadHashOf(client('https://minio.example.com:9000'))).toBe('UNSIGNED-PAYLOAD');
  });
  it('leaves plain HTTP to the signer, which signs the SHA-256 of every body (checked by the server)', async () => {
    expect(await payloadHashOf(client('http://127.0.0.1:7480'))).toBeUndefined();
  });
});
