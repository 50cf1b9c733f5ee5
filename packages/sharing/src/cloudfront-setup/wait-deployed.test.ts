// The one reading of a distribution's deployment that `--wait` and the desktop's "Deploying…"
// share. The real CloudFront client talks to a loopback HTTP server that answers GetDistribution
// in the XML shape AWS's CloudFront API reference documents (Distribution with Id, ARN, Status,
// DomainName, DistributionConfig; an ETag header): InProgress first, then Deployed — the change
// moto (whose default reports Deployed at once) does not show unless told to.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForDeployed } from './wait-deployed.js';

const ID = 'EDFDVBD6EXAMPLE';

const distributionXml = (status: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Distribution xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
  <Id>${ID}</Id>
  <ARN>arn:aws:cloudfront::123456789012:distribution/${ID}</ARN>
  <Status>${status}</Status>
  <LastModifiedTime>2026-12-01T10:00:00.000Z</LastModifiedTime>
  <InProgressInvalidationBatches>0</InProgressInvalidationBatches>
  <DomainName>d111111abcdef8.cloudfront.net</DomainName>
  <ActiveTrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedKeyGroups>
  <DistributionConfig>
    <CallerReference>signet-example</CallerReference>
    <Origins><Quantity>1</Quantity><Items><Origin><Id>s3</Id><DomainName>bucket.s3.us-east-1.amazonaws.com</DomainName></Origin></Items></Origins>
    <DefaultCacheBehavior><TargetOriginId>s3</TargetOriginId><ViewerProtocolPolicy>https-only</ViewerProtocolPolicy></DefaultCacheBehavior>
    <Comment></Comment>
    <Enabled>true</Enabled>
  </DistributionConfig>
</Distribution>`;

describe('waitForDeployed (GetDistribution answered in AWS’s documented shape, over loopback HTTP)', () => {
  let server: Server;
  let cf: CloudFrontClient;
  /** The statuses the next GetDistribution calls answer; the last one repeats. */
  let script: string[] = [];
  const asked: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      const status = script.length > 1 ? script.shift()! : script[0]!;
      res.writeHead(200, { 'content-type': 'text/xml', etag: 'E2QWRUHEXAMPLE' });
      res.end(distributionXml(status));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cf = new CloudFrontClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('polls InProgress → Deployed and reports each status', async () => {
    script = ['InProgress', 'InProgress', 'Deployed'];
    asked.length = 0;
    const seen: string[] = [];
    expect(await waitForDeployed(cf, ID, { intervalMs: 5, onPoll: (s) => seen.push(s) })).toBe(true);
    expect(seen).toEqual(['InProgress', 'InProgress', 'Deployed']);
    expect(asked).toEqual(Array(3).fill(`GET /2020-05-31/distribution/${ID}`));
  });

  it('gives up (false) when the deadline comes first', async () => {
    script = ['InProgress'];
    const seen: string[] = [];
    expect(await waitForDeployed(cf, ID, { intervalMs: 20, timeoutMs: 50, onPoll: (s) => seen.push(s) })).toBe(false);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(new Set(seen)).toEqual(new Set(['InProgress']));
  });
});
