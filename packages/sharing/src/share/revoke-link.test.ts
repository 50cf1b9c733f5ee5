// Revoke and renew against the real history file, with a stand-in S3 client (what the server
// does with a deleted object is tested against RGW in service.integ.test.ts).
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { LinkRecord } from '../api.js';
import { LinkHistory } from '../history/index.js';
import { renewLink } from './renew-link.js';
import { describeRevocation, revokeLink } from './revoke-link.js';
import type { SharingContext } from './sharing-context.js';

const T0 = new Date('2030-01-01T00:00:00Z');
const T1 = new Date('2030-01-01T00:10:00Z');

function record(id: string, o: Partial<LinkRecord> = {}): LinkRecord {
  const end = new Date(T0.getTime() + 3_600_000).toISOString();
  return {
    id,
    createdAt: T0.toISOString(),
    source: 'cli',
    profileId: 'work',
    kind: 's3',
    method: 'GET',
    bucket: 'reports',
    key: 'q3.pdf',
    options: {},
    expiresAt: end,
    effectiveExpiresAt: end,
    warnings: [],
    ...o,
  };
}

function setup() {
  const history = new LinkHistory(mkdtempSync(join(tmpdir(), 'signet-revoke-')));
  const sent: { Bucket?: string; Key?: string }[] = [];
  let now = T0;
  const ctx = {
    history,
    now: () => now,
    profiles: { get: async (id: string) => ({ id }) },
    clientFor: async () => ({
      send: async (c: { input: { Bucket?: string; Key?: string } }) => void sent.push(c.input),
    }),
    forget: () => undefined,
  } as unknown as SharingContext;
  const revokeLines = () =>
    readFileSync(history.file, 'utf8')
      .trim()
      .split('\n')
      .filter((l) => l.includes('"op":"revoke"'));
  return { ctx, history, sent, revokeLines, setNow: (d: Date) => (now = d) };
}

describe('revokeLink / renewLink', () => {
  it('deleting the object revokes every download link to it in one history write; other objects, profiles and upload links stay', async () => {
    const { ctx, history, sent, revokeLines, setNow } = setup();
    await history.append(record('asked'), 'https://s3/1');
    await history.append(record('renewed'), 'https://s3/2');
    await history.append(record('linked', { source: 'desktop', kind: 'cloudfront' }), 'https://cdn/3');
    await history.append(record('kept'), 'https://s3/4');
    await history.markRevoked(
      'kept',
      { by: 'marked', text: 'marked revoked (the object was kept, so the link works until it expires)' },
      T0,
    );
    await history.append(record('other-key', { key: 'q4.pdf' }), 'https://s3/5');
    await history.append(record('other-bucket', { bucket: 'archive' }), 'https://s3/6');
    await history.append(record('other-profile', { profileId: 'home' }), 'https://s3/7');
    await history.append(record('upload', { method: 'PUT' }), 'https://s3/8');
    setNow(T1);
    const write = vi.spyOn(history as unknown as { write: (events: unknown[]) => Promise<void> }, 'write');

    const r = await revokeLink(ctx, 'asked', { deleteObject: true });

    expect(sent).toEqual([{ Bucket: 'reports', Key: 'q3.pdf' }]);
    expect(r).toMatchObject({
      id: 'asked',
      revokedAt: T1.toISOString(),
      revocation: 'object deleted: s3://reports/q3.pdf',
    });
    expect(write).toHaveBeenCalledTimes(1); // all of them in one write
    const byId = new Map((await history.list({}, T1)).map((x) => [x.id, x]));
    for (const id of ['asked', 'renewed', 'linked', 'kept']) {
      expect(byId.get(id), id).toMatchObject({
        revokedAt: T1.toISOString(),
        revocation: expect.stringMatching(/^object deleted: s3:\/\/reports\/q3\.pdf/),
      });
    }
    expect(byId.get('renewed')!.revocation).toBe('object deleted: s3://reports/q3.pdf (when link asked was revoked)');
    for (const id of ['other-key', 'other-bucket', 'other-profile', 'upload'])
      expect(byId.get(id)!.revokedAt, id).toBeUndefined();
    expect((await history.list({ filter: 'active' }, T1)).map((x) => x.id).sort()).toEqual([
      'other-bucket',
      'other-key',
      'other-profile',
      'upload',
    ]);
    expect(revokeLines()).toHaveLength(5); // 'kept' before, then the four of this revoke
  });

  it('a second revoke deletes nothing and says so; describeRevocation says it is done', async () => {
    const { ctx, history, sent, revokeLines, setNow } = setup();
    await history.append(record('a'), 'https://s3/1');
    await revokeLink(ctx, 'a', { deleteObject: true });
    setNow(T1);
    expect(await describeRevocation(ctx, 'a')).toEqual({
      canDeleteObject: false,
      message: expect.stringMatching(/already revoked on .*was deleted then.*Revoking it again deletes nothing/),
    });
    const again = await revokeLink(ctx, 'a', { deleteObject: true });
    expect(sent).toHaveLength(1);
    expect(again.revocation).toBe(
      `already revoked on ${T0.toISOString()} (object deleted: s3://reports/q3.pdf); nothing was deleted this time`,
    );
    expect(again.revocation).not.toMatch(/^object deleted/);
    expect(again.revokedAt).toBe(T0.toISOString());
    expect(revokeLines()).toHaveLength(1); // nothing recorded again
    expect(await history.get('a')).toMatchObject({
      revokedAt: T0.toISOString(),
      revocation: 'object deleted: s3://reports/q3.pdf',
    });
  });

  it('an entry marked revoked with its object kept can still have the object deleted, which revokes it for real', async () => {
    const { ctx, history, sent, setNow } = setup();
    await history.append(record('a'), 'https://s3/1');
    await revokeLink(ctx, 'a', { deleteObject: false });
    expect(sent).toHaveLength(0);
    expect(await describeRevocation(ctx, 'a')).toEqual({
      canDeleteObject: true,
      message: expect.stringMatching(/^This link was marked revoked, but its object was kept, so it still works/),
    });
    setNow(T1);
    const r = await revokeLink(ctx, 'a', { deleteObject: true });
    expect(sent).toHaveLength(1);
    expect(r).toMatchObject({ revokedAt: T1.toISOString(), revocation: 'object deleted: s3://reports/q3.pdf' });
  });

  it('renewing an entry whose object was deleted by a revoke is refused (LINK_REVOKED, why, what to do), also for older histories', async () => {
    const { ctx, history } = setup();
    await history.append(record('a'), 'https://s3/1');
    await history.append(record('b'), 'https://s3/2');
    await revokeLink(ctx, 'a', { deleteObject: true });
    for (const id of ['a', 'b']) {
      await expect(renewLink(ctx, id)).rejects.toMatchObject({
        name: 'SharingError',
        code: 'LINK_REVOKED',
        message: expect.stringMatching(
          /cannot be renewed: .*s3:\/\/reports\/q3\.pdf was deleted .*404.*Share the file again/,
        ),
      });
    }
    // an entry revoked by an older Signet: its journal line has only the words ("object deleted: s3://…")
    await history.append(record('old', { key: 'old.pdf' }), 'https://s3/3');
    appendFileSync(
      history.file,
      `${JSON.stringify({ op: 'revoke', id: 'old', at: T0.toISOString(), revocation: 'object deleted: s3://reports/old.pdf' })}\n`,
    );
    expect(await history.get('old')).toMatchObject({ revokedBy: 'object-deleted' });
    await expect(renewLink(ctx, 'old')).rejects.toMatchObject({ code: 'LINK_REVOKED' });
    expect((await history.list()).map((x) => x.id).sort()).toEqual(['a', 'b', 'old']); // nothing new recorded
  });

  it('what revoked a link is data: the words are for people and decide nothing', async () => {
    const { ctx, history } = setup();
    await history.append(record('gone'), 'https://s3/1');
    await history.append(record('kept', { key: 'q4.pdf' }), 'https://s3/2');
    // Reworded texts: one that does not start "object deleted", one that does.
    await history.markRevoked(
      'gone',
      { by: 'object-deleted', text: 'The object s3://reports/q3.pdf was deleted.' },
      T0,
    );
    await history.markRevoked('kept', { by: 'marked', text: 'object deleted? no: kept on purpose' }, T0);
    expect(await history.get('gone')).toMatchObject({ revokedBy: 'object-deleted' });
    expect((await history.list()).find((r) => r.id === 'kept')).toMatchObject({ revokedBy: 'marked' });
    await expect(renewLink(ctx, 'gone')).rejects.toMatchObject({ code: 'LINK_REVOKED' });
    expect(await describeRevocation(ctx, 'gone')).toMatchObject({ canDeleteObject: false });
    expect(await describeRevocation(ctx, 'kept')).toMatchObject({ canDeleteObject: true });
    const r = await revokeLink(ctx, 'gone', { deleteObject: true });
    expect(r.revocation).toMatch(/^already revoked on .*nothing was deleted this time$/);
  });
});
