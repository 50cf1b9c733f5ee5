// The bridge's use of the one coverage rule (share/resolve-profile-for-ref.ts), as a protocol
// answer. A `profileId` in a request is honoured only when that profile covers the object itself:
// a request may not pick its own profile (issue 11 item 1), so naming one for a bucket no profile
// covers is NO_PROFILE_FOR_OBJECT. The service checks again for source 'extension' (always
// 'covered'), so neither check is the only guard.
import type { ProtocolError } from '@signet/protocol';
import type { ProfileSummary } from '../api.js';
import { resolveProfileForRef } from '../share/resolve-profile-for-ref.js';
import { toProtocolError } from './to-protocol-error.js';

export type BridgeProfileMatch = { ok: true; profileId: string } | { ok: false; error: ProtocolError };

export function coverBridgeRef(
  ref: string,
  summaries: ProfileSummary[],
  profileId?: string | undefined,
): BridgeProfileMatch {
  try {
    const { profile } = resolveProfileForRef(ref, {
      profiles: summaries.map((s) => s.profile),
      defaultId: summaries.find((s) => s.isDefault)?.profile.id,
      profileId,
      named: 'covered',
    });
    return { ok: true, profileId: profile.id };
  } catch (err) {
    const mapped = toProtocolError(err);
    // A reference that cannot be read is the request's fault, not the desktop's.
    return { ok: false, error: mapped.code === 'DESKTOP_ERROR' ? { ...mapped, code: 'BAD_REQUEST' } : mapped };
  }
}
