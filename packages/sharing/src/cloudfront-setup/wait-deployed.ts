// Whether CloudFront has deployed a distribution (status `Deployed`): links signed with a new
// key work only from then on. One reading (deploymentStatus) serves both the CLI's wait
// (`--wait`, waitForDeployed) and a client that polls on its own (the desktop's "Deploying…",
// profileDeployment).
import { GetDistributionCommand, type CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { Profile } from '@signet/core';
import { resolveCredentials } from '../credentials/index.js';
import { SharingError } from '../errors.js';
import type { ProfileStore } from '../profiles/index.js';
import type { SecretStore } from '../secrets/index.js';
import { controlPlaneEndpoints, createCloudFrontClient } from './aws-clients.js';
import { findDistributionByDomain } from './cloudfront-lookup.js';

/** What CloudFront usually takes, for messages (AWS: "usually within minutes", often 5–15). */
export const DEPLOY_TIME_WORDS = 'usually 5 to 15 minutes';

/** A distribution's status as GetDistribution reports it (`InProgress`, `Deployed`). */
async function deploymentStatus(cf: CloudFrontClient, distributionId: string): Promise<string> {
  const r = await cf.send(new GetDistributionCommand({ Id: distributionId }));
  return r.Distribution?.Status ?? 'unknown';
}

export async function waitForDeployed(
  cf: CloudFrontClient,
  distributionId: string,
  options: { intervalMs?: number; timeoutMs?: number; onPoll?: (status: string) => void } = {},
): Promise<boolean> {
  const interval = options.intervalMs ?? 20_000;
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  for (;;) {
    const status = await deploymentStatus(cf, distributionId);
    options.onPoll?.(status);
    if (status === 'Deployed') return true;
    if (Date.now() + interval > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export interface CloudFrontDeployment {
  profileId: string;
  distributionId: string;
  domain: string;
  /** As CloudFront reports it: `InProgress` while a change rolls out, then `Deployed`. */
  status: string;
  deployed: boolean;
  /** In words: whether the profile's links work yet. */
  message: string;
}

interface DeploymentDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

/** Reads, once, whether the distribution behind a CloudFront profile is deployed. Changes nothing. */
export async function profileDeployment(deps: DeploymentDeps, profileId: string): Promise<CloudFrontDeployment> {
  const profile: Profile = await deps.profiles.get(profileId);
  if (profile.link.kind !== 'cloudfront')
    throw new SharingError(
      'SETUP_INVALID',
      `Profile "${profileId}" makes S3 links: there is no CloudFront distribution to wait for.`,
    );
  const client = createCloudFrontClient(
    await resolveCredentials(profile, deps.secrets, deps.env, deps.now()),
    controlPlaneEndpoints(deps.env),
  );
  const { domain } = profile.link;
  const dist = await findDistributionByDomain(client, domain);
  if (!dist)
    throw new SharingError(
      'CLOUDFRONT_NOT_FOUND',
      `No distribution serves ${domain} (profile "${profileId}"). Run signet doctor --profile ${profileId}.`,
    );
  const status = await deploymentStatus(client, dist.id);
  const deployed = status === 'Deployed';
  return {
    profileId,
    distributionId: dist.id,
    domain,
    status,
    deployed,
    message: deployed
      ? `Deployed: links through ${domain} work now.`
      : `CloudFront is deploying distribution ${dist.id} (${status}; ${DEPLOY_TIME_WORDS}): links through ${domain} work once it is deployed.`,
  };
}
