// Set-up steps 4–5: `--create` makes an origin access control (SigV4, always sign) and a
// distribution; `--distribution ID` only adds the key group to the default behaviour's trusted
// key groups (If-Match on the ETag, everything else sent back as it was read).
import {
  CreateDistributionCommand,
  CreateOriginAccessControlCommand,
  DeleteDistributionCommand,
  DeleteOriginAccessControlCommand,
  GetDistributionConfigCommand,
  ListOriginAccessControlsCommand,
  UpdateDistributionCommand,
  type DistributionConfig,
} from '@aws-sdk/client-cloudfront';
import { DEFAULT_REGION } from '@signet/core';
import { buildDistributionConfig, withTrustedKeyGroup } from './distribution-config.js';
import type { PlanStep } from './plan.js';
import { NEW_ID, stamp, type SetupContext } from './setup-context.js';

/** Steps 4–5: an origin access control and a new distribution, or the key group trusted on an existing one. */
export async function distributionSteps(c: SetupContext): Promise<PlanStep[]> {
  const { cf, state, req, profileId, reuse, dist, trusted, groupBefore, existing, deps } = c;
  const steps: PlanStep[] = [];
  // 4–5. origin access control and distribution
  if (!dist) {
    const oacName = `signet-${req.bucket}`.slice(0, 64);
    const oacs = await cf.send(new ListOriginAccessControlsCommand({}));
    const foundOac = (oacs.OriginAccessControlList?.Items ?? []).find(
      (o) => o.Name === oacName && o.SigningProtocol === 'sigv4' && o.SigningBehavior === 'always',
    );
    if (foundOac?.Id) state.oacId = foundOac.Id;
    let oacEtag = '';
    steps.push({
      id: 'create-origin-access-control',
      done: Boolean(foundOac),
      describe: () =>
        foundOac
          ? `Origin access control "${oacName}" (${foundOac.Id}) already exists`
          : `Create origin access control "${oacName}" (S3, SigV4, always sign)`,
      calls: () => [
        `cloudfront:CreateOriginAccessControl Name=${oacName} SigningProtocol=sigv4 SigningBehavior=always OriginType=s3`,
      ],
      apply: async () => {
        const r = await cf.send(
          new CreateOriginAccessControlCommand({
            OriginAccessControlConfig: {
              Name: oacName,
              Description: `Signet: CloudFront reads ${req.bucket}`,
              SigningProtocol: 'sigv4',
              SigningBehavior: 'always',
              OriginAccessControlOriginType: 's3',
            },
          }),
        );
        state.oacId = r.OriginAccessControl?.Id;
        oacEtag = r.ETag ?? '';
      },
      undo: async () => {
        if (!state.oacId) return undefined;
        await cf.send(new DeleteOriginAccessControlCommand({ Id: state.oacId, IfMatch: oacEtag }));
        return undefined;
      },
      leftover: () =>
        `Origin access control ${state.oacId} ("${oacName}") — remove it with: aws cloudfront delete-origin-access-control --id ${state.oacId} --if-match <ETag>.`,
    });
    const region = existing?.region ?? req.region ?? DEFAULT_REGION;
    let distEtag = '';
    steps.push({
      id: 'create-distribution',
      describe: () =>
        `Create a distribution for ${req.bucket}: HTTPS only (redirect), signed links required (the key group), ${req.uploads ? 'GET/HEAD/OPTIONS/PUT/PATCH/POST/DELETE' : 'GET/HEAD'}, download-name query strings forwarded`,
      calls: () => [
        `cloudfront:CreateDistribution Origin=${req.bucket}.s3.${region}.amazonaws.com OAC=${state.oacId ?? NEW_ID('origin access control')} TrustedKeyGroups=[${state.keyGroupId ?? NEW_ID('key group')}] ViewerProtocolPolicy=redirect-to-https`,
      ],
      apply: async () => {
        const config = buildDistributionConfig({
          bucket: req.bucket,
          region,
          originAccessControlId: state.oacId!,
          keyGroupId: state.keyGroupId!,
          uploads: Boolean(req.uploads),
          callerReference: `signet-${profileId}-${stamp(deps.now())}`,
          comment: `Signet: signed links to ${req.bucket} (profile ${profileId})`,
        });
        const r = await cf.send(new CreateDistributionCommand({ DistributionConfig: config }));
        state.distributionId = r.Distribution?.Id;
        state.distributionArn = r.Distribution?.ARN;
        state.domain = r.Distribution?.DomainName;
        distEtag = r.ETag ?? '';
      },
      undo: async () => {
        const id = state.distributionId;
        if (!id) return undefined;
        // CloudFront deletes only a disabled, deployed distribution: disable first, then try.
        const c = await cf.send(new GetDistributionConfigCommand({ Id: id }));
        const disabled = await cf.send(
          new UpdateDistributionCommand({
            Id: id,
            IfMatch: c.ETag ?? distEtag,
            DistributionConfig: { ...c.DistributionConfig!, Enabled: false },
          }),
        );
        try {
          await cf.send(new DeleteDistributionCommand({ Id: id, IfMatch: disabled.ETag ?? '' }));
          return undefined;
        } catch {
          return `Distribution ${id} is disabled but not deleted (CloudFront deletes it only once the change is deployed, usually 5–15 minutes): aws cloudfront delete-distribution --id ${id} --if-match <ETag from get-distribution>.`;
        }
      },
    });
  } else {
    const d = dist;
    const alreadyTrusted = Boolean(reuse) || (groupBefore ? trusted.includes(groupBefore.id) : false);
    let before: DistributionConfig | undefined;
    steps.push({
      id: 'trust-key-group',
      done: alreadyTrusted,
      describe: () =>
        alreadyTrusted
          ? `Distribution ${d.id} already trusts the key group on its default behaviour`
          : `Trust the key group on the default behaviour of ${d.id} (${d.domain}); nothing else changes`,
      calls: () => [
        `cloudfront:GetDistributionConfig Id=${d.id}`,
        `cloudfront:UpdateDistribution Id=${d.id} IfMatch=<ETag> (DefaultCacheBehavior.TrustedKeyGroups += ${state.keyGroupId ?? groupBefore?.id ?? NEW_ID('key group')})`,
      ],
      apply: async () => {
        const c = await cf.send(new GetDistributionConfigCommand({ Id: d.id }));
        before = c.DistributionConfig!;
        await cf.send(
          new UpdateDistributionCommand({
            Id: d.id,
            IfMatch: c.ETag ?? '',
            DistributionConfig: withTrustedKeyGroup(before, state.keyGroupId!),
          }),
        );
      },
      undo: async () => {
        if (!before) return undefined;
        const c = await cf.send(new GetDistributionConfigCommand({ Id: d.id }));
        await cf.send(new UpdateDistributionCommand({ Id: d.id, IfMatch: c.ETag ?? '', DistributionConfig: before }));
        return undefined;
      },
    });
  }

  return steps;
}
