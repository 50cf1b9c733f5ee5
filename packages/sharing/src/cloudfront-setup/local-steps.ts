// Set-up steps 7–8, on this computer and last (so a failure before them leaves the keychain and
// the profiles as they were): the private key into the keychain, then the CloudFront profile.
import { DEFAULT_REGION, type Profile } from '@signet/core';
import type { PlanStep } from './plan.js';
import { NEW_ID, type SetupContext } from './setup-context.js';

/** Steps 7–8: the private key into the keychain, and the profile saved. */
export async function localSteps(c: SetupContext): Promise<PlanStep[]> {
  const { state, req, profileId, reuse, existing, deps } = c;
  const steps: PlanStep[] = [];
  // 7. keychain
  const hadKey = await deps.secrets.hasCloudFrontKey(profileId).catch(() => false);
  steps.push({
    id: 'store-private-key',
    done: Boolean(reuse),
    describe: () =>
      reuse
        ? `The private key is already in the keychain for profile "${profileId}"`
        : `Store the private key in the keychain for profile "${profileId}"${hadKey ? ' (replacing the key stored there)' : ''}`,
    calls: () => [`keychain: set ${deps.secrets.service} / profile:${profileId}:cloudfront-key`],
    apply: async () => {
      await deps.secrets.setCloudFrontKey(profileId, state.key!.privatePem);
      // The PEM string is not needed any more; drop the reference.
      state.key = { ...state.key!, privatePem: '' };
    },
    undo: async () => {
      if (hadKey)
        return `The keychain now holds the new private key for profile "${profileId}"; the key it held before was replaced.`;
      await deps.secrets.deleteCloudFrontKey(profileId);
      return undefined;
    },
  });

  // 8. profile
  const profileAfter = (): unknown => ({
    ...(existing ?? {
      id: profileId,
      bucket: req.bucket,
      region: req.region ?? DEFAULT_REGION,
      credentials: req.awsProfile ? { source: 'aws-profile', awsProfile: req.awsProfile } : { source: 'default-chain' },
    }),
    link: {
      kind: 'cloudfront',
      domain: state.domain ?? 'pending.cloudfront.net',
      keyPairId: state.publicKeyId ?? 'PENDING',
      hash: existing?.link.kind === 'cloudfront' ? existing.link.hash : 'sha1',
      ...(state.originPath ? { originPath: state.originPath } : {}),
    },
  });
  const profileDone =
    existing?.link.kind === 'cloudfront' &&
    Boolean(reuse) &&
    existing.link.keyPairId === state.publicKeyId &&
    existing.link.domain === state.domain;
  steps.push({
    id: 'save-profile',
    done: profileDone,
    describe: () =>
      profileDone
        ? `Profile "${profileId}" already links through ${state.domain} with key ${state.publicKeyId}`
        : `${existing ? 'Update' : 'Save'} profile "${profileId}": CloudFront links through ${state.domain ?? '<new distribution domain>'} signed with key ${state.publicKeyId ?? NEW_ID('public key')}`,
    calls: () => [`local: write profiles.json (profile ${profileId})`],
    apply: async () => {
      await deps.profiles.save(profileAfter());
    },
    undo: async () => {
      if (existing) await deps.profiles.save(existing satisfies Profile);
      else await deps.profiles.remove(profileId);
      return undefined;
    },
  });

  return steps;
}
