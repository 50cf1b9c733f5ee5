// Attack tests for issue 11 item 6: another local user who can write into Signet's config
// folder must not be able to read the signed links (history.jsonl redirected through a symlink)
// or swap profiles.json for their own. The "other user" is `nobody`: the tests run as root (as CI
// does), chown the bad folder or file to nobody and chmod it 0777, then do what Signet does.
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkRecord } from '../api.js';
import { ApprovalStore } from '../bridge/approval-store.js';
import { RetirementStore } from '../cloudfront-setup/retirement-store.js';
import { LinkHistory } from '../history/link-history.js';
import { ProfileStore } from '../profiles/profile-store.js';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const base = () => mkdtempSync(join(tmpdir(), 'signet-private-'));
const url = 'https://reports.s3.eu-west-1.amazonaws.com/q3.pdf?X-Amz-Signature=abc123';

function record(id: string): LinkRecord {
  const end = new Date(Date.now() + 3_600_000).toISOString();
  return {
    id,
    createdAt: new Date().toISOString(),
    source: 'cli',
    profileId: 'work',
    kind: 's3',
    method: 'GET',
    bucket: 'reports',
    key: 'q3.pdf',
    options: { inline: true },
    expiresAt: end,
    effectiveExpiresAt: end,
    warnings: [],
  };
}

/** What the attacker prepares: a file of theirs, world-writable, that the symlink points to. */
function attackerFile(root: string, content = ''): string {
  const loot = join(root, 'loot');
  writeFileSync(loot, content);
  chmodSync(loot, 0o666);
  if (asRoot) chownSync(loot, NOBODY, NOBODY);
  return loot;
}

describe('Signet refuses a config folder other users can write, and follows no symlinks there', () => {
  it('a world-writable SIGNET_HOME: history.jsonl redirected by a symlink gets no link; the error says chmod 700', async () => {
    const root = base();
    const loot = attackerFile(root);
    // the victim's folder, 0777: the attacker plants history.jsonl -> their own file
    const victim = mkdtempSync(join(root, 'home-'));
    chmodSync(victim, 0o777);
    symlinkSync(loot, join(victim, 'history.jsonl'));
    const h = new LinkHistory(victim);
    await expect(h.append(record('a'), url)).rejects.toMatchObject({
      code: 'CONFIG_UNSAFE',
      message: expect.stringContaining(`chmod 700 '${victim}'`),
    });
    expect(readFileSync(loot, 'utf8')).toBe(''); // the signed URL did not reach the attacker
    await expect(h.list()).rejects.toMatchObject({ code: 'CONFIG_UNSAFE' });
  });

  it('a group-writable SIGNET_HOME is refused too, with its mode in the message', async () => {
    const d = mkdtempSync(join(base(), 'home-'));
    chmodSync(d, 0o770);
    await expect(new ProfileStore(d).list()).rejects.toMatchObject({
      code: 'CONFIG_UNSAFE',
      message: expect.stringMatching(/writable by other users \(mode 770\).*chmod 700/),
    });
  });

  it.skipIf(!asRoot)(
    'a SIGNET_HOME owned by another user: its profiles.json is not used, nothing is written',
    async () => {
      const d = mkdtempSync(join(base(), 'home-'));
      const planted = JSON.stringify({
        version: 1,
        profiles: [{ id: 'work', bucket: 'attacker-bucket', region: 'eu-west-1', endpoint: 'https://evil.example' }],
      });
      writeFileSync(join(d, 'profiles.json'), planted);
      chownSync(d, NOBODY, NOBODY);
      chownSync(join(d, 'profiles.json'), NOBODY, NOBODY);
      const store = new ProfileStore(d);
      await expect(store.list()).rejects.toMatchObject({
        code: 'CONFIG_UNSAFE',
        message: expect.stringMatching(/belongs to another user \(uid 65534\)/),
      });
      await expect(store.save({ id: 'mine', bucket: 'my-bucket', region: 'eu-west-1' })).rejects.toMatchObject({
        code: 'CONFIG_UNSAFE',
      });
      expect(readFileSync(join(d, 'profiles.json'), 'utf8')).toBe(planted);
    },
  );

  it('in a private folder, a symlinked history.jsonl or profiles.json is not followed (O_NOFOLLOW)', async () => {
    const root = base();
    const loot = attackerFile(root, JSON.stringify({ version: 1, profiles: [] }));
    const d = mkdtempSync(join(root, 'home-')); // 0700, ours
    symlinkSync(loot, join(d, 'history.jsonl'));
    symlinkSync(loot, join(d, 'profiles.json'));
    await expect(new LinkHistory(d).append(record('b'), url)).rejects.toMatchObject({
      code: 'CONFIG_UNSAFE',
      message: expect.stringMatching(/is a symbolic link/),
    });
    await expect(new ProfileStore(d).list()).rejects.toMatchObject({
      code: 'CONFIG_UNSAFE',
      message: expect.stringMatching(/profiles\.json is a symbolic link/),
    });
    expect(readFileSync(loot, 'utf8')).not.toContain('X-Amz-Signature');
    expect(existsSync(join(d, 'history.lock'))).toBe(false); // and no lock left behind
  });

  it('the other stores in the config folder (approvals, CloudFront retirements) refuse the same', async () => {
    const open = mkdtempSync(join(base(), 'home-'));
    chmodSync(open, 0o777);
    await expect(new ApprovalStore(open).list()).rejects.toMatchObject({ code: 'CONFIG_UNSAFE' });
    await expect(new RetirementStore(open).list('p')).rejects.toMatchObject({ code: 'CONFIG_UNSAFE' });
    await expect(new RetirementStore(open).update((all) => all)).rejects.toMatchObject({ code: 'CONFIG_UNSAFE' });
    const d = mkdtempSync(join(base(), 'home-'));
    symlinkSync(attackerFile(d, '{"version":1,"pending":[]}'), join(d, 'cloudfront-retirements.json'));
    await expect(new RetirementStore(d).list('p')).rejects.toMatchObject({
      message: expect.stringMatching(/symbolic link/),
    });
  });

  it('a missing folder is still created private (0700), and a private one works as before', async () => {
    const d = join(base(), 'new', 'signet');
    await new LinkHistory(d).append(record('c'), url);
    expect((await new LinkHistory(d).list()).map((r) => r.id)).toEqual(['c']);
    await new ProfileStore(d).save({ id: 'mine', bucket: 'my-bucket', region: 'eu-west-1' });
    expect((await new ProfileStore(d).list()).profiles).toHaveLength(1);
  });
});
