// The bucket policy of an S3-link profile: nothing in it may let anyone read without a condition.
import { parseBucketPolicy } from '../cloudfront-setup/bucket-policy.js';
import type { DoctorCheck } from './doctor-types.js';

export function checkS3BucketPolicy(text: string | undefined, bucket: string): DoctorCheck {
  const title = 'Bucket policy';
  if (text === undefined)
    return { id: 'bucket-policy', title, status: 'ok', detail: 'No bucket policy: access is decided by IAM.' };
  let policy;
  try {
    policy = parseBucketPolicy(text);
  } catch {
    return {
      id: 'bucket-policy',
      title,
      status: 'problem',
      detail: 'The bucket policy is not valid JSON.',
      fix: 'Fix it in the S3 console.',
    };
  }
  const open = policy.Statement.filter((s) => {
    const p = s.Principal as unknown;
    const star =
      p === '*' || (typeof p === 'object' && p !== null && [(p as { AWS?: unknown }).AWS].flat().includes('*'));
    return s.Effect === 'Allow' && star && !s.Condition;
  });
  return open.length
    ? {
        id: 'bucket-policy',
        title,
        status: 'problem',
        detail: `The bucket policy of "${bucket}" allows anyone (Principal "*") without a condition${open[0]?.Sid ? ` (statement ${open[0].Sid})` : ''}: objects are public, links or not.`,
        fix: 'Remove that statement, or limit it with a condition.',
      }
    : { id: 'bucket-policy', title, status: 'ok', detail: `${policy.Statement.length} statement(s), none public.` };
}
