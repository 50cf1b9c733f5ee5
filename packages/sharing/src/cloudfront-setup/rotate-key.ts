// Key rotation, the honest way to revoke CloudFront links: a new key pair joins the profile's
// key group and signs every new link; the old key stays in the group (its links keep working)
// until it is retired — at once (--retire-now) or later (retire-key), when its date has come.
// Retiring removes it from the group: every link it signed stops working, and the history
// marks those links. Keys waiting for their date are listed in the config folder
// (retirement-store.ts). Both run as plans (plan.ts): a failure rolls back.
import {
  CreatePublicKeyCommand,
  DeletePublicKeyCommand,
  UpdateKeyGroupCommand,
  type CloudFrontClient,
} from '@aws-sdk/client-cloudfront';
import { parseDuration, type Profile } from '@signet/core';
import { resolveCredentials } from '../credentials/index.js';
import { SharingError, toUserMessage } from '../errors.js';
import type { LinkHistory } from '../history/index.js';
import type { ProfileStore } from '../profiles/index.js';
import type { SecretStore } from '../secrets/index.js';
import { controlPlaneEndpoints, createCloudFrontClient } from './aws-clients.js';
import { findDistributionByDomain, readKeyGroup, readPublicKey, type KeyGroupState } from './cloudfront-lookup.js';
import { MAX_KEYS_PER_GROUP, trustedKeyGroupsOf } from './distribution-config.js';
import { describeKeyType, generateSigningKey, type SigningKeyPair } from './generate-signing-key.js';
import { errorWords, runPlan, type PlanStep } from './plan.js';
import type { KeyRetireRequest, KeyRetireResult, KeyRotationRequest, KeyRotationResult } from './setup-types.js';
import { RetirementStore } from './retirement-store.js';
import { DEPLOY_TIME_WORDS } from './wait-deployed.js';
import { dirname } from 'node:path';
import { fixWordsFor } from '../fix-words.js';

export interface KeyRotationDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  history: LinkHistory;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Default: cloudfront-retirements.json next to the profiles. */
  retirements?: RetirementStore;
}

const retirementsOf = (deps: KeyRotationDeps) => deps.retirements ?? new RetirementStore(dirname(deps.profiles.file));

async function context(deps: KeyRotationDeps, profileId: string, surface?: 'cli' | 'window') {
  const profile = await deps.profiles.get(profileId);
  const next = fixWordsFor(surface);
  if (profile.link.kind !== 'cloudfront')
    throw new SharingError(
      'SETUP_INVALID',
      `Profile "${profileId}" makes S3 links; there is no CloudFront key to rotate. Set it up first: ${next.setUp(profile.bucket, profileId)}`,
    );
  const creds = await resolveCredentials(profile, deps.secrets, deps.env, deps.now());
  const cf = createCloudFrontClient(creds, controlPlaneEndpoints(deps.env));
  const dist = await findDistributionByDomain(cf, profile.link.domain);
  if (!dist)
    throw new SharingError(
      'CLOUDFRONT_NOT_FOUND',
      `No distribution serves ${profile.link.domain} (profile "${profileId}"). ${next.checkSetup(profileId)}.`,
    );
  let group: KeyGroupState | undefined;
  for (const gid of trustedKeyGroupsOf(dist.config.DefaultCacheBehavior)) {
    const g = await readKeyGroup(cf, gid);
    if (g?.items.includes(profile.link.keyPairId)) group = g;
  }
  if (!group)
    throw new SharingError(
      'SETUP_INVALID',
      `The profile's key ${profile.link.keyPairId} is in no key group that distribution ${dist.id} trusts, so there is no group to rotate in. ${next.checkSetup(profileId)}, or ${next.setUp(profile.bucket, profileId, dist.id)}.`,
    );
  return { profile: profile as Profile & { link: { kind: 'cloudfront' } }, cf, group, next };
}

function setGroupItems(cf: CloudFrontClient, groupId: string, edit: (items: string[]) => string[]) {
  return async () => {
    const g = await readKeyGroup(cf, groupId);
    if (!g) throw new SharingError('CLOUDFRONT_NOT_FOUND', `Key group ${groupId} no longer exists.`);
    await cf.send(
      new UpdateKeyGroupCommand({
        Id: g.id,
        IfMatch: g.etag,
        KeyGroupConfig: { Name: g.name, Items: edit(g.items), ...(g.comment ? { Comment: g.comment } : {}) },
      }),
    );
  };
}

/** The step that takes a key out of the group (and deletes it), marking the links it killed. */
function retireStep(
  deps: KeyRotationDeps,
  cf: CloudFrontClient,
  group: KeyGroupState,
  keyId: string,
  killed: { count: number },
): PlanStep {
  return {
    id: `retire-${keyId}`,
    describe: () => `Take key ${keyId} out of key group "${group.name}": every link it signed stops working`,
    calls: () => [
      `cloudfront:UpdateKeyGroup Id=${group.id} (Items -= ${keyId})`,
      `cloudfront:DeletePublicKey Id=${keyId}`,
    ],
    apply: async () => {
      await setGroupItems(cf, group.id, (items) => items.filter((k) => k !== keyId))();
      await retirementsOf(deps).update((all) => all.filter((p) => p.keyId !== keyId));
      const pk = await readPublicKey(cf, keyId);
      // Deleting the unused public key is tidying: a failure leaves a harmless, untrusted key.
      if (pk) await cf.send(new DeletePublicKeyCommand({ Id: keyId, IfMatch: pk.etag })).catch(() => undefined);
      const marked = await deps.history.markSignedWithRetiredKey(
        keyId,
        `CloudFront key ${keyId} was retired from key group "${group.name}": CloudFront refuses every link it signed.`,
        deps.now(),
      );
      killed.count += marked.length;
    },
    undo: async () => undefined, // the last step of its plan: nothing runs after it to fail
  };
}

export async function rotateCloudFrontKey(deps: KeyRotationDeps, req: KeyRotationRequest): Promise<KeyRotationResult> {
  let retireAt: Date | undefined;
  if (!req.retireNow) {
    let seconds = 7 * 86_400;
    try {
      if (req.retireAfter) seconds = parseDuration(req.retireAfter);
    } catch {
      throw new SharingError(
        'SETUP_INVALID',
        `--retire-after takes a duration such as 7d, 36h or 2w, not "${req.retireAfter}".`,
      );
    }
    retireAt = new Date(deps.now().getTime() + seconds * 1000);
  }
  const { profile, cf, group, next } = await context(deps, req.profileId, req.for);
  const oldKeyId = profile.link.keyPairId;
  if (group.items.length >= MAX_KEYS_PER_GROUP)
    throw new SharingError(
      'SETUP_INVALID',
      `Key group "${group.name}" already holds ${group.items.length} keys, CloudFront's limit: retire one first (${next.retireChosen(profile.id)}).`,
    );
  const stored = await deps.secrets.getCloudFrontKey(profile.id).catch(() => null);
  const type = req.keyType ?? (stored?.type === 'rsa' ? 'rsa-2048' : 'ecdsa-p256');
  let key: SigningKeyPair | undefined;
  let newKeyId = '';
  const killed = { count: 0 };
  const name = `signet-${profile.id}-${deps.now().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}`.slice(
    0,
    128,
  );
  const steps: PlanStep[] = [
    {
      id: 'generate-key',
      describe: () => `Generate a new ${describeKeyType(type)} key pair on this computer`,
      calls: () => ['local: crypto.generateKeyPair'],
      apply: async () => {
        key = await generateSigningKey(type);
      },
      undo: async () => undefined,
    },
    {
      id: 'create-public-key',
      describe: () => `Upload the new public key as "${name}"`,
      calls: () => [`cloudfront:CreatePublicKey Name=${name}`],
      apply: async () => {
        const r = await cf.send(
          new CreatePublicKeyCommand({
            PublicKeyConfig: {
              CallerReference: `${name}-${Math.random().toString(36).slice(2, 10)}`,
              Name: name,
              EncodedKey: key!.publicPem,
              Comment: `Signet profile ${profile.id}; replaces ${oldKeyId}`,
            },
          }),
        );
        newKeyId = r.PublicKey?.Id ?? '';
      },
      undo: async () => {
        const pk = newKeyId ? await readPublicKey(cf, newKeyId) : undefined;
        if (pk) await cf.send(new DeletePublicKeyCommand({ Id: newKeyId, IfMatch: pk.etag }));
        return undefined;
      },
    },
    {
      id: 'add-key-to-group',
      describe: () => `Add it to key group "${group.name}" (${group.items.length + 1} of ${MAX_KEYS_PER_GROUP} keys)`,
      calls: () => [`cloudfront:GetKeyGroup Id=${group.id}`, `cloudfront:UpdateKeyGroup Id=${group.id} IfMatch=<ETag>`],
      apply: () => setGroupItems(cf, group.id, (items) => [...items, newKeyId])(),
      undo: async () => {
        await setGroupItems(cf, group.id, (items) => items.filter((k) => k !== newKeyId))();
        return undefined;
      },
    },
    {
      id: 'store-private-key',
      describe: () => `Store the new private key in the keychain for profile "${profile.id}"`,
      calls: () => [`keychain: set profile:${profile.id}:cloudfront-key`],
      apply: async () => {
        await deps.secrets.setCloudFrontKey(profile.id, key!.privatePem);
        key = { ...key!, privatePem: '' };
      },
      undo: async () =>
        `The keychain holds the new private key for profile "${profile.id}"; its old key was replaced. Rotate again: ${next.rotate(profile.id)}.`,
    },
    {
      id: 'save-profile',
      describe: () => `Sign new links of "${profile.id}" with the new key`,
      calls: () => [`local: write profiles.json (keyPairId)`],
      apply: async () => {
        await deps.profiles.save({ ...profile, link: { ...profile.link, keyPairId: newKeyId } });
      },
      undo: async () => {
        await deps.profiles.save(profile);
        return undefined;
      },
    },
  ];
  if (req.retireNow) steps.push(retireStep(deps, cf, group, oldKeyId, killed));
  else
    steps.push({
      id: 'remember-retirement',
      describe: () => `Note that key ${oldKeyId} may be retired from ${retireAt!.toISOString()}`,
      calls: () => ['local: write cloudfront-retirements.json'],
      apply: () =>
        retirementsOf(deps).update((all) => [
          ...all.filter((p) => p.keyId !== oldKeyId),
          { profileId: profile.id, keyId: oldKeyId, replacedBy: newKeyId, retireAfter: retireAt!.toISOString() },
        ]),
      undo: async () => {
        await retirementsOf(deps).update((all) => all.filter((p) => p.keyId !== oldKeyId));
        return undefined;
      },
    });
  const run = await runPlan(steps);
  if (!run.ok) {
    const failed = steps.find((s) => s.id === run.failed?.step);
    const why = toUserMessage(run.failed?.error);
    throw new SharingError(
      'SETUP_INVALID',
      `Key rotation stopped at "${failed?.describe()}": ${why.code === 'INTERNAL' ? errorWords(run.failed?.error) : why.message} ${run.left.length ? `Left behind: ${run.left.join(' ')}` : 'Everything it had done was undone; the profile still signs with its old key.'}`,
      { cause: run.failed?.error },
    );
  }
  return {
    profileId: profile.id,
    newKeyId,
    oldKeyId,
    keyGroupId: group.id,
    retired: req.retireNow ? [oldKeyId] : [],
    linksKilled: killed.count,
    message: req.retireNow
      ? `New links of "${profile.id}" are signed with key ${newKeyId}. Key ${oldKeyId} was retired: ${killed.count} link(s) it signed stop working once CloudFront has deployed the change (${DEPLOY_TIME_WORDS}); so do links signed with the new key until then.`
      : `New links of "${profile.id}" are signed with key ${newKeyId} (they work once CloudFront has deployed the key group change, ${DEPLOY_TIME_WORDS}). Key ${oldKeyId} stays in the group, and its links keep working, until you retire it: ${next.retire(profile.id)} (${
          req.for === 'window'
            ? `due from ${retireAt!.toISOString().slice(0, 10)}`
            : `from ${retireAt!.toISOString()}, or now with --now`
        }).`,
  };
}

export async function retireCloudFrontKey(deps: KeyRotationDeps, req: KeyRetireRequest): Promise<KeyRetireResult> {
  const { profile, cf, group, next } = await context(deps, req.profileId, req.for);
  const current = profile.link.keyPairId;
  const now = deps.now();
  // Keys a rotation replaced that are still in the group, with the date they may go from.
  const pending = new Map<string, string>();
  for (const p of await retirementsOf(deps).list(profile.id))
    if (group.items.includes(p.keyId) && p.keyId !== current) pending.set(p.keyId, p.retireAfter);
  let due: string[];
  if (req.keyId) {
    if (req.keyId === current)
      throw new SharingError(
        'SETUP_INVALID',
        `Key ${current} signs the new links of "${profile.id}": rotate first (${next.rotate(profile.id)}), then retire it.`,
      );
    if (!group.items.includes(req.keyId))
      throw new SharingError(
        'CLOUDFRONT_NOT_FOUND',
        `Key ${req.keyId} is not in key group "${group.name}" (${group.items.join(', ')}).`,
      );
    const when = pending.get(req.keyId);
    if (when && Date.parse(when) > now.getTime() && !req.now)
      throw new SharingError(
        'SETUP_INVALID',
        `Key ${req.keyId} is due for retirement at ${when}; add --now to retire it already.`,
      );
    due = [req.keyId];
  } else {
    due = [...pending].filter(([, when]) => req.now || Date.parse(when) <= now.getTime()).map(([k]) => k);
  }
  const waiting = [...pending]
    .filter(([k]) => !due.includes(k))
    .map(([keyId, retireAfter]) => ({ keyId, retireAfter }));
  const killed = { count: 0 };
  const steps = due.map((k) => retireStep(deps, cf, group, k, killed));
  const run = await runPlan(steps);
  if (!run.ok) {
    throw new SharingError(
      'SETUP_INVALID',
      `Retiring stopped: ${toUserMessage(run.failed?.error).message} Retired so far: ${run.applied.join(', ') || 'none'}.`,
      { cause: run.failed?.error },
    );
  }
  const waitWords = waiting.length
    ? ` Waiting: ${waiting.map((w) => `${w.keyId} (from ${w.retireAfter})`).join(', ')}.`
    : '';
  return {
    profileId: profile.id,
    retired: due,
    waiting,
    linksKilled: killed.count,
    message: due.length
      ? `Retired ${due.join(', ')} from key group "${group.name}": ${killed.count} link(s) they signed stop working once CloudFront has deployed the change (${DEPLOY_TIME_WORDS}).${waitWords}`
      : `No key is due for retirement in key group "${group.name}".${waitWords}`,
  };
}
