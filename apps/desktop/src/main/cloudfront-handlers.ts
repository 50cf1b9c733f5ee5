// Main's side of "Set up CloudFront" and "Check setup": the sharing service's setupCloudFront and
// doctor, the same code `signet cloudfront setup` and `signet doctor` run. The plan the window
// shows is the dry run; Apply runs the set-up with the step events recorded per run id, which the
// window polls (no extra event channel through the preload). After Apply the window polls the
// deployment too (cloudFrontDeployment), and a CloudFront profile's card rotates and retires its
// signing key (rotateCloudFrontKey / retireCloudFrontKey, the code `signet cloudfront rotate-key`
// and `retire-key` run). Results are copied field by field into views, so nothing the service
// might add later (or any secret) reaches the renderer: key ids only.
import type { CloudFrontSetupResult, DoctorReport, SharingService } from '@signet/sharing';
import type {
  CloudFrontDeploymentView,
  CloudFrontDesktopApi,
  CloudFrontSetupView,
  DoctorReportView,
  KeyRetireView,
  KeyRotationView,
  RetiringKeyView,
  SetupStepEventView,
} from '../shared/cloudfront-api.js';
import type { DesktopHandlerImpl, SameKeys } from './create-desktop-handlers.js';
import { DesktopError } from './desktop-error.js';

const MAX_RUNS = 20;

type Assert<T extends true> = T;
type Answer<K extends keyof SharingService> = Awaited<ReturnType<SharingService[K]>>;
type CloudFrontDeployment = Answer<'cloudFrontDeployment'>;
type KeyRotationResult = Answer<'rotateCloudFrontKey'>;
type KeyRetireResult = Answer<'retireCloudFrontKey'>;
type PendingRetirement = Answer<'cloudFrontRetiringKeys'>[number];
// Not exported: a view that drifts from the sharing type (a field added or dropped) fails here, by name.
type _ViewsMirrorSharing = [
  Assert<SameKeys<CloudFrontSetupResult, CloudFrontSetupView>>,
  Assert<SameKeys<CloudFrontSetupResult['steps'][number], CloudFrontSetupView['steps'][number]>>,
  Assert<SameKeys<DoctorReport, DoctorReportView>>,
  Assert<SameKeys<DoctorReport['checks'][number], DoctorReportView['checks'][number]>>,
  Assert<SameKeys<CloudFrontDeployment, CloudFrontDeploymentView>>,
  Assert<SameKeys<KeyRotationResult, KeyRotationView>>,
  Assert<SameKeys<KeyRetireResult, KeyRetireView>>,
  Assert<SameKeys<KeyRetireResult['waiting'][number], KeyRetireView['waiting'][number]>>,
  Assert<SameKeys<PendingRetirement, RetiringKeyView>>,
];

const toDeploymentView = (d: CloudFrontDeployment): CloudFrontDeploymentView => ({
  profileId: d.profileId,
  distributionId: d.distributionId,
  domain: d.domain,
  status: d.status,
  deployed: d.deployed,
  message: d.message,
});

const toRotationView = (r: KeyRotationResult): KeyRotationView => ({
  profileId: r.profileId,
  newKeyId: r.newKeyId,
  oldKeyId: r.oldKeyId,
  keyGroupId: r.keyGroupId,
  retired: [...r.retired],
  linksKilled: r.linksKilled,
  message: r.message,
});

const toRetireView = (r: KeyRetireResult): KeyRetireView => ({
  profileId: r.profileId,
  retired: [...r.retired],
  waiting: r.waiting.map((w) => ({ keyId: w.keyId, retireAfter: w.retireAfter })),
  linksKilled: r.linksKilled,
  message: r.message,
});

function toSetupView(r: CloudFrontSetupResult): CloudFrontSetupView {
  return {
    dryRun: r.dryRun,
    ok: r.ok,
    profileId: r.profileId,
    plan: r.plan,
    steps: r.steps.map((s) => ({ id: s.id, description: s.description, calls: [...s.calls], done: s.done })),
    unchanged: r.unchanged,
    ...(r.distributionId ? { distributionId: r.distributionId } : {}),
    ...(r.domain ? { domain: r.domain } : {}),
    ...(r.keyPairId ? { keyPairId: r.keyPairId } : {}),
    ...(r.deployed !== undefined ? { deployed: r.deployed } : {}),
    message: r.message,
    warnings: [...r.warnings],
    left: [...r.left],
  };
}

function toDoctorView(r: DoctorReport): DoctorReportView {
  return {
    profileId: r.profileId,
    kind: r.kind,
    ok: r.ok,
    checks: r.checks.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      detail: c.detail,
      ...(c.fix ? { fix: c.fix } : {}),
    })),
  };
}

export function createCloudFrontHandlers(
  service: Pick<
    SharingService,
    | 'setupCloudFront'
    | 'doctor'
    | 'cloudFrontDeployment'
    | 'rotateCloudFrontKey'
    | 'retireCloudFrontKey'
    | 'cloudFrontRetiringKeys'
  >,
): Pick<DesktopHandlerImpl, keyof CloudFrontDesktopApi> {
  /** Step events per run, newest runs kept (a window that never asks again leaves at most MAX_RUNS). */
  const runs = new Map<string, SetupStepEventView[]>();
  /** One set-up at a time: two runs planning against the same bucket would race each other. */
  let running: string | undefined;

  return {
    planCloudFrontSetup: async (request) =>
      toSetupView(await service.setupCloudFront({ ...request, dryRun: true, for: 'window' })),
    applyCloudFrontSetup: async (runId, request) => {
      if (running)
        throw new DesktopError('BAD_REQUEST', 'A CloudFront set-up is already running: wait for it to finish.');
      if (runs.has(runId)) throw new DesktopError('BAD_REQUEST', 'That set-up run already ran: start a new one.');
      const events: SetupStepEventView[] = [];
      runs.set(runId, events);
      while (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value!);
      running = runId;
      try {
        const result = await service.setupCloudFront(
          { ...request, dryRun: false, for: 'window' },
          { onStep: ({ step, phase }) => events.push({ stepId: step.id, description: step.describe(), phase }) },
        );
        return toSetupView(result);
      } finally {
        running = undefined;
      }
    },
    cloudFrontSetupProgress: async (runId) => [...(runs.get(runId) ?? [])],
    checkSetup: async (profileId, options) =>
      toDoctorView(await service.doctor(profileId, { ...(options?.uploads ? { uploads: true } : {}), for: 'window' })),
    cloudFrontDeployment: async (profileId) => toDeploymentView(await service.cloudFrontDeployment(profileId)),
    rotateCloudFrontKey: async (profileId, choice) =>
      toRotationView(
        await service.rotateCloudFrontKey(
          choice.retire === 'now'
            ? { profileId, retireNow: true, for: 'window' }
            : { profileId, retireAfter: `${choice.days}d`, for: 'window' },
        ),
      ),
    // The window retires one named key, confirmed by the user: whether or not its date has come.
    retireCloudFrontKey: async (profileId, keyId) =>
      toRetireView(await service.retireCloudFrontKey({ profileId, keyId, now: true, for: 'window' })),
    cloudFrontRetiringKeys: async (profileId) =>
      (await service.cloudFrontRetiringKeys(profileId)).map((p) => ({
        profileId: p.profileId,
        keyId: p.keyId,
        replacedBy: p.replacedBy,
        retireAfter: p.retireAfter,
      })),
  };
}
