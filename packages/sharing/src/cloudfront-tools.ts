// The CloudFront use cases — set-up, doctor, key rotation and retirement — bound to one
// profile store, keychain and history. The sharing service exposes them (service.ts), so the
// desktop's "Set up CloudFront" / "Check setup" can call the same code as the CLI. Loaded when
// first called: the CloudFront and STS clients they need are not part of making a link.
import { dirname } from 'node:path';
import type {
  CloudFrontSetupDeps,
  CloudFrontSetupRequest,
  CloudFrontSetupResult,
  KeyRetireRequest,
  KeyRetireResult,
  KeyRotationRequest,
  KeyRotationResult,
} from './cloudfront-setup/index.js';
import type { PendingRetirement } from './cloudfront-setup/retirement-store.js';
import type { CloudFrontDeployment } from './cloudfront-setup/wait-deployed.js';
import type { DoctorOptions, DoctorReport } from './doctor/index.js';
import type { LinkHistory } from './history/index.js';
import type { ProfileStore } from './profiles/index.js';
import type { SecretStore } from './secrets/index.js';

export interface CloudFrontTools {
  /** Plans (and unless `dryRun`, applies) a CloudFront set-up for a bucket; rolls back on failure. */
  setupCloudFront(
    request: CloudFrontSetupRequest,
    progress?: Pick<CloudFrontSetupDeps, 'onStep' | 'poll'>,
  ): Promise<CloudFrontSetupResult>;
  /** Reads a profile's real configuration and reports each check with its fix. Changes nothing. */
  doctor(profileId: string, options?: DoctorOptions): Promise<DoctorReport>;
  /** A new key joins the key group and signs new links; the old one stays until retired. */
  rotateCloudFrontKey(request: KeyRotationRequest): Promise<KeyRotationResult>;
  /** Takes replaced keys out of the group (those due, or one named); marks the links they signed. */
  retireCloudFrontKey(request: KeyRetireRequest): Promise<KeyRetireResult>;
  /** Whether the profile's distribution is deployed yet (one GetDistribution; for clients that poll). */
  cloudFrontDeployment(profileId: string): Promise<CloudFrontDeployment>;
  /** Keys a rotation replaced that wait to be retired (the local list retire-key keeps; reads no network). */
  cloudFrontRetiringKeys(profileId: string): Promise<PendingRetirement[]>;
}

export interface CloudFrontToolsOptions {
  profiles: ProfileStore;
  secrets: SecretStore;
  history: LinkHistory;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Called with a profile id after its profile or key changed (drops cached signers). */
  forget?: (profileId: string) => void;
}

export function createCloudFrontTools(o: CloudFrontToolsOptions): CloudFrontTools {
  const base = { profiles: o.profiles, secrets: o.secrets, env: o.env, now: o.now };
  const after = <T extends { profileId: string }>(r: T): T => {
    o.forget?.(r.profileId);
    return r;
  };
  const setup = () => import('./cloudfront-setup/index.js');
  return {
    setupCloudFront: async (request, progress = {}) =>
      after(await (await setup()).setupCloudFront({ ...base, ...progress }, request)),
    doctor: async (profileId, options) => (await import('./doctor/index.js')).runDoctor(base, profileId, options),
    rotateCloudFrontKey: async (request) =>
      after(await (await setup()).rotateCloudFrontKey({ ...base, history: o.history }, request)),
    retireCloudFrontKey: async (request) =>
      after(await (await setup()).retireCloudFrontKey({ ...base, history: o.history }, request)),
    cloudFrontDeployment: async (profileId) =>
      (await import('./cloudfront-setup/wait-deployed.js')).profileDeployment(base, profileId),
    cloudFrontRetiringKeys: async (profileId) => {
      await o.profiles.get(profileId); // an unknown profile is an error, not "nothing waiting"
      const { RetirementStore } = await import('./cloudfront-setup/retirement-store.js');
      return new RetirementStore(dirname(o.profiles.file)).list(profileId);
    },
  };
}
