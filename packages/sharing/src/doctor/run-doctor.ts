// `signet doctor`: reads the real configuration of one profile — credentials, clock, bucket,
// Block Public Access, bucket policy, and for CloudFront profiles the distribution, its key
// groups, origin access and behaviour — and reports each check as ok or a problem with the fix.
// Read-only: it never changes anything. Every call it makes is in the README's doctor policy.
import { GetBucketLocationCommand, GetPublicAccessBlockCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { resolveCredentials } from '../credentials/index.js';
import { httpStatusOf, toUserMessage } from '../errors.js';
import type { ProfileStore } from '../profiles/index.js';
import type { SecretStore } from '../secrets/index.js';
import { createS3Client } from '../upload/create-s3-client.js';
import { CREDENTIAL_CODES, probeBucket } from '../upload/explain-refusal.js';
import { controlPlaneEndpoints, createStsClient } from '../cloudfront-setup/aws-clients.js';
import { readBucketPolicy } from '../cloudfront-setup/cloudfront-lookup.js';
import { checkBucketRegion, regionOfLocation } from './bucket-region-check.js';
import { fixWordsFor } from '../fix-words.js';
import { DOCTOR_CHECK_TITLES, type DoctorCheck, type DoctorOptions, type DoctorReport } from './doctor-types.js';
import { checkCloudFront } from './gather-cloudfront-checks.js';
import { recordS3Date, recordStsDate } from './record-server-date.js';
import { checkS3BucketPolicy } from './s3-bucket-policy-check.js';

export interface DoctorDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

/** More than this and SigV4 requests fail (S3 allows 15 min); links also start or end early. */
const SKEW_PROBLEM_MS = 5 * 60_000;

export async function runDoctor(
  deps: DoctorDeps,
  profileId: string,
  options: DoctorOptions = {},
): Promise<DoctorReport> {
  const profile = await deps.profiles.get(profileId);
  const words = fixWordsFor(options.for);
  const checks: DoctorCheck[] = [];
  const push = (c: DoctorCheck) => checks.push(c);
  const skip = (id: DoctorCheck['id'], why: string) =>
    push({ id, title: DOCTOR_CHECK_TITLES[id], status: 'skipped', detail: why });
  const report = (): DoctorReport => ({
    profileId,
    kind: profile.link.kind,
    ok: checks.every((c) => c.status !== 'problem'),
    checks,
  });

  // Credentials (and whose).
  let creds;
  try {
    creds = await resolveCredentials(profile, deps.secrets, deps.env, deps.now());
  } catch (e) {
    push({
      id: 'credentials',
      title: 'Credentials',
      status: 'problem',
      detail: toUserMessage(e).message,
      fix:
        options.for === 'window'
          ? `Give the profile working credentials (${words.setSecret(profile.id)}, or aws sso login in a terminal), then check again.`
          : 'Give the profile working credentials (signet profile set-secret, or aws sso login), then run the doctor again.',
    });
    return report();
  }
  const endpoints = controlPlaneEndpoints(deps.env);
  const sts = createStsClient(creds, profile.region, endpoints);
  const s3 = createS3Client(profile, creds);
  const stsDate = recordStsDate(sts);
  const s3Date = recordS3Date(s3);
  let account: string | undefined;
  if (profile.endpoint && !endpoints.sts) {
    // An S3-compatible server has no STS to ask: the bucket check below uses the credentials.
    push({
      id: 'credentials',
      title: 'Credentials',
      status: 'skipped',
      detail: `${profile.endpoint} is not AWS, so there is no STS to ask whose they are; the bucket check below uses them.`,
    });
  } else {
    try {
      const who = await sts.send(new GetCallerIdentityCommand({}));
      account = who.Account;
      push({
        id: 'credentials',
        title: 'Credentials',
        status: 'ok',
        detail: `Valid: ${who.Arn ?? 'unknown identity'} (account ${who.Account ?? '?'}).`,
      });
    } catch (e) {
      push({
        id: 'credentials',
        title: 'Credentials',
        status: 'problem',
        detail: `AWS did not accept the credentials: ${toUserMessage(e).message}`,
        fix: `Store fresh credentials (${options.for === 'window' ? words.setSecret(profile.id) : 'signet profile set-secret'}) or refresh the AWS session (aws sso login).`,
      });
    }
  }

  // Bucket: exists, and where.
  let bucketOk = false;
  try {
    const head = await s3.send(new HeadBucketCommand({ Bucket: profile.bucket }));
    bucketOk = true;
    let region = head.BucketRegion;
    if (!region) {
      const loc = await s3.send(new GetBucketLocationCommand({ Bucket: profile.bucket })).catch(() => undefined);
      region = loc ? regionOfLocation(loc.LocationConstraint) : undefined;
    }
    push(checkBucketRegion(profile, region, words));
  } catch (e) {
    const status = httpStatusOf(e);
    // A HEAD answer has no body: ask again with a listing, whose XML names the cause.
    const probe = status === 403 ? await probeBucket(s3, profile.bucket) : undefined;
    const credentialsWrong = probe?.kind === 'refused' && CREDENTIAL_CODES.has(probe.code);
    push({
      id: 'bucket',
      title: 'Bucket',
      status: 'problem',
      detail:
        status === 404
          ? `There is no bucket "${profile.bucket}" at this endpoint.`
          : credentialsWrong && probe?.kind === 'refused'
            ? `The server rejected the credentials (${probe.code}): ${toUserMessage(probe.error).message}`
            : status === 403
              ? `The credentials may not use bucket "${profile.bucket}" (HTTP 403${probe?.kind === 'refused' ? `, ${probe.code}` : ''}).`
              : toUserMessage(e).message,
      fix:
        status === 404
          ? "Check the profile's bucket name, region and endpoint."
          : credentialsWrong
            ? `Store the right access key and secret: ${words.setSecret(profile.id)}.`
            : 'Let these credentials use the bucket (IAM: s3:ListBucket, s3:GetObject, s3:PutObject), or fix the profile.',
    });
  }

  // Clock: any server answer carries its time.
  const serverDate = stsDate() ?? s3Date();
  if (serverDate && !Number.isNaN(Date.parse(serverDate))) {
    const skew = Date.parse(serverDate) - deps.now().getTime();
    const words = `${Math.round(Math.abs(skew) / 1000)} s ${skew > 0 ? 'behind' : 'ahead of'} the server`;
    push(
      Math.abs(skew) > SKEW_PROBLEM_MS
        ? {
            id: 'clock',
            title: 'Clock',
            status: 'problem',
            detail: `This computer's clock is ${words}: signed requests are refused past 15 minutes, and links start or end at the wrong time.`,
            fix: 'Turn on network time (e.g. timedatectl set-ntp true) and check the time zone.',
          }
        : {
            id: 'clock',
            title: 'Clock',
            status: 'ok',
            detail: `Within ${Math.max(1, Math.round(Math.abs(skew) / 1000))} s of the server's clock.`,
          },
    );
  } else skip('clock', 'No server answered with a Date header.');

  if (!bucketOk) {
    skip('block-public-access', 'The bucket could not be read.');
    skip('bucket-policy', 'The bucket could not be read.');
    return report();
  }

  // Block Public Access.
  try {
    const c = (await s3.send(new GetPublicAccessBlockCommand({ Bucket: profile.bucket })))
      .PublicAccessBlockConfiguration;
    const off = (['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const).filter(
      (k) => !c?.[k],
    );
    push(
      off.length === 0
        ? { id: 'block-public-access', title: 'Block Public Access', status: 'ok', detail: 'All four settings are on.' }
        : {
            id: 'block-public-access',
            title: 'Block Public Access',
            status: 'problem',
            detail: `Off: ${off.join(', ')}. A public ACL or policy would make objects readable without a link.`,
            fix: 'Turn all four on (S3 console → the bucket → Permissions → Block public access); signed links do not need the bucket public.',
          },
    );
  } catch (e) {
    const name = (e as { name?: unknown }).name;
    push(
      name === 'NoSuchPublicAccessBlockConfiguration'
        ? {
            id: 'block-public-access',
            title: 'Block Public Access',
            status: 'problem',
            detail: 'The bucket has no Block Public Access settings.',
            fix: 'Turn all four on (S3 console → the bucket → Permissions → Block public access).',
          }
        : {
            id: 'block-public-access',
            title: 'Block Public Access',
            status: 'skipped',
            detail: `Could not be read (${toUserMessage(e).message})`,
          },
    );
  }

  let policyText: string | undefined;
  let policyReadable = true;
  try {
    policyText = await readBucketPolicy(s3, profile.bucket);
  } catch (e) {
    policyReadable = false;
    skip('bucket-policy', `Could not be read (${toUserMessage(e).message})`);
  }

  if (profile.link.kind !== 'cloudfront') {
    if (policyReadable) push(checkS3BucketPolicy(policyText, profile.bucket));
    return report();
  }

  await checkCloudFront({ deps, profile, creds, endpoints, account, policyText, policyReadable, options, push, skip });
  return report();
}
