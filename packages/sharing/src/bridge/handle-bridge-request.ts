// One protocol request from one (browser-vouched) origin → one reply. Order of checks: rate limit,
// then approval (hello is the only request an unapproved origin may make: it reports the status
// and raises the approval request), then the work through the SharingService.
import {
  buildError,
  buildSuccess,
  negotiateVersion,
  SUPPORTED_PROTOCOL_VERSIONS,
  type ErrorResponse,
  type RecentLink,
  type Request,
  type RequestOf,
  type SuccessResponse,
} from '@signet/protocol';
import type { LinkRecord, SharingService } from '../api.js';
import type { ApprovalStore } from './approval-store.js';
import { coverBridgeRef } from './cover-bridge-ref.js';
import { pagePatternsFor } from './page-patterns.js';
import type { RateLimiter } from './rate-limiter.js';
import { signWorkingLink } from './sign-working-link.js';
import { toProtocolError } from './to-protocol-error.js';

export interface BridgeContext {
  service: SharingService;
  approvals: ApprovalStore;
  limiter: RateLimiter;
  app: { name: string; version: string };
  now: () => Date;
  /** Called when an origin asks for the first time (this server's lifetime) and is not approved. */
  notifyApprovalRequest: (origin: string) => void;
}

export async function handleBridgeRequest(
  ctx: BridgeContext,
  origin: string,
  request: Request,
): Promise<SuccessResponse | ErrorResponse> {
  const rate = ctx.limiter.take(origin, ctx.now().getTime());
  if (!rate.ok) {
    return buildError(request.id, {
      code: 'RATE_LIMITED',
      message: 'Too many requests from this extension. Wait a moment and try again.',
      retryAfterMs: rate.retryAfterMs,
    });
  }
  const approved = await ctx.approvals.isApproved(origin);
  if (!approved) await askForApproval(ctx, origin);
  if (request.type === 'hello') return hello(ctx, origin, approved, request);
  if (!approved) {
    return buildError(request.id, {
      code: 'NOT_APPROVED',
      message: `This browser extension is not approved yet. Approve it in Signet (Settings → Browser integration), or run \`signet bridge approve ${origin}\`.`,
    });
  }
  try {
    switch (request.type) {
      case 'link':
        return await link(ctx, request);
      case 'recentLinks':
        return await recentLinks(ctx, request);
      case 'status':
        return await status(ctx, request);
    }
  } catch (err) {
    return buildError(request.id, toProtocolError(err));
  }
}

async function askForApproval(ctx: BridgeContext, origin: string): Promise<void> {
  await ctx.approvals.request(origin);
  ctx.notifyApprovalRequest(origin);
}

function hello(
  ctx: BridgeContext,
  origin: string,
  approved: boolean,
  request: RequestOf<'hello'>,
): SuccessResponse | ErrorResponse {
  const version = negotiateVersion(request.params.versions);
  if (version === undefined) {
    return buildError(request.id, {
      code: 'VERSION_MISMATCH',
      message: 'The extension and Signet speak different protocol versions. Update both to the same release.',
      supportedVersions: [...SUPPORTED_PROTOCOL_VERSIONS],
    });
  }
  return buildSuccess('hello', request.id, {
    protocolVersion: version,
    origin,
    approval: approved ? 'approved' : 'pending',
    app: ctx.app,
  });
}

async function link(ctx: BridgeContext, request: RequestOf<'link'>): Promise<SuccessResponse<'link'> | ErrorResponse> {
  const { ref, expires, options } = request.params;
  // One coverage rule, also for a named profileId: it must cover the object (NO_PROFILE_FOR_OBJECT).
  const match = coverBridgeRef(ref, await ctx.service.listProfiles(), request.params.profileId);
  if (!match.ok) return buildError(request.id, match.error);
  const { profileId } = match;
  // Signed, then checked through the link itself: no "copied" (and no history entry) for a dead link.
  const { candidates } = request.params;
  const outcome = await signWorkingLink(ctx.service, { ref, candidates, expires, profileId, options });
  if (!outcome.ok) return buildError(request.id, outcome.error);
  const result = outcome.result;
  return buildSuccess('link', request.id, {
    ...(outcome.profileName !== undefined ? { profileName: outcome.profileName } : {}),
    id: result.id,
    url: result.url,
    kind: result.kind,
    method: result.method,
    profileId: result.profileId,
    bucket: result.bucket,
    key: result.key,
    expiresAt: result.expiresAt,
    effectiveExpiresAt: result.effectiveExpiresAt,
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })),
  });
}

async function recentLinks(
  ctx: BridgeContext,
  request: RequestOf<'recentLinks'>,
): Promise<SuccessResponse<'recentLinks'>> {
  const records = await ctx.service.listLinks({ filter: 'all', limit: request.params.limit ?? 10 });
  const now = ctx.now().getTime();
  const links = await Promise.all(records.slice(0, request.params.limit ?? 10).map((r) => toRecentLink(ctx, r, now)));
  return buildSuccess('recentLinks', request.id, { links });
}

async function toRecentLink(ctx: BridgeContext, r: LinkRecord, now: number): Promise<RecentLink> {
  const live = !r.revokedAt && Date.parse(r.effectiveExpiresAt) > now;
  const url = live ? await ctx.service.getLinkUrl(r.id).catch(() => undefined) : undefined;
  return {
    id: r.id,
    createdAt: r.createdAt,
    source: r.source,
    profileId: r.profileId,
    kind: r.kind,
    method: r.method,
    bucket: r.bucket,
    key: r.key,
    expiresAt: r.expiresAt,
    effectiveExpiresAt: r.effectiveExpiresAt,
    ...(url ? { url } : {}),
    ...(r.revokedAt ? { revokedAt: r.revokedAt } : {}),
  };
}

async function status(ctx: BridgeContext, request: RequestOf<'status'>): Promise<SuccessResponse<'status'>> {
  const profiles = await ctx.service.listProfiles();
  return buildSuccess('status', request.id, {
    approval: 'approved',
    app: ctx.app,
    profiles: profiles.map((p) => ({ id: p.profile.id, name: p.profile.name, isDefault: p.isDefault })),
    // Where the extension shows its page menu besides AWS and CloudFront pages (menus.ts).
    pagePatterns: pagePatternsFor(profiles),
  });
}
