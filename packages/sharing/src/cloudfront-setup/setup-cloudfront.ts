// The "set up CloudFront" use case: plan (read-only), then — unless it is a dry run — apply the
// plan, rolling back on failure. The CLI's `signet cloudfront setup` and the sharing service
// call this; it returns the plan text and the outcome in words, and never a secret.
import { DEFAULT_REGION } from '@signet/core';
import { resolveCredentials } from '../credentials/index.js';
import { toUserMessage } from '../errors.js';
import type { ProfileStore } from '../profiles/index.js';
import type { SecretStore } from '../secrets/index.js';
import { createS3Client } from '../upload/create-s3-client.js';
import { checkSetupRequest } from './check-setup-request.js';
import { controlPlaneEndpoints, createCloudFrontClient, createStsClient } from './aws-clients.js';
import { planCloudFrontSetup, profileIdForBucket } from './plan-cloudfront-setup.js';
import { errorWords, formatPlan, runPlan, type PlanStep } from './plan.js';
import type { CloudFrontSetupRequest, CloudFrontSetupResult } from './setup-types.js';
import { DEPLOY_TIME_WORDS, waitForDeployed } from './wait-deployed.js';

export interface CloudFrontSetupDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Called as each step starts, finishes, is skipped or undone (the CLI prints progress). */
  onStep?: (event: { step: PlanStep; phase: 'start' | 'done' | 'skip' | 'undo' }) => void;
  /** `wait`: how often to ask CloudFront for the status (default 20 s) and for how long at most. */
  poll?: { intervalMs?: number; timeoutMs?: number; onPoll?: (status: string) => void };
}

export async function setupCloudFront(
  deps: CloudFrontSetupDeps,
  req: CloudFrontSetupRequest,
): Promise<CloudFrontSetupResult> {
  const profileId = req.profileId ?? profileIdForBucket(req.bucket);
  checkSetupRequest(req, profileId);
  const existing = await deps.profiles.get(profileId).catch(() => undefined);
  const credentialSource = existing ?? {
    id: profileId,
    credentials: req.awsProfile
      ? ({ source: 'aws-profile', awsProfile: req.awsProfile } as const)
      : ({ source: 'default-chain' } as const),
  };
  const creds = await resolveCredentials(
    credentialSource as Parameters<typeof resolveCredentials>[0],
    deps.secrets,
    deps.env,
    deps.now(),
  );
  const region = existing?.region ?? req.region ?? DEFAULT_REGION;
  const endpoints = controlPlaneEndpoints(deps.env);
  const clients = {
    cloudFront: createCloudFrontClient(creds, endpoints),
    sts: createStsClient(creds, region, endpoints),
    s3: createS3Client(
      { region, endpoint: existing?.endpoint, forcePathStyle: existing?.forcePathStyle ?? false },
      creds,
    ),
  };
  const plan = await planCloudFrontSetup(
    { profiles: deps.profiles, secrets: deps.secrets, clients, now: deps.now },
    { ...req, profileId },
  );
  // Described after the run too: the ids the steps made then replace the placeholders.
  const describePlan = () => ({
    plan: formatPlan(plan.steps),
    steps: plan.steps.map((s) => ({ id: s.id, description: s.describe(), calls: s.calls(), done: Boolean(s.done) })),
  });
  const unchanged = plan.steps.every((s) => s.done);
  const base = { profileId, ...describePlan(), unchanged, warnings: plan.warnings };
  if (req.dryRun) {
    return {
      ...base,
      dryRun: true,
      ok: true,
      left: [],
      ...(plan.state.distributionId ? { distributionId: plan.state.distributionId } : {}),
      ...(plan.state.domain ? { domain: plan.state.domain } : {}),
      message: unchanged
        ? `Nothing to change: profile "${profileId}" is set up. (Dry run: nothing was changed.)`
        : req.for === 'window'
          ? `Nothing was changed yet. Apply makes these ${plan.steps.filter((s) => !s.done).length} change(s).`
          : `Dry run: nothing was changed. Run the same command without --dry-run to make these ${plan.steps.filter((s) => !s.done).length} change(s).`,
    };
  }
  const run = await runPlan(plan.steps, deps.onStep ? { onStep: deps.onStep } : {});
  Object.assign(base, describePlan());
  const s = plan.state;
  const ids = {
    ...(s.distributionId ? { distributionId: s.distributionId } : {}),
    ...(s.domain ? { domain: s.domain } : {}),
    ...(s.publicKeyId ? { keyPairId: s.publicKeyId } : {}),
  };
  if (!run.ok) {
    const failed = plan.steps.find((x) => x.id === run.failed?.step);
    const why = toUserMessage(run.failed?.error);
    const refusedPolicy =
      run.failed?.step === 'merge-bucket-policy' && (run.failed.error as { name?: unknown })?.name === 'AccessDenied';
    const reason = refusedPolicy
      ? `S3 refused the new bucket policy (AccessDenied): the credentials need s3:PutBucketPolicy on "${req.bucket}", or Block Public Access refused the policy (S3-compatible servers such as Ceph RGW refuse every policy while BlockPublicPolicy is on; AWS does not for this statement).`
      : why.code === 'INTERNAL'
        ? errorWords(run.failed?.error)
        : why.message;
    const made: Record<string, string> = {
      'create-public-key': 'the public key',
      'create-key-group': 'the key group',
      'add-key-to-group': 'the key in the key group',
      'create-origin-access-control': 'the origin access control',
      'create-distribution': 'the distribution',
      'trust-key-group': "the distribution's trusted key groups",
      'merge-bucket-policy': 'the bucket policy',
      'store-private-key': 'the keychain entry',
      'save-profile': 'the profile',
    };
    const undoneWords = run.undone.filter((id) => made[id]).map((id) => made[id]);
    const undone = undoneWords.length
      ? `Rolled back what this run had made: ${undoneWords.join(', ')}.`
      : 'This run had made nothing yet.';
    const left = run.left.length ? ` Left behind: ${run.left.join(' ')}` : ' Nothing is left behind.';
    return {
      ...base,
      ...ids,
      dryRun: false,
      ok: false,
      left: run.left,
      message: `Set-up stopped at "${failed?.describe() ?? run.failed?.step}": ${reason} ${undone}${left}`,
    };
  }
  let deployed: boolean | undefined;
  if (req.wait && s.distributionId) deployed = await waitForDeployed(clients.cloudFront, s.distributionId, deps.poll);
  const deployedWords =
    deployed === true
      ? ` Distribution ${s.distributionId} is deployed: links work now.`
      : deployed === false
        ? ` Distribution ${s.distributionId} is still deploying; check again later with: signet doctor --profile ${profileId}`
        : '';
  return {
    ...base,
    ...ids,
    ...(deployed !== undefined ? { deployed } : {}),
    dryRun: false,
    ok: true,
    left: [],
    message:
      (unchanged
        ? `Nothing to change: profile "${profileId}" already links through ${s.domain} with key ${s.publicKeyId}.`
        : deployed !== undefined
          ? `Profile "${profileId}" now makes CloudFront links through ${s.domain} signed with key ${s.publicKeyId}.`
          : `Profile "${profileId}" now makes CloudFront links through ${s.domain} signed with key ${s.publicKeyId}. CloudFront is deploying the change (${DEPLOY_TIME_WORDS}); links work once it is deployed${
              req.for === 'window'
                ? '. This window says when.'
                : ` — add --wait to wait, or check with: signet doctor --profile ${profileId}`
            }`) + deployedWords,
  };
}
