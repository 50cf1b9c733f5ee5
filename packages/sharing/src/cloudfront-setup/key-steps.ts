// Set-up steps 1–3: a key pair made here, its public half uploaded, and a key group holding it
// (a new one, or the key added to an existing one within CloudFront's 5-keys limit).
import {
  CreateKeyGroupCommand,
  CreatePublicKeyCommand,
  DeleteKeyGroupCommand,
  DeletePublicKeyCommand,
  UpdateKeyGroupCommand,
} from '@aws-sdk/client-cloudfront';
import { SharingError } from '../errors.js';
import { readKeyGroup, readPublicKey } from './cloudfront-lookup.js';
import { MAX_KEYS_PER_GROUP } from './distribution-config.js';
import { describeKeyType, generateSigningKey } from './generate-signing-key.js';
import type { PlanStep } from './plan.js';
import { NEW_ID, stamp, type SetupContext } from './setup-context.js';

/** Steps 1–3: the key pair, its public key in CloudFront, and the key group that holds it. */
export function keySteps(c: SetupContext): PlanStep[] {
  const { cf, state, profileId, reuse, keyType, currentKeyId, now, groupBefore } = c;
  const steps: PlanStep[] = [];
  // 1. key pair
  steps.push({
    id: 'generate-key',
    done: Boolean(reuse),
    describe: () =>
      reuse
        ? `Keep the signing key in the keychain (public key ${reuse.keyId} is in key group ${reuse.groupId})`
        : `Generate a new ${describeKeyType(keyType)} key pair on this computer (the private key goes only to the keychain)`,
    calls: () => ['local: crypto.generateKeyPair (nothing leaves this computer)'],
    apply: async () => {
      state.key = await generateSigningKey(keyType);
    },
    undo: async () => {
      delete state.key;
      return undefined;
    },
  });

  // 2. public key
  const keyName = `signet-${profileId}-${stamp(now)}`.slice(0, 128);
  let publicKeyEtag = '';
  steps.push({
    id: 'create-public-key',
    done: Boolean(reuse),
    describe: () =>
      reuse ? `Public key ${reuse.keyId} is already in CloudFront` : `Upload the public key as "${keyName}"`,
    calls: () => [`cloudfront:CreatePublicKey Name=${keyName}`],
    apply: async () => {
      const r = await cf.send(
        new CreatePublicKeyCommand({
          PublicKeyConfig: {
            CallerReference: `${keyName}-${Math.random().toString(36).slice(2, 10)}`,
            Name: keyName,
            EncodedKey: state.key!.publicPem,
            Comment: `Signet profile ${profileId}${currentKeyId ? `; replaces ${currentKeyId}` : ''}`,
          },
        }),
      );
      state.publicKeyId = r.PublicKey?.Id;
      publicKeyEtag = r.ETag ?? '';
    },
    undo: async () => {
      const id = state.publicKeyId;
      if (!id) return undefined;
      const etag = (await readPublicKey(cf, id))?.etag ?? publicKeyEtag;
      await cf.send(new DeletePublicKeyCommand({ Id: id, IfMatch: etag }));
      return undefined;
    },
    leftover: () =>
      `Public key ${state.publicKeyId} ("${keyName}") — remove it with: aws cloudfront delete-public-key --id ${state.publicKeyId} --if-match <ETag from get-public-key>.`,
  });

  // 3. key group
  const groupName = `signet-${profileId}`.slice(0, 128);
  if (reuse || !groupBefore) {
    let groupEtag = '';
    steps.push({
      id: 'create-key-group',
      done: Boolean(reuse),
      describe: () =>
        reuse ? `Key group ${reuse.groupId} already holds the key` : `Create key group "${groupName}" with the new key`,
      calls: () => [`cloudfront:CreateKeyGroup Name=${groupName} Items=[${state.publicKeyId ?? NEW_ID('public key')}]`],
      apply: async () => {
        const r = await cf.send(
          new CreateKeyGroupCommand({
            KeyGroupConfig: {
              Name: groupName,
              Items: [state.publicKeyId!],
              Comment: `Signet: keys that sign links of profile ${profileId}`,
            },
          }),
        );
        state.keyGroupId = r.KeyGroup?.Id;
        groupEtag = r.ETag ?? '';
      },
      undo: async () => {
        const id = state.keyGroupId;
        if (!id) return undefined;
        const etag = (await readKeyGroup(cf, id))?.etag ?? groupEtag;
        await cf.send(new DeleteKeyGroupCommand({ Id: id, IfMatch: etag }));
        return undefined;
      },
      leftover: () =>
        `Key group ${state.keyGroupId} ("${groupName}") — remove it with: aws cloudfront delete-key-group --id ${state.keyGroupId} --if-match <ETag from get-key-group>.`,
    });
  } else {
    const g = groupBefore;
    steps.push({
      id: 'add-key-to-group',
      describe: () =>
        `Add the new key to key group "${g.name}" (${g.id}; ${g.items.length} of ${MAX_KEYS_PER_GROUP} keys used)`,
      calls: () => [`cloudfront:GetKeyGroup Id=${g.id}`, `cloudfront:UpdateKeyGroup Id=${g.id} IfMatch=<ETag>`],
      apply: async () => {
        const now = await readKeyGroup(cf, g.id);
        if (!now) throw new SharingError('CLOUDFRONT_NOT_FOUND', `Key group ${g.id} disappeared while setting up.`);
        if (now.items.length >= MAX_KEYS_PER_GROUP)
          throw new SharingError('SETUP_INVALID', `Key group ${g.id} is full (${MAX_KEYS_PER_GROUP} keys).`);
        await cf.send(
          new UpdateKeyGroupCommand({
            Id: g.id,
            IfMatch: now.etag,
            KeyGroupConfig: {
              Name: now.name,
              Items: [...now.items, state.publicKeyId!],
              ...(now.comment ? { Comment: now.comment } : {}),
            },
          }),
        );
        state.keyGroupId = g.id;
      },
      undo: async () => {
        const now = await readKeyGroup(cf, g.id);
        if (!now) return `key group ${g.id} is gone`;
        await cf.send(
          new UpdateKeyGroupCommand({
            Id: g.id,
            IfMatch: now.etag,
            KeyGroupConfig: {
              Name: now.name,
              Items: now.items.filter((k) => k !== state.publicKeyId),
              ...(now.comment ? { Comment: now.comment } : {}),
            },
          }),
        );
        return undefined;
      },
    });
  }

  return steps;
}
