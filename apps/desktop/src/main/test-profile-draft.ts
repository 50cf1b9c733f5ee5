// "Test connection" on a profile that is not saved yet (or an edit not saved yet): the draft is
// saved into a throw-away Signet home with its own keychain service name, tested with a real
// request, and a sample link is signed the way Signet would sign it — then everything of the
// draft is deleted again. The user's profiles and keychain entries are only read (the stored
// key of the profile being edited, when no new key was typed), never written.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSharingService, SecretStore, type ProfileSecretsInput } from '@signet/sharing';
import type { CheckView, ProfileInputView } from '../shared/desktop-api.js';

/** The object the sample link points at (it need not exist: the link shows the form). */
const SAMPLE_KEY = 'signet-connection-test.txt';

export async function testProfileDraft(
  input: ProfileInputView,
  given: ProfileSecretsInput | undefined,
  stored: Pick<SecretStore, 'getAwsCredentials'> = new SecretStore(),
): Promise<CheckView & { sampleUrl?: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'signet-draft-'));
  const scratch = new SecretStore({ service: `Signet draft ${randomUUID()}` });
  const draft = createSharingService({ paths: { configDir: dir, dataDir: dir }, secrets: scratch });
  let linkId: string | undefined;
  try {
    let secrets: ProfileSecretsInput = given ?? {};
    if (!secrets.aws && (input.credentials?.source ?? 'keychain') === 'keychain') {
      const c = await stored.getAwsCredentials(input.id).catch(() => null);
      if (c)
        secrets = {
          ...secrets,
          aws: {
            accessKeyId: c.accessKeyId,
            secretAccessKey: c.secretAccessKey,
            ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
            ...(c.expiration ? { expiration: c.expiration.toISOString() } : {}),
          },
        };
    }
    await draft.saveProfile(input, secrets);
    const check = await draft.testProfile(input.id);
    if (!check.ok) return check;
    try {
      const link = await draft.link({
        ref: `s3://${input.bucket}/${SAMPLE_KEY}`,
        profileId: input.id,
        source: 'desktop',
      });
      linkId = link.id;
      return { ...check, sampleUrl: link.url };
    } catch (e) {
      // e.g. a CloudFront profile whose key was not given again: the connection still works
      return { ...check, message: `${check.message} No sample link: ${(e as Error).message}` };
    }
  } finally {
    await scratch.deleteProfileSecrets(input.id).catch(() => {});
    if (linkId) await scratch.deleteLinkSecret(linkId).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}
