// CloudFront policies. The canned policy must be byte-exact (CloudFront rebuilds it from
// Expires and compares signatures); custom policies travel in the URL, so their text is what
// is signed. Field order follows CloudFront's documentation either way.
import { SignetError } from '../errors.js';

export interface PolicyConditions {
  /** Resource URL or pattern (`*` any characters, `?` one character). */
  resource: string;
  /** Epoch seconds: valid before. */
  dateLessThan: number;
  /** Epoch seconds: valid from. */
  dateGreaterThan?: number | undefined;
  /** IPv4 CIDR, e.g. 192.0.2.0/24. */
  sourceIp?: string | undefined;
}

export function buildCannedPolicy(resource: string, dateLessThan: number): string {
  return `{"Statement":[{"Resource":${JSON.stringify(resource)},"Condition":{"DateLessThan":{"AWS:EpochTime":${dateLessThan}}}}]}`;
}

export function buildCustomPolicy(c: PolicyConditions): string {
  let condition = `"DateLessThan":{"AWS:EpochTime":${c.dateLessThan}}`;
  if (c.dateGreaterThan !== undefined) condition += `,"DateGreaterThan":{"AWS:EpochTime":${c.dateGreaterThan}}`;
  if (c.sourceIp !== undefined) condition += `,"IpAddress":{"AWS:SourceIp":${JSON.stringify(c.sourceIp)}}`;
  return `{"Statement":[{"Resource":${JSON.stringify(c.resource)},"Condition":{${condition}}}]}`;
}

/**
 * Normalises a client IP restriction to IPv4 CIDR (a bare address becomes /32). CloudFront
 * policies take IPv4 only in this form; IPv6 and malformed input throw CIDR_INVALID.
 */
export function parseSourceIp(input: string): string {
  const text = input.trim();
  if (text.includes(':')) {
    throw new SignetError(
      'CIDR_INVALID',
      `"${input}" is an IPv6 address. CloudFront IP restrictions in signed URLs take IPv4 addresses or ranges only, e.g. 203.0.113.7 or 203.0.113.0/24.`,
    );
  }
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text);
  const octets = m ? m.slice(1, 5).map(Number) : [];
  const bits = m?.[5] === undefined ? 32 : Number(m[5]);
  if (
    !m ||
    octets.some((o) => o > 255) ||
    bits > 32 ||
    m.slice(1, 5).some((o) => o!.length > 1 && o!.startsWith('0'))
  ) {
    throw new SignetError(
      'CIDR_INVALID',
      `"${input}" is not an IPv4 address or range. Use e.g. 203.0.113.7 or 203.0.113.0/24.`,
    );
  }
  return `${octets.join('.')}/${bits}`;
}

/** Whether a resource pattern (`*`, `?` wildcards) covers a URL. */
export function resourceCovers(pattern: string, url: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    's',
  );
  return re.test(url) || re.test(url.replace(/^https?:/, '*:'));
}
