// The extension's `link` request, made honest: a link is signed, then fetched once through itself
// (a 1-byte range GET, as `signet share --check` does) before the extension may say "copied".
// A link to nothing is an error (NO_SUCH_OBJECT / LINK_BROKEN) and is never recorded. A selected
// sentence may come with other readings (`candidates`, a key cut at each space): each is probed
// without being recorded, and the one whose object exists is signed for real; several that exist
// are refused as ambiguous, with the readings, rather than guessed.
import type { ProtocolError } from '@signet/protocol';
import type { LinkCheckResult, LinkOptions, LinkResult, SharingService } from '../api.js';
import { toProtocolError } from './to-protocol-error.js';

export interface WorkingLinkRequest {
  ref: string;
  candidates?: string[] | undefined;
  expires?: string | undefined;
  /** The profile to sign with; undefined: the one the service finds covering each reading. */
  profileId?: string | undefined;
  options?: LinkOptions | undefined;
}

export type WorkingLinkOutcome =
  { ok: true; result: LinkResult; profileName?: string } | { ok: false; error: ProtocolError };

export async function signWorkingLink(
  service: SharingService,
  request: WorkingLinkRequest,
): Promise<WorkingLinkOutcome> {
  const readings = [...new Set([request.ref, ...(request.candidates ?? [])])];
  if (readings.length === 1) return signAndRecord(service, request, request.ref);

  const probes = await Promise.all(readings.map((ref) => probe(service, request, ref)));
  const working = probes.filter((p) => p.ok && p.result.check?.ok);
  if (working.length === 1) return signAndRecord(service, request, working[0]!.ref);
  if (working.length > 1) {
    const names = working.map((p) => (p.ok ? `s3://${p.result.bucket}/${p.result.key}` : p.ref));
    return {
      ok: false,
      error: {
        code: 'AMBIGUOUS_REFERENCE',
        message: `The selection names ${names.length} objects (${names.join(', ')}). Select only the one you mean.`,
        candidates: names,
      },
    };
  }
  // Nothing exists: say why for the reading the extension thought most likely (`ref`).
  const first = probes[0]!;
  return first.ok ? { ok: false, error: checkError(first.result, first.result.check) } : first;
}

type Probe = ({ ok: true; result: LinkResult } | { ok: false; error: ProtocolError }) & { ref: string };

async function probe(service: SharingService, request: WorkingLinkRequest, ref: string): Promise<Probe> {
  try {
    const result = await service.link({ ...linkParams(request, ref), check: true, record: 'never' });
    return { ok: true, result, ref };
  } catch (err) {
    return { ok: false, error: toProtocolError(err), ref };
  }
}

async function signAndRecord(
  service: SharingService,
  request: WorkingLinkRequest,
  ref: string,
): Promise<WorkingLinkOutcome> {
  const result = await service.link({ ...linkParams(request, ref), record: 'if-works' });
  if (!result.check?.ok) return { ok: false, error: checkError(result, result.check) };
  // The name is for display only: a profile removed meanwhile still leaves a working link.
  const name = await Promise.resolve(result.profileId)
    .then((id) => service.getProfile(id))
    .then(
      (s) => s.profile.name,
      () => undefined,
    );
  return { ok: true, result, ...(name !== undefined ? { profileName: name } : {}) };
}

function linkParams(request: WorkingLinkRequest, ref: string) {
  return {
    ref,
    source: 'extension' as const,
    ...(request.profileId !== undefined ? { profileId: request.profileId } : {}),
    ...(request.expires !== undefined ? { expires: request.expires } : {}),
    ...(request.options !== undefined ? { options: request.options } : {}),
  };
}

/** The words for a link that was signed but does not work. Short: a notification shows them. */
function checkError(result: LinkResult, check: LinkCheckResult | undefined): ProtocolError {
  const where = `s3://${result.bucket}/${result.key}`;
  if (check?.status === 'no-such-key')
    return {
      code: 'NO_SUCH_OBJECT',
      message: `No such object: nothing is stored at ${where}. Check the name (case, spaces, folders).`,
    };
  if (check?.status === 'no-such-bucket')
    return {
      code: 'NO_SUCH_OBJECT',
      message: `No such bucket: ${result.bucket} does not exist on the server of profile "${result.profileId}".`,
    };
  return {
    code: 'LINK_BROKEN',
    message: `Signet signed a link to ${where} but it does not work: ${check?.message ?? 'it could not be checked.'}`,
  };
}
