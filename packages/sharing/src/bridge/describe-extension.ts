// What the approval lists (desktop Browser integration, `signet bridge list`) say about an
// extension origin (docs/security.md, item 2): Signet's own builds by name, and for any other id
// a loud warning — with the closest Signet id and the positions where they differ, because a
// look-alike id (one letter changed) is exactly what a copied or malicious extension would show.
import { findSignetExtension, SIGNET_EXTENSIONS, type SignetExtension } from '@signet/protocol';

export interface ExtensionIdentity {
  /** Signet's own build behind this origin, or false for any other extension. */
  known: Pick<SignetExtension, 'name' | 'build' | 'browser'> | false;
  /** For unknown origins: what to tell the person before they approve it. */
  warning?: string;
  /** The id in groups of four (easier to compare by eye than 32 letters in a row). */
  grouped: string;
}

const CHROMIUM = /^chrome-extension:\/\/([a-p]{32})\/$/;

export function describeExtension(origin: string): ExtensionIdentity {
  const id = CHROMIUM.exec(origin)?.[1];
  const grouped = id ? (id.match(/.{4}/g) ?? []).join(' ') : origin;
  const own = findSignetExtension(origin);
  if (own) return { known: { name: own.name, build: own.build, browser: own.browser }, grouped };
  const near = closestSignet(origin);
  const lookalike = near
    ? ` It looks like ${near.extension.name} (${near.extension.origin}) but differs at ${near.positions.length === 1 ? 'position' : 'positions'} ${near.positions.join(', ')}: it is a different extension pretending to be Signet.`
    : '';
  return {
    known: false,
    warning: `This is NOT a Signet extension id.${lookalike} Approve it only if you built or installed it yourself on purpose: an approved extension can ask for share links to every object your profiles cover.`,
    grouped,
  };
}

/** The Signet origin of the same form within a few characters of `origin`, with the differing positions (1-based). */
function closestSignet(origin: string): { extension: SignetExtension; positions: number[] } | undefined {
  let best: { extension: SignetExtension; positions: number[] } | undefined;
  for (const extension of SIGNET_EXTENSIONS) {
    const a = extension.origin;
    if (a.length !== origin.length) continue;
    const positions: number[] = [];
    const offset = a.startsWith('chrome-extension://') ? 'chrome-extension://'.length : 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== origin[i]) positions.push(i - offset + 1);
    if (positions.length > 0 && positions.length <= 8 && (!best || positions.length < best.positions.length))
      best = { extension, positions };
  }
  return best;
}
