// S3-compatible services whose host names say where the bucket is (and often the region), so
// their URLs resolve without a profile: Cloudflare R2, Backblaze B2, Wasabi, DigitalOcean Spaces,
// Google Cloud Storage (XML interop), and MinIO/Ceph-style servers addressed by IP, localhost or
// an explicit port (path-style by convention).

export interface CompatibleS3Host {
  /** The service endpoint (scheme + host), without the bucket. */
  endpoint: string;
  /** The bucket when it is in the host name (virtual-hosted). */
  bucket?: string | undefined;
  /**
   * The signing region the service's host names (B2, Wasabi, Spaces) or always expects (R2, GCS:
   * auto). Undefined for a MinIO/Ceph-style server: its host says nothing, so --region or the
   * AWS configuration decides, as the AWS CLI would with that endpoint.
   */
  region?: string | undefined;
  /** Which service, for messages. */
  service: string;
}

interface Rule {
  service: string;
  /** Matches the host; groups: `bucket` (optional), `base` (the service host), `region` (optional). */
  pattern: RegExp;
  region: (m: RegExpExecArray) => string;
}

const RULES: Rule[] = [
  {
    service: 'Cloudflare R2',
    pattern: /^(?:(?<bucket>.+)\.)?(?<base>[0-9a-f]{32}(?:\.(?:eu|fedramp))?\.r2\.cloudflarestorage\.com)$/,
    region: () => 'auto',
  },
  {
    service: 'Backblaze B2',
    pattern: /^(?:(?<bucket>.+)\.)?(?<base>s3\.(?<region>[a-z]{2}-[a-z]+-\d{3})\.backblazeb2\.com)$/,
    region: (m) => m.groups!.region!,
  },
  {
    service: 'Wasabi',
    pattern: /^(?:(?<bucket>.+)\.)?(?<base>s3(?:\.(?<region>[a-z]{2}-[a-z]+-\d+))?\.wasabisys\.com)$/,
    region: (m) => m.groups!.region ?? 'us-east-1',
  },
  {
    service: 'DigitalOcean Spaces',
    pattern: /^(?:(?<bucket>.+)\.)?(?<base>(?<region>[a-z]{3}\d)\.digitaloceanspaces\.com)$/,
    region: (m) => m.groups!.region!,
  },
  {
    service: 'Google Cloud Storage',
    pattern: /^(?:(?<bucket>.+)\.)?(?<base>storage\.googleapis\.com)$/,
    region: () => 'auto',
  },
];

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Whether a host (without port) is an IP address or localhost: no bucket can go in its name. */
export function isIpOrLocalhost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return IPV4.test(h) || h.includes(':') || h === 'localhost' || h.endsWith('.localhost');
}

/** Reads the host of a URL on a known S3-compatible service, or undefined. */
export function parseCompatibleS3Host(scheme: string, hostPort: string): CompatibleS3Host | undefined {
  const hp = hostPort.toLowerCase();
  const host = hp.replace(/:\d+$/, '');
  const port = hp.slice(host.length);
  for (const rule of RULES) {
    const m = rule.pattern.exec(host);
    if (m)
      return {
        endpoint: `${scheme}://${m.groups!.base!}${port}`,
        bucket: m.groups!.bucket,
        region: rule.region(m),
        service: rule.service,
      };
  }
  // MinIO / Ceph RGW / Garage on an IP, localhost or an explicit port: path-style.
  if (isIpOrLocalhost(host) || port) return { endpoint: `${scheme}://${hp}`, service: 'S3-compatible server' };
  return undefined;
}
