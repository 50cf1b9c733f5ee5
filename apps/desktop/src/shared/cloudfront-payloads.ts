// The zod schemas of the CloudFront IPC payloads ("Set up CloudFront", "Check setup"). Kept in
// their own file and spread into PAYLOADS (ipc-payloads.ts), so definePayloads checks them
// against DesktopApi like every other method. Main parses each call with these.
import { z } from 'zod';

const id = z.string().min(1).max(200);

/** What the Settings form sends: the shape only; the sharing service checks every value (bucket
 *  name, profile name, distribution and key group ids) before any call and says what to fix. */
export const cloudFrontSetupRequestSchema = z
  .object({
    bucket: z.string().min(1).max(255),
    profileId: id.optional(),
    create: z.boolean().optional(),
    distributionId: z.string().min(1).max(64).optional(),
    keyGroupId: z.string().min(1).max(128).optional(),
    keyType: z.enum(['ecdsa-p256', 'rsa-2048']).optional(),
    uploads: z.boolean().optional(),
    awsProfile: z.string().min(1).max(200).optional(),
    region: z.string().min(1).max(40).optional(),
  })
  .strict();

/** A set-up run's id, made by the renderer so it can ask for the run's progress while it waits. */
const runId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a run id (letters, digits, -)');

/** Rotation: retire the old key now, or let it wait a whole number of days (the CLI's --retire-after Nd). */
export const keyRotationChoiceSchema = z.discriminatedUnion('retire', [
  z.object({ retire: z.literal('now') }).strict(),
  z.object({ retire: z.literal('later'), days: z.number().int().min(1).max(365) }).strict(),
]);

/** A CloudFront public key id (e.g. K2JCJMDEHXQW5F): letters and digits only. */
const keyId = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'must be a CloudFront key id (letters and digits)');

export const CLOUDFRONT_PAYLOADS = {
  planCloudFrontSetup: z.tuple([cloudFrontSetupRequestSchema]),
  applyCloudFrontSetup: z.tuple([runId, cloudFrontSetupRequestSchema]),
  cloudFrontSetupProgress: z.tuple([runId]),
  checkSetup: z.tuple([id, z.object({ uploads: z.boolean().optional() }).strict().optional()]),
  cloudFrontDeployment: z.tuple([id]),
  rotateCloudFrontKey: z.tuple([id, keyRotationChoiceSchema]),
  retireCloudFrontKey: z.tuple([id, keyId]),
  cloudFrontRetiringKeys: z.tuple([id]),
};
