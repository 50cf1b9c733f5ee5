// Main's side of "Set up CloudFront" and "Check setup": the sharing service's setupCloudFront and
// doctor, the same code `signet cloudfront setup` and `signet doctor` run. The plan the window
// shows is the dry run; Apply runs the set-up with the step events recorded per run id, which the
// window polls (no extra event channel through the preload). Results are copied field by field
// into views, so nothing the service might add later (or any secret) reaches the renderer.
import type { CloudFrontSetupResult, DoctorReport, SharingService } from '@signet/sharing';
import type {
  CloudFrontDesktopApi,
  CloudFrontSetupView,
  DoctorReportView,
  SetupStepEventView,
} from '../shared/cloudfront-api.js';
import type { DesktopHandlerImpl, SameKeys } from './create-desktop-handlers.js';
import { DesktopError } from './desktop-error.js';

const MAX_RUNS = 20;

type Assert<T extends true> = T;
// Not exported: a view that drifts from the sharing type (a field added or dropped) fails here, by name.
type _ViewsMirrorSharing = [
  Assert<SameKeys<CloudFrontSetupResult, CloudFrontSetupView>>,
  Assert<SameKeys<CloudFrontSetupResult['steps'][number], CloudFrontSetupView['steps'][number]>>,
  Assert<SameKeys<DoctorReport, DoctorReportView>>,
  Assert<SameKeys<DoctorReport['checks'][number], DoctorReportView['checks'][number]>>,
];

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
  service: Pick<SharingService, 'setupCloudFront' | 'doctor'>,
): Pick<DesktopHandlerImpl, keyof CloudFrontDesktopApi> {
  /** Step events per run, newest runs kept (a window that never asks again leaves at most MAX_RUNS). */
  const runs = new Map<string, SetupStepEventView[]>();
  /** One set-up at a time: two runs planning against the same bucket would race each other. */
  let running: string | undefined;

  return {
    planCloudFrontSetup: async (request) => toSetupView(await service.setupCloudFront({ ...request, dryRun: true })),
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
          { ...request, dryRun: false },
          { onStep: ({ step, phase }) => events.push({ stepId: step.id, description: step.describe(), phase }) },
        );
        return toSetupView(result);
      } finally {
        running = undefined;
      }
    },
    cloudFrontSetupProgress: async (runId) => [...(runs.get(runId) ?? [])],
    checkSetup: async (profileId, options) =>
      toDoctorView(await service.doctor(profileId, options?.uploads ? { uploads: true } : {})),
  };
}
