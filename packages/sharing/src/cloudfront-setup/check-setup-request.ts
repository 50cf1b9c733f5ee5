// A set-up request is checked before any call is made: a name CloudFront or the profile file
// would refuse half-way would otherwise cost a rollback.
import { profileIdSchema, validateBucketName, validateRegion } from '@signet/core';
import { SharingError } from '../errors.js';
import type { CloudFrontSetupRequest } from './setup-types.js';

const CLOUDFRONT_ID = /^[A-Z0-9]{8,32}$/;

export function checkSetupRequest(req: CloudFrontSetupRequest, profileId: string): void {
  validateBucketName(req.bucket); // SignetError BUCKET_INVALID, in words
  if (!profileIdSchema.safeParse(profileId).success)
    throw new SharingError(
      'SETUP_INVALID',
      `"${profileId}" cannot be a profile name: use 1–40 lower-case letters, digits, - or _, starting with a letter or digit (e.g. cdn, client-a).`,
    );
  if (req.region !== undefined) validateRegion(req.region);
  if (req.distributionId !== undefined && !CLOUDFRONT_ID.test(req.distributionId))
    throw new SharingError(
      'SETUP_INVALID',
      `"${req.distributionId}" is not a CloudFront distribution id (e.g. EDFDVBD6EXAMPLE: capital letters and digits). Find it with: aws cloudfront list-distributions.`,
    );
  if (req.keyGroupId !== undefined && !/^[A-Za-z0-9-]{8,64}$/.test(req.keyGroupId))
    throw new SharingError(
      'SETUP_INVALID',
      `"${req.keyGroupId}" is not a CloudFront key group id. Find it with: aws cloudfront list-key-groups.`,
    );
  if (req.create && req.distributionId)
    throw new SharingError(
      'SETUP_INVALID',
      'Give either --create (a new distribution) or --distribution ID (an existing one), not both.',
    );
}
