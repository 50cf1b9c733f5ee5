// The doctor's CloudFront checks on AWS's documented answers, for what moto 5.2 cannot show:
// an origin with an OriginAccessControlId (moto drops it), a behaviour using a cache policy
// (moto has no cache policies), and a legacy origin access identity. The XML below is the
// GetDistribution / GetCachePolicy shape of the CloudFront API reference (2020-05-31), served
// from a local HTTP server so the real SDK parses it — canned answers, not CloudFront.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudFrontClient, GetCachePolicyCommand } from '@aws-sdk/client-cloudfront';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDistribution } from '../cloudfront-setup/cloudfront-lookup.js';
import {
  checkBucketPolicyForDistribution,
  checkDownloadNames,
  checkOriginAccess,
  checkSignedLinksRequired,
  checkSigningKey,
  checkUploads,
} from './cloudfront-checks.js';

const ARN = 'arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE';
const NS = 'xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"';

function distributionXml(origin: string, behaviourExtra: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Distribution ${NS}><Id>EDFDVBD6EXAMPLE</Id><ARN>${ARN}</ARN><Status>Deployed</Status>
<LastModifiedTime>2024-05-01T12:00:00.000Z</LastModifiedTime><InProgressInvalidationBatches>0</InProgressInvalidationBatches>
<DomainName>d111111abcdef8.cloudfront.net</DomainName>
<ActiveTrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedSigners>
<ActiveTrustedKeyGroups><Enabled>true</Enabled><Quantity>1</Quantity><Items><KeyGroup><KeyGroupId>KG1EXAMPLE</KeyGroupId><KeyPairIds><Quantity>1</Quantity><Items><KeyPairId>K2JCJMDEHXQW5F</KeyPairId></Items></KeyPairIds></KeyGroup></Items></ActiveTrustedKeyGroups>
<DistributionConfig><CallerReference>ref</CallerReference><Aliases><Quantity>0</Quantity></Aliases><DefaultRootObject></DefaultRootObject>
<Origins><Quantity>1</Quantity><Items>${origin}</Items></Origins>
<OriginGroups><Quantity>0</Quantity></OriginGroups>
<DefaultCacheBehavior><TargetOriginId>s3-reports</TargetOriginId>
<TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners>
<TrustedKeyGroups><Enabled>true</Enabled><Quantity>1</Quantity><Items><KeyGroup>KG1EXAMPLE</KeyGroup></Items></TrustedKeyGroups>
<ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>
<AllowedMethods><Quantity>7</Quantity><Items><Method>HEAD</Method><Method>DELETE</Method><Method>POST</Method><Method>GET</Method><Method>OPTIONS</Method><Method>PUT</Method><Method>PATCH</Method></Items><CachedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items></CachedMethods></AllowedMethods>
<SmoothStreaming>false</SmoothStreaming><Compress>true</Compress>
<LambdaFunctionAssociations><Quantity>0</Quantity></LambdaFunctionAssociations><FunctionAssociations><Quantity>0</Quantity></FunctionAssociations>
<FieldLevelEncryptionId></FieldLevelEncryptionId>${behaviourExtra}</DefaultCacheBehavior>
<CacheBehaviors><Quantity>0</Quantity></CacheBehaviors><CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses>
<Comment></Comment><PriceClass>PriceClass_All</PriceClass><Enabled>true</Enabled>
<ViewerCertificate><CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate></ViewerCertificate>
<Restrictions><GeoRestriction><RestrictionType>none</RestrictionType><Quantity>0</Quantity></GeoRestriction></Restrictions>
<WebACLId></WebACLId><HttpVersion>http2</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled></DistributionConfig></Distribution>`;
}

const oacOrigin = `<Origin><Id>s3-reports</Id><DomainName>reports.s3.us-east-1.amazonaws.com</DomainName><OriginPath></OriginPath><CustomHeaders><Quantity>0</Quantity></CustomHeaders><S3OriginConfig><OriginAccessIdentity></OriginAccessIdentity></S3OriginConfig><ConnectionAttempts>3</ConnectionAttempts><ConnectionTimeout>10</ConnectionTimeout><OriginShield><Enabled>false</Enabled></OriginShield><OriginAccessControlId>E2QWRUHAPOMQZL</OriginAccessControlId></Origin>`;
const oaiOrigin = `<Origin><Id>s3-reports</Id><DomainName>reports.s3.amazonaws.com</DomainName><OriginPath></OriginPath><CustomHeaders><Quantity>0</Quantity></CustomHeaders><S3OriginConfig><OriginAccessIdentity>origin-access-identity/cloudfront/E15MNIMTCFKK4C</OriginAccessIdentity></S3OriginConfig><OriginAccessControlId></OriginAccessControlId></Origin>`;

// Managed-CachingOptimized, as GetCachePolicy documents it: no query strings in the key.
const cachingOptimized = `<?xml version="1.0" encoding="UTF-8"?>
<CachePolicy ${NS}><Id>658327ea-f89d-4fab-a63d-7e88639e58f6</Id><LastModifiedTime>2020-05-01T00:00:00Z</LastModifiedTime>
<CachePolicyConfig><Comment>Policy with caching enabled. Supports Gzip and Brotli compression.</Comment><Name>Managed-CachingOptimized</Name>
<DefaultTTL>86400</DefaultTTL><MaxTTL>31536000</MaxTTL><MinTTL>1</MinTTL><ParametersInCacheKeyAndForwardedToOrigin>
<EnableAcceptEncodingGzip>true</EnableAcceptEncodingGzip><EnableAcceptEncodingBrotli>true</EnableAcceptEncodingBrotli>
<HeadersConfig><HeaderBehavior>none</HeaderBehavior></HeadersConfig><CookiesConfig><CookieBehavior>none</CookieBehavior></CookiesConfig>
<QueryStringsConfig><QueryStringBehavior>none</QueryStringBehavior></QueryStringsConfig></ParametersInCacheKeyAndForwardedToOrigin></CachePolicyConfig></CachePolicy>`;
const downloadNamesPolicy = cachingOptimized
  .replace('658327ea-f89d-4fab-a63d-7e88639e58f6', 'c0ffee00-0000-4000-8000-000000000001')
  .replace(
    '<QueryStringBehavior>none</QueryStringBehavior>',
    '<QueryStringBehavior>whitelist</QueryStringBehavior><QueryStrings><Quantity>2</Quantity><Items><Name>response-content-disposition</Name><Name>response-content-type</Name></Items></QueryStrings>',
  );

const answers: Record<string, string> = {
  '/2020-05-31/distribution/OAC': distributionXml(
    oacOrigin,
    '<CachePolicyId>658327ea-f89d-4fab-a63d-7e88639e58f6</CachePolicyId>',
  ),
  '/2020-05-31/distribution/OAI': distributionXml(
    oaiOrigin,
    '<CachePolicyId>c0ffee00-0000-4000-8000-000000000001</CachePolicyId>',
  ),
  '/2020-05-31/cache-policy/658327ea-f89d-4fab-a63d-7e88639e58f6': cachingOptimized,
  '/2020-05-31/cache-policy/c0ffee00-0000-4000-8000-000000000001': downloadNamesPolicy,
};
const server = createServer((req, res) => {
  const body = answers[req.url ?? ''];
  res.writeHead(body ? 200 : 404, { 'content-type': 'text/xml', etag: 'E2QWRUHEXAMPLE' });
  res.end(
    body ??
      `<ErrorResponse ${NS}><Error><Type>Sender</Type><Code>NoSuchDistribution</Code><Message>x</Message></Error></ErrorResponse>`,
  );
});
let cf: CloudFrontClient;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cf = new CloudFrontClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
  });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const oacPolicy = JSON.stringify({
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::reports/*',
      Condition: { StringEquals: { 'AWS:SourceArn': ARN } },
    },
  ],
});

describe('doctor checks on AWS-documented answers (canned, parsed by the real SDK)', () => {
  it('an origin access control on the origin is ok; the bucket policy granting this ARN is ok', async () => {
    const d = (await readDistribution(cf, 'OAC'))!;
    expect(d.arn).toBe(ARN);
    expect(checkOriginAccess(d, oacPolicy, 'reports')).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('E2QWRUHAPOMQZL'),
    });
    expect(checkBucketPolicyForDistribution(d, oacPolicy, 'reports', 'hint').status).toBe('ok');
    expect(checkSignedLinksRequired(d, 'hint').status).toBe('ok');
  });

  it('Managed-CachingOptimized forwards no query strings: download names are a problem', async () => {
    const d = (await readDistribution(cf, 'OAC'))!;
    const policy = await cf.send(new GetCachePolicyCommand({ Id: d.config.DefaultCacheBehavior!.CachePolicyId! }));
    const c = checkDownloadNames({
      behavior: d.config.DefaultCacheBehavior,
      cachePolicy: policy.CachePolicy?.CachePolicyConfig?.ParametersInCacheKeyAndForwardedToOrigin?.QueryStringsConfig,
    });
    expect(c.status).toBe('problem');
    expect(c.fix).toMatch(/cache policy/);
  });

  it('a cache policy that whitelists both query strings is ok', async () => {
    const d = (await readDistribution(cf, 'OAI'))!;
    const policy = await cf.send(new GetCachePolicyCommand({ Id: d.config.DefaultCacheBehavior!.CachePolicyId! }));
    const qs = policy.CachePolicy?.CachePolicyConfig?.ParametersInCacheKeyAndForwardedToOrigin?.QueryStringsConfig;
    expect(checkDownloadNames({ behavior: d.config.DefaultCacheBehavior, cachePolicy: qs }).status).toBe('ok');
  });

  it('a legacy OAI the bucket policy does not grant is a problem; granted, it is ok', async () => {
    const d = (await readDistribution(cf, 'OAI'))!;
    expect(checkOriginAccess(d, oacPolicy, 'reports').status).toBe('problem');
    const oaiPolicy = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E15MNIMTCFKK4C' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::reports/*',
        },
      ],
    });
    expect(checkOriginAccess(d, oaiPolicy, 'reports').status).toBe('ok');
  });

  it('a grant for this distribution is ok; grants for other distributions are named', async () => {
    const d = (await readDistribution(cf, 'OAC'))!;
    const both = JSON.parse(oacPolicy) as { Statement: { Condition: unknown }[] };
    both.Statement.push({ ...both.Statement[0]!, Condition: { StringEquals: { 'AWS:SourceArn': `${ARN}OLD` } } });
    const c = checkBucketPolicyForDistribution(d, JSON.stringify(both), 'reports', 'hint');
    expect(c.status).toBe('ok');
    expect(c.detail).toContain(`also lets ${ARN}OLD read it`);
    const onlyOther = JSON.stringify({ Statement: [both.Statement[1]] });
    expect(checkBucketPolicyForDistribution(d, onlyOther, 'reports', 'hint')).toMatchObject({
      status: 'problem',
      detail: expect.stringContaining(`grants CloudFront only for ${ARN}OLD`),
    });
  });

  it('a CloudFront grant without AWS:SourceArn is reported: any distribution could read the bucket', async () => {
    const d = (await readDistribution(cf, 'OAC'))!;
    const open = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::reports/*',
        },
      ],
    });
    expect(checkBucketPolicyForDistribution(d, open, 'reports', 'hint').detail).toMatch(
      /without naming a distribution/,
    );
  });

  it('PUT allowed, uploads expected, but the policy lets CloudFront only read: a problem', async () => {
    const d = (await readDistribution(cf, 'OAC'))!;
    const c = checkUploads({
      behavior: d.config.DefaultCacheBehavior,
      expectUploads: true,
      bucketPolicy: oacPolicy,
      bucket: 'reports',
      distributionArn: ARN,
    });
    expect(c.status).toBe('problem');
    expect(c.detail).toMatch(/s3:PutObject/);
  });

  it('signing key: the keychain key matches another id in the group → set that id', () => {
    const pub = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({
      type: 'spki',
      format: 'pem',
    }) as string;
    const c = checkSigningKey({
      profileId: 'p',
      keyPairId: 'KOLD',
      keychainPublicKey: pub,
      groups: [{ id: 'KG1', name: 'g', keys: [{ id: 'KNEW', encodedKey: pub.replace(/\n/g, '\r\n') }] }],
      setupHint: 'hint',
    });
    expect(c.status).toBe('problem');
    expect(c.fix).toContain('--key-pair-id KNEW');
  });
});

describe('doctor checks on plain data', () => {
  it('bucket region: GetBucketLocation’s "" is us-east-1, "EU" eu-west-1; a mismatch names the fix; "default" is not compared', async () => {
    const { checkBucketRegion, regionOfLocation } = await import('./bucket-region-check.js');
    expect(regionOfLocation('')).toBe('us-east-1');
    expect(regionOfLocation('EU')).toBe('eu-west-1');
    const p = { id: 'work', bucket: 'reports', region: 'us-east-1' };
    expect(checkBucketRegion(p, regionOfLocation(''))).toMatchObject({ status: 'ok' });
    expect(checkBucketRegion(p, 'eu-central-1')).toMatchObject({
      status: 'problem',
      fix: "Set the profile's region to eu-central-1 (signet profile add work --region eu-central-1).",
    });
    expect(checkBucketRegion(p, 'default')).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/not compared/),
    });
  });

  it('a distribution still InProgress, or disabled, is a problem that says to wait / enable', async () => {
    const { checkDistributionState } = await import('./cloudfront-checks.js');
    const [enabled, deployed] = checkDistributionState({
      id: 'E1',
      arn: ARN,
      domain: 'd.cloudfront.net',
      status: 'InProgress',
      enabled: false,
      config: {} as never,
    });
    expect(enabled).toMatchObject({ status: 'problem', fix: expect.stringMatching(/Enable it/) });
    expect(deployed).toMatchObject({ status: 'problem', detail: expect.stringMatching(/InProgress.*5 to 15 minutes/) });
  });
});
