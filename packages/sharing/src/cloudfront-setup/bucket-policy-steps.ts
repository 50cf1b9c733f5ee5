// Set-up step 6: the bucket policy gains one statement — CloudFront, for this distribution only
// (AWS:SourceArn) — and keeps every statement it had. Read again when applied, so a change
// made meanwhile is kept too; undone by putting back the policy as it was.
import { DeleteBucketPolicyCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { SharingError } from '../errors.js';
import { diffPolicies, mergeOacStatement, parseBucketPolicy, type BucketPolicy } from './bucket-policy.js';
import { readBucketPolicy } from './cloudfront-lookup.js';
import { originForBucket } from './distribution-config.js';
import type { PlanStep } from './plan.js';
import { NEW_ID, type SetupContext } from './setup-context.js';

/** Step 6: the OAC statement merged into the bucket policy (existing statements kept). */
export async function bucketPolicySteps(c: SetupContext): Promise<PlanStep[]> {
  const { s3, state, req, dist, account } = c;
  const steps: PlanStep[] = [];
  // 6. bucket policy
  const policyText = await readBucketPolicy(s3, req.bucket);
  let policyBefore: BucketPolicy;
  try {
    policyBefore = parseBucketPolicy(policyText);
  } catch (e) {
    throw new SharingError(
      'SETUP_INVALID',
      `The bucket policy of "${req.bucket}" cannot be read (${(e as Error).message}) — Signet will not rewrite a policy it cannot read. Fix it in the S3 console first.`,
    );
  }
  const legacyOai = dist
    ? Boolean(originForBucket(dist.config, req.bucket)?.S3OriginConfig?.OriginAccessIdentity)
    : false;
  const arnForPlan = () =>
    state.distributionArn ?? `arn:aws:cloudfront::${account}:distribution/${NEW_ID('distribution')}`;
  const mergeInput = () => ({
    bucket: req.bucket,
    distributionId: state.distributionId ?? 'NEW',
    distributionArn: arnForPlan(),
    uploads: Boolean(req.uploads),
  });
  const planned = mergeOacStatement(policyBefore, mergeInput());
  const policyDone = legacyOai || !planned.changed;
  steps.push({
    id: 'merge-bucket-policy',
    done: policyDone,
    describe: () =>
      legacyOai
        ? 'Bucket policy left as it is (the origin uses a legacy origin access identity)'
        : policyDone
          ? `The bucket policy already lets this distribution ${req.uploads ? 'read and write' : 'read'} "${req.bucket}"`
          : `Add a statement to the bucket policy of "${req.bucket}": CloudFront (this distribution only) may ${req.uploads ? 'read and write' : 'read'} objects; ${policyBefore.Statement.length} existing statement(s) kept`,
    calls: () => [
      `s3:GetBucketPolicy Bucket=${req.bucket}`,
      `s3:PutBucketPolicy Bucket=${req.bucket} (merged; Block Public Access untouched)`,
    ],
    details: () =>
      `bucket policy diff:\n${diffPolicies(policyBefore, mergeOacStatement(policyBefore, mergeInput()).policy)}`,
    apply: async () => {
      // Read again: the policy may have changed since planning, and the ARN is known now.
      const fresh = parseBucketPolicy(await readBucketPolicy(s3, req.bucket));
      const merged = mergeOacStatement(fresh, mergeInput());
      policyBefore = fresh;
      if (merged.changed)
        await s3.send(new PutBucketPolicyCommand({ Bucket: req.bucket, Policy: JSON.stringify(merged.policy) }));
    },
    undo: async () => {
      if (policyBefore.Statement.length === 0) await s3.send(new DeleteBucketPolicyCommand({ Bucket: req.bucket }));
      else await s3.send(new PutBucketPolicyCommand({ Bucket: req.bucket, Policy: JSON.stringify(policyBefore) }));
      return undefined;
    },
  });

  return steps;
}
