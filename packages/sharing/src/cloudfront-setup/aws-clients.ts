// Clients for the CloudFront and STS control planes, made from a profile's credentials.
// CloudFront is a global service signed in us-east-1. AWS_ENDPOINT_URL_CLOUDFRONT and
// AWS_ENDPOINT_URL_STS (the AWS SDKs' standard service-endpoint variables) point them
// elsewhere — the tests use them for moto's server.
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentials } from '@signet/core';

export interface ControlPlaneEndpoints {
  cloudFront?: string;
  sts?: string;
}

export function controlPlaneEndpoints(env: NodeJS.ProcessEnv): ControlPlaneEndpoints {
  const cloudFront = env.AWS_ENDPOINT_URL_CLOUDFRONT?.trim();
  const sts = env.AWS_ENDPOINT_URL_STS?.trim();
  return { ...(cloudFront ? { cloudFront } : {}), ...(sts ? { sts } : {}) };
}

const handler = { requestHandler: { connectionTimeout: 5_000, socketTimeout: 30_000 } };

export function createCloudFrontClient(
  credentials: AwsCredentials,
  endpoints: ControlPlaneEndpoints,
): CloudFrontClient {
  return new CloudFrontClient({
    region: 'us-east-1',
    credentials,
    maxAttempts: 3,
    ...(endpoints.cloudFront ? { endpoint: endpoints.cloudFront } : {}),
    ...handler,
  });
}

export function createStsClient(
  credentials: AwsCredentials,
  region: string,
  endpoints: ControlPlaneEndpoints,
): STSClient {
  return new STSClient({
    region,
    credentials,
    maxAttempts: 3,
    ...(endpoints.sts ? { endpoint: endpoints.sts } : {}),
    ...handler,
  });
}
