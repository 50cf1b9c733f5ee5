// Waits until CloudFront has deployed a distribution (status `Deployed`): links signed with a
// new key work only from then on.
import { GetDistributionCommand, type CloudFrontClient } from '@aws-sdk/client-cloudfront';

/** What CloudFront usually takes, for messages (AWS: "usually within minutes", often 5–15). */
export const DEPLOY_TIME_WORDS = 'usually 5 to 15 minutes';

export async function waitForDeployed(
  cf: CloudFrontClient,
  distributionId: string,
  options: { intervalMs?: number; timeoutMs?: number; onPoll?: (status: string) => void } = {},
): Promise<boolean> {
  const interval = options.intervalMs ?? 20_000;
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  for (;;) {
    const r = await cf.send(new GetDistributionCommand({ Id: distributionId }));
    const status = r.Distribution?.Status ?? 'unknown';
    options.onPoll?.(status);
    if (status === 'Deployed') return true;
    if (Date.now() + interval > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
