// The pages where the extension's page menu makes sense besides AWS S3, the S3 console and
// CloudFront (which the extension knows itself): the servers of the user's own profiles — a
// custom endpoint (Ceph, MinIO, R2…) and a CloudFront distribution domain. Sent in the `status`
// reply as WebExtension match patterns; only host names cross, never a key or a bucket policy.
import type { ProfileSummary } from '../api.js';

/** Match patterns (`*://host/*`) for the profiles' endpoints and distribution domains, sorted, unique. */
export function pagePatternsFor(profiles: ProfileSummary[]): string[] {
  const patterns = new Set<string>();
  for (const { profile } of profiles) {
    if (profile.endpoint) {
      const host = hostnameOf(profile.endpoint);
      // Match patterns have no port: every port of the host matches (the port is the profile's).
      if (host) patterns.add(`*://${isIpAddress(host) ? host : `*.${host}`}/*`);
    }
    if (profile.link.kind === 'cloudfront') {
      const host = hostnameOf(`https://${profile.link.domain}`);
      if (host) patterns.add(`https://${host}/*`);
    }
  }
  return [...patterns].sort();
}

function hostnameOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.toLowerCase();
    // An IPv6 literal cannot be written in a match pattern; `*` or `_` would make it invalid.
    return /^[a-z0-9.-]+$/.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}
