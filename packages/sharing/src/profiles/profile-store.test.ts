import { mkdtempSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickProfile } from '../share/pick-profile.js';
import { ProfileStore } from './profile-store.js';

const dir = () => mkdtempSync(join(tmpdir(), 'signet-profiles-'));
const input = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  bucket: `bucket-${id}`,
  region: 'eu-west-1',
  ...extra,
});

describe('ProfileStore', () => {
  it('freeze(): a batch reads the file once; its own saves are seen; thawed, other writers are seen again', async () => {
    const d = dir();
    const store = new ProfileStore(d);
    await store.save(input('work'));
    const thaw = store.freeze();
    expect((await store.list()).profiles.map((p) => p.id)).toEqual(['work']);
    // Another process edits the file: a frozen batch keeps the profiles it started with.
    const file = join(d, 'profiles.json');
    const other = JSON.parse(readFileSync(file, 'utf8')) as { profiles: unknown[] };
    other.profiles.push(input('from-elsewhere'));
    writeFileSync(file, JSON.stringify(other));
    expect((await store.list()).profiles.map((p) => p.id)).toEqual(['work']);
    // A save through this store writes the file as it is now (nothing lost) and is seen at once.
    await store.save(input('mine'));
    expect((await store.list()).profiles.map((p) => p.id)).toEqual(['work', 'from-elsewhere', 'mine']);
    thaw();
    const now = JSON.parse(readFileSync(file, 'utf8')) as { profiles: unknown[] };
    writeFileSync(file, JSON.stringify({ ...now, profiles: [...now.profiles, input('later')] }));
    expect((await store.list()).profiles.map((p) => p.id)).toContain('later');
  });

  it('creates, lists, edits, picks a default and removes profiles in one JSON file', async () => {
    const d = dir();
    const store = new ProfileStore(d);
    expect(await store.list()).toEqual({ profiles: [] });
    const work = await store.save(input('work'));
    expect(work).toMatchObject({
      id: 'work',
      keyTemplate: '{yyyy}/{mm}/{uuid}/{name}',
      defaultExpiry: '1d',
      credentials: { source: 'keychain' },
      link: { kind: 's3' },
    });
    await store.save(input('client-a', { credentials: { source: 'aws-profile', awsProfile: 'dev-sso' } }));
    expect((await store.list()).defaultId).toBe('work'); // the first one
    await store.setDefault('client-a');
    expect((await store.list()).defaultId).toBe('client-a');
    await store.save(input('work', { defaultExpiry: '2h' })); // edit
    expect((await store.get('work')).defaultExpiry).toBe('2h');
    expect((await store.list()).profiles.map((p) => p.id)).toEqual(['work', 'client-a']);
    await expect(store.create(input('work'))).rejects.toMatchObject({ code: 'PROFILE_EXISTS' });
    await store.remove('client-a');
    expect(await store.list()).toMatchObject({ defaultId: 'work', profiles: [{ id: 'work' }] });
    await expect(store.get('client-a')).rejects.toMatchObject({
      code: 'PROFILE_NOT_FOUND',
      message: expect.stringMatching(/Profiles: work/),
    });
    await expect(store.remove('nope')).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    await expect(store.setDefault('nope')).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    // private to the user, no temp or lock files left behind
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(readdirSync(d)).toEqual(['profiles.json']);
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toMatchObject({ version: 1, defaultId: 'work' });
  });

  it('a default that names a removed profile (hand edit) is reported, not silently swapped for another profile', async () => {
    const store = new ProfileStore(dir());
    await store.save(input('a'));
    await store.save(input('b'));
    const file = JSON.parse(readFileSync(store.file, 'utf8')) as Record<string, unknown>;
    writeFileSync(store.file, JSON.stringify({ ...file, defaultId: 'ghost' }));
    expect(await store.list()).toMatchObject({ missingDefault: 'ghost' });
    expect((await store.list()).defaultId).toBeUndefined();
    await expect(pickProfile(store)).rejects.toMatchObject({
      code: 'NO_PROFILE',
      message:
        'The default profile "ghost" no longer exists. Pick one with --profile (a, b) or set a default: signet profile default <id>.',
    });
    expect((await pickProfile(store, 'b')).id).toBe('b');
    await store.remove('b'); // one profile left: it is the one to use
    expect((await pickProfile(store)).id).toBe('a');
  });

  it('validates on write: an invalid profile is refused with what is wrong, the file unchanged', async () => {
    const store = new ProfileStore(dir());
    await store.save(input('ok'));
    const before = readFileSync(store.file, 'utf8');
    await expect(store.save({ id: 'Bad Id', bucket: 'x', region: 'eu-west-1' })).rejects.toMatchObject({
      code: 'PROFILE_INVALID',
      message: expect.stringMatching(/id:.*bucket:/s),
    });
    await expect(store.save(input('leak', { secretAccessKey: 'abc' }))).rejects.toMatchObject({
      code: 'PROFILE_INVALID',
      message: expect.stringMatching(/secrets never go in a profile/),
    });
    expect(readFileSync(store.file, 'utf8')).toBe(before);
  });

  it.each([
    ['not JSON', '{"version":1,"profiles":[', /not valid JSON/],
    ['empty', '', /it is empty/],
    ['no list', '{"version":1}', /no "profiles" list/],
    [
      'an invalid profile',
      JSON.stringify({ version: 1, profiles: [{ id: 'x', bucket: 'NO', region: 'eu-west-1' }] }),
      /bucket/,
    ],
    ['a duplicate id', JSON.stringify({ version: 1, profiles: [input('a'), input('a')] }), /appears twice/],
    ['a newer version', JSON.stringify({ version: 7, profiles: [] }), /version 7.*update Signet/],
  ])('a corrupted file (%s) is reported with its path and preserved byte for byte', async (_what, content, why) => {
    const store = new ProfileStore(dir());
    writeFileSync(store.file, content);
    const err = await store.list().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CONFIG_CORRUPT', details: { file: store.file } });
    expect((err as Error).message).toContain(store.file);
    expect((err as Error).message).toMatch(why);
    expect((err as Error).message).toMatch(/left untouched/);
    // no write may replace it: save, remove and setDefault all refuse
    await expect(store.save(input('new'))).rejects.toMatchObject({ code: 'CONFIG_CORRUPT' });
    await expect(store.setDefault('a')).rejects.toMatchObject({ code: 'CONFIG_CORRUPT' });
    await expect(store.remove('a')).rejects.toMatchObject({ code: 'CONFIG_CORRUPT' });
    expect(readFileSync(store.file, 'utf8')).toBe(content);
  });

  it('concurrent saves (same process) lose nothing: writes are serialized by the lock', async () => {
    const store = new ProfileStore(dir());
    const other = new ProfileStore(store.file.replace(/\/profiles\.json$/, ''));
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).save(input(`p${i}`))));
    expect((await store.list()).profiles).toHaveLength(20);
  });
});
