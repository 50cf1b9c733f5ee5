// The OAC bucket-policy merge as data: nothing existing is dropped, a re-run changes nothing,
// only Signet's own statement is ever replaced, and the diff shows exactly what is added.
import { describe, expect, it } from 'vitest';
import {
  cloudFrontGrantsOf,
  diffPolicies,
  mergeOacStatement,
  parseBucketPolicy,
  policyGrantsDistribution,
} from './bucket-policy.js';

const ARN = 'arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE';
const input = { bucket: 'reports', distributionId: 'EDFDVBD6EXAMPLE', distributionArn: ARN, uploads: false };
const existing = {
  Version: '2012-10-17',
  Id: 'Policy1',
  Statement: [
    {
      Sid: 'DenyHttp',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: 'arn:aws:s3:::reports/*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
    {
      Sid: 'Team',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:role/team' },
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: 'arn:aws:s3:::reports/*',
    },
  ],
};

describe('mergeOacStatement', () => {
  it('adds the service-principal statement with AWS:SourceArn and keeps every existing statement as it was', () => {
    const { policy, changed } = mergeOacStatement(parseBucketPolicy(JSON.stringify(existing)), input);
    expect(changed).toBe(true);
    expect(policy.Id).toBe('Policy1');
    expect(policy.Statement.slice(0, 2)).toEqual(existing.Statement);
    expect(policy.Statement[2]).toEqual({
      Sid: 'SignetCloudFrontEDFDVBD6EXAMPLE',
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::reports/*',
      Condition: { StringEquals: { 'AWS:SourceArn': ARN } },
    });
  });

  it('a second merge changes nothing; a statement written by hand that already grants it counts too', () => {
    const once = mergeOacStatement(parseBucketPolicy(JSON.stringify(existing)), input).policy;
    expect(mergeOacStatement(once, input)).toEqual({ policy: once, changed: false });
    const byHand = parseBucketPolicy(
      JSON.stringify({
        Statement: {
          Effect: 'Allow',
          Principal: { Service: ['cloudfront.amazonaws.com'] },
          Action: ['s3:GetObject'],
          Resource: ['arn:aws:s3:::reports/*'],
          Condition: { ArnLike: { 'aws:SourceArn': ARN } },
        },
      }),
    );
    expect(mergeOacStatement(byHand, input).changed).toBe(false);
  });

  it('uploads: PutObject too, replacing only Signet’s own read-only statement', () => {
    const read = mergeOacStatement(parseBucketPolicy(JSON.stringify(existing)), input).policy;
    expect(policyGrantsDistribution(read, 'reports', ARN, true)).toBe(false);
    const write = mergeOacStatement(read, { ...input, uploads: true });
    expect(write.changed).toBe(true);
    expect(write.policy.Statement).toHaveLength(3);
    expect(write.policy.Statement[2]!.Action).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(policyGrantsDistribution(write.policy, 'reports', ARN, true)).toBe(true);
  });

  it('a grant for another distribution or another bucket is not ours', () => {
    const other = mergeOacStatement(parseBucketPolicy(undefined), { ...input, distributionArn: `${ARN}X` }).policy;
    expect(policyGrantsDistribution(other, 'reports', ARN, false)).toBe(false);
    expect(cloudFrontGrantsOf(other, 'reports')[0]!.distributionArns).toEqual([`${ARN}X`]);
    expect(
      policyGrantsDistribution(mergeOacStatement(parseBucketPolicy(undefined), input).policy, 'other', ARN, false),
    ).toBe(false);
  });

  it('the diff only adds lines (existing statements are context)', () => {
    const before = parseBucketPolicy(JSON.stringify(existing));
    const diff = diffPolicies(before, mergeOacStatement(before, input).policy);
    expect(diff.split('\n').filter((l) => l.startsWith('- '))).toEqual([]);
    expect(diff).toMatch(/^\+ .*"Service": "cloudfront.amazonaws.com"/m);
    expect(diff).toMatch(/^ {2} .*"Sid": "Team"/m);
    // No policy before: every line is new.
    const fresh = diffPolicies(undefined, mergeOacStatement(parseBucketPolicy(undefined), input).policy);
    expect(fresh.split('\n').every((l) => l.startsWith('+ '))).toBe(true);
  });

  it('a policy that is not JSON is refused, not overwritten', () => {
    expect(() => parseBucketPolicy('{"Statement": [')).toThrow(/not valid JSON/);
  });
});
