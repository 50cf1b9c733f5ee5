// "Is the bucket where the profile says?" from what S3 answered: HeadBucket's
// x-amz-bucket-region, else GetBucketLocation (whose '' means us-east-1 and 'EU' eu-west-1).
// S3-compatible servers answer names like "default": those are reported, not compared.
import type { DoctorCheck } from './doctor-types.js';
import { CLI_WORDS, type FixWords } from '../fix-words.js';

/** GetBucketLocation's LocationConstraint as a region name. */
export function regionOfLocation(loc: string | undefined | null): string {
  if (!loc) return 'us-east-1';
  if (loc === 'EU') return 'eu-west-1';
  return loc;
}

export function checkBucketRegion(
  profile: { id: string; bucket: string; region: string },
  reported: string | undefined,
  words: FixWords = CLI_WORDS,
): DoctorCheck {
  const title = 'Bucket';
  const awsLike = reported !== undefined && /^[a-z]{2}(-[a-z]+)+-\d$/.test(reported);
  if (awsLike && reported !== profile.region)
    return {
      id: 'bucket',
      title,
      status: 'problem',
      detail: `Bucket "${profile.bucket}" is in ${reported}, but the profile says ${profile.region}: S3 links are refused or redirected.`,
      fix: `Set the profile's region to ${reported} (${words.setRegion(profile.id, reported)}).`,
    };
  return {
    id: 'bucket',
    title,
    status: 'ok',
    detail: awsLike
      ? `"${profile.bucket}" exists in ${reported}.`
      : `"${profile.bucket}" exists${reported ? ` (the server calls its location "${reported}", not an AWS region: not compared)` : ''}.`,
  };
}
