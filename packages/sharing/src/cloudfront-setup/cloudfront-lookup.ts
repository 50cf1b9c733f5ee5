// Read-only CloudFront and S3 look-ups shared by setup, rotation and the doctor.
import {
  GetDistributionCommand,
  GetKeyGroupCommand,
  GetPublicKeyCommand,
  ListDistributionsCommand,
  ListKeyGroupsCommand,
  type CloudFrontClient,
  type DistributionConfig,
} from '@aws-sdk/client-cloudfront';
import { GetBucketPolicyCommand, type S3Client } from '@aws-sdk/client-s3';
import { httpStatusOf } from '../errors.js';

export interface DistributionState {
  id: string;
  arn: string;
  domain: string;
  aliases: string[];
  status: string;
  enabled: boolean;
  config: DistributionConfig;
  etag: string;
}

export interface KeyGroupState {
  id: string;
  name: string;
  items: string[];
  etag: string;
  comment?: string;
}

export interface PublicKeyState {
  id: string;
  name: string;
  encodedKey: string;
  comment: string;
  etag: string;
}

const nameOf = (e: unknown) => (e as { name?: unknown })?.name;

/** The distribution, or undefined when CloudFront says there is none with that id. */
export async function readDistribution(cf: CloudFrontClient, id: string): Promise<DistributionState | undefined> {
  try {
    const r = await cf.send(new GetDistributionCommand({ Id: id }));
    const d = r.Distribution;
    if (!d?.DistributionConfig) return undefined;
    return {
      id: d.Id ?? id,
      arn: d.ARN ?? '',
      domain: d.DomainName ?? '',
      aliases: d.DistributionConfig.Aliases?.Items ?? [],
      status: d.Status ?? 'unknown',
      enabled: d.DistributionConfig.Enabled ?? false,
      config: d.DistributionConfig,
      etag: r.ETag ?? '',
    };
  } catch (e) {
    if (nameOf(e) === 'NoSuchDistribution' || httpStatusOf(e) === 404) return undefined;
    throw e;
  }
}

/** The distribution whose domain (or an alias) is `domain`. */
export async function findDistributionByDomain(
  cf: CloudFrontClient,
  domain: string,
): Promise<DistributionState | undefined> {
  const want = domain.toLowerCase();
  let marker: string | undefined;
  do {
    const r = await cf.send(new ListDistributionsCommand(marker ? { Marker: marker } : {}));
    const list = r.DistributionList;
    for (const d of list?.Items ?? []) {
      const names = [d.DomainName ?? '', ...(d.Aliases?.Items ?? [])].map((n) => n.toLowerCase());
      if (d.Id && names.includes(want)) return readDistribution(cf, d.Id);
    }
    marker = list?.IsTruncated ? list.NextMarker : undefined;
  } while (marker);
  return undefined;
}

export async function readKeyGroup(cf: CloudFrontClient, id: string): Promise<KeyGroupState | undefined> {
  try {
    const r = await cf.send(new GetKeyGroupCommand({ Id: id }));
    const g = r.KeyGroup;
    if (!g?.KeyGroupConfig) return undefined;
    return {
      id: g.Id ?? id,
      name: g.KeyGroupConfig.Name ?? '',
      items: g.KeyGroupConfig.Items ?? [],
      etag: r.ETag ?? '',
      ...(g.KeyGroupConfig.Comment ? { comment: g.KeyGroupConfig.Comment } : {}),
    };
  } catch (e) {
    if (nameOf(e) === 'NoSuchResource' || httpStatusOf(e) === 404) return undefined;
    throw e;
  }
}

export async function findKeyGroupByName(cf: CloudFrontClient, name: string): Promise<KeyGroupState | undefined> {
  let marker: string | undefined;
  do {
    const r = await cf.send(new ListKeyGroupsCommand(marker ? { Marker: marker } : {}));
    for (const item of r.KeyGroupList?.Items ?? []) {
      const g = item.KeyGroup;
      if (g?.Id && g.KeyGroupConfig?.Name === name) return readKeyGroup(cf, g.Id);
    }
    marker = r.KeyGroupList?.NextMarker || undefined;
  } while (marker);
  return undefined;
}

export async function readPublicKey(cf: CloudFrontClient, id: string): Promise<PublicKeyState | undefined> {
  try {
    const r = await cf.send(new GetPublicKeyCommand({ Id: id }));
    const k = r.PublicKey;
    if (!k?.PublicKeyConfig) return undefined;
    return {
      id: k.Id ?? id,
      name: k.PublicKeyConfig.Name ?? '',
      encodedKey: k.PublicKeyConfig.EncodedKey ?? '',
      comment: k.PublicKeyConfig.Comment ?? '',
      etag: r.ETag ?? '',
    };
  } catch (e) {
    if (nameOf(e) === 'NoSuchPublicKey' || httpStatusOf(e) === 404) return undefined;
    throw e;
  }
}

/** The bucket's policy document, or undefined when it has none. */
export async function readBucketPolicy(s3: S3Client, bucket: string): Promise<string | undefined> {
  try {
    return (await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? undefined;
  } catch (e) {
    if (nameOf(e) === 'NoSuchBucketPolicy') return undefined;
    throw e;
  }
}
