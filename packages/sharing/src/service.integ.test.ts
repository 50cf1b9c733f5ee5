// The sharing engine end to end against the real OS keychain (gnome-keyring via
// scripts/with-keyring.sh) and a real SigV4-checking S3 server (Ceph RGW).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';
import type { SharingService } from './api.js';
import { createSharingService } from './service.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('sharing service against RGW and the real keychain', () => {
  const bucket = uniqueBucket('share');
  const home = mkdtempSync(join(tmpdir(), 'signet-home-'));
  const work = mkdtempSync(join(tmpdir(), 'signet-files-'));
  const profileId = `p${Date.now().toString(36)}`;
  let service: SharingService;
  let admin: S3Client;

  beforeAll(async () => {
    const s3 = testS3();
    admin = testS3Client();
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    service = createSharingService({
      paths: { configDir: home, dataDir: home },
      upload: { partSize: 5 * 1024 * 1024, queueSize: 2 },
    });
    await service.saveProfile({
      id: profileId,
      bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      keyTemplate: '{user}/{yyyy}/{uuid}/{name}',
    });
    await service.setAwsSecret(profileId, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
  });

  it('keeps the secret in the Secret Service and in no file under the config folder', async () => {
    const stored = execFileSync('secret-tool', [
      'lookup',
      'service',
      'Signet',
      'username',
      `profile:${profileId}:aws`,
    ]).toString();
    expect(stored).toContain(testS3().secretAccessKey);
    for (const f of filesUnder(home)) expect(readFileSync(f, 'utf8'), f).not.toContain(testS3().secretAccessKey);
    expect((await service.getProfile(profileId)).hasAwsSecret).toBe(true);
  });

  it('shares a file: uploaded under the template, signed, recorded; the link returns the exact bytes', async () => {
    const file = join(work, 'Q3 report #1 (final).pdf');
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
    writeFileSync(file, bytes);
    const progress: number[] = [];
    const { links } = await service.share({
      paths: [file],
      expires: '2h',
      source: 'cli',
      check: true,
      onProgress: (p) => progress.push(p.percent),
    });
    expect(links).toHaveLength(1);
    const link = links[0]!;
    expect(link.key).toMatch(/^[^/]+\/\d{4}\/[0-9a-f-]{36}\/Q3 report #1 \(final\)\.pdf$/);
    expect(link.check?.status).toBe('ok');
    expect(new URL(link.url).searchParams.get('X-Amz-Expires')).toBe('7200');
    const res = await fetch(link.url);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(progress.at(-1)).toBe(100);
    const listed = await service.listLinks({ filter: 'active', search: 'Q3 report' });
    expect(listed.map((r) => r.id)).toContain(link.id);
    expect(await service.getLinkUrl(link.id)).toBe(link.url);
  });

  it('shares a multipart file and a folder; renew gives a fresh link; revoke deletes the object', async () => {
    const dir = join(work, 'folder');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'big.bin'), Buffer.alloc(11 * 1024 * 1024, 7));
    writeFileSync(join(dir, 'sub', 'empty.txt'), '');
    const { links } = await service.share({ paths: [dir], expires: '1h', source: 'desktop' });
    expect(links.map((l) => l.key.split('/').pop()).sort()).toEqual(['big.bin', 'empty.txt']);
    // one uuid for the whole folder, its structure kept below it
    const [big, empty] = [
      links.find((l) => l.key.endsWith('big.bin'))!,
      links.find((l) => l.key.endsWith('empty.txt'))!,
    ];
    expect(empty.key).toBe(big.key.replace(/folder\/big\.bin$/, 'folder/sub/empty.txt'));
    for (const l of links) expect((await fetch(l.url)).status).toBe(200);
    expect((await (await fetch(empty.url)).arrayBuffer()).byteLength).toBe(0);
    const renewed = await service.renewLink(links[0]!.id, '15m');
    expect(renewed.id).not.toBe(links[0]!.id);
    expect(new URL(renewed.url).searchParams.get('X-Amz-Expires')).toBe('900');
    expect((await service.describeRevocation(links[0]!.id)).message).toMatch(/cannot be revoked on its own/);
    const revoked = await service.revokeLink(links[0]!.id, { deleteObject: true });
    expect(revoked.revokedAt).toBeTruthy();
    expect((await fetch(renewed.url)).status).toBe(404);
    await expect(admin.send(new HeadObjectCommand({ Bucket: bucket, Key: links[0]!.key }))).rejects.toThrow();
  });

  it('revoking with the object deleted revokes every link to it (renewed, linked again); renewing them is refused; a second revoke deletes nothing', async () => {
    const { links } = await service.share({
      paths: [writeTmp('revoke-all.txt', 'soon gone')],
      expires: '1h',
      source: 'cli',
    });
    const first = links[0]!;
    const renewed = await service.renewLink(first.id, '30m');
    const linked = await service.link({ ref: `s3://${bucket}/${first.key}`, expires: '20m', source: 'desktop' });
    const {
      links: [other],
    } = await service.share({ paths: [writeTmp('stays.txt', 'stays')], source: 'cli' });
    for (const l of [first, renewed, linked]) expect((await fetch(l.url)).status).toBe(200);
    const ids = [first.id, renewed.id, linked.id];

    await service.revokeLink(renewed.id, { deleteObject: true });

    await expect(admin.send(new HeadObjectCommand({ Bucket: bucket, Key: first.key }))).rejects.toThrow();
    for (const l of [first, renewed, linked]) expect((await fetch(l.url)).status).toBe(404);
    const all = await service.listLinks({ search: 'revoke-all.txt' });
    expect(all.map((r) => r.id).sort()).toEqual([...ids].sort());
    const at = all[0]!.revokedAt;
    for (const r of all)
      expect(r, r.id).toMatchObject({ revokedAt: at, revocation: expect.stringMatching(/^object deleted: s3:\/\//) });
    expect(await service.listLinks({ filter: 'active', search: 'revoke-all.txt' })).toEqual([]);
    expect((await service.listLinks({ filter: 'active' })).map((r) => r.id)).toContain(other!.id);
    const journal = readFileSync(join(home, 'history.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { op: string; id?: string });
    expect(
      journal
        .slice(-3)
        .map((e) => [e.op, e.id])
        .sort(),
    ).toEqual(ids.map((id) => ['revoke', id]).sort());

    for (const id of ids) {
      await expect(service.renewLink(id)).rejects.toMatchObject({
        code: 'LINK_REVOKED',
        message: expect.stringMatching(/was deleted then, so a new link would only answer 404.*Share the file again/),
      });
    }
    expect(await service.listLinks({ search: 'revoke-all.txt' })).toHaveLength(3); // no new entry

    expect((await service.describeRevocation(first.id)).message).toMatch(
      /already revoked .*Revoking it again deletes nothing/,
    );
    const again = await service.revokeLink(first.id, { deleteObject: true });
    expect(again.revocation).toMatch(/^already revoked on .*; nothing was deleted this time$/);
  });

  it('an entry revoked with its object kept can be renewed: the fresh link works', async () => {
    const { links } = await service.share({ paths: [writeTmp('kept.txt', 'kept')], expires: '1h', source: 'cli' });
    const revoked = await service.revokeLink(links[0]!.id, { deleteObject: false });
    expect(revoked.revocation).toMatch(/object was kept/);
    const renewed = await service.renewLink(links[0]!.id, '15m');
    expect(await (await fetch(renewed.url)).text()).toBe('kept');
  });

  it('cancelling a multipart upload leaves no object and no orphaned parts', async () => {
    const file = join(work, 'cancel.bin');
    writeFileSync(file, Buffer.alloc(30 * 1024 * 1024, 1));
    const ctl = new AbortController();
    const p = service.share({
      paths: [file],
      source: 'desktop',
      signal: ctl.signal,
      onProgress: (pr) => pr.loaded > 0 && ctl.abort(),
    });
    await expect(p).rejects.toMatchObject({ code: 'UPLOAD_CANCELLED' });
    // checked at once: share() returns only after the multipart upload is aborted on the server
    const mp = await admin.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(mp.Uploads ?? []).toHaveLength(0);
    expect(
      (await admin.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents?.filter((o) =>
        o.Key?.endsWith('cancel.bin'),
      ) ?? [],
    ).toEqual([]);
    expect(await service.listLinks({ search: 'cancel.bin' })).toHaveLength(0);
  });

  it('a cancel of a later file in a multi-file share removes the files already uploaded: all or nothing', async () => {
    const first = writeTmp('first.txt', 'one');
    const second = join(work, 'second.bin');
    writeFileSync(second, Buffer.alloc(12 * 1024 * 1024, 2));
    const ctl = new AbortController();
    const before = (await admin.send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount ?? 0;
    const err = (await service
      .share({
        paths: [first, second],
        source: 'cli',
        signal: ctl.signal,
        onProgress: (pr) => pr.file === second && pr.loaded > 0 && ctl.abort(),
      })
      .catch((e: unknown) => e)) as { code?: string; message?: string };
    expect(err.code).toBe('UPLOAD_CANCELLED');
    expect(err.message).toMatch(/1 file\(s\) of this share that were already uploaded were removed again/);
    expect((await admin.send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount ?? 0).toBe(before);
    expect(await service.listLinks({ search: 'first.txt' })).toHaveLength(0);
  });

  it('links an existing object from any reference form, and refuses objects outside every profile', async () => {
    const { links } = await service.share({ paths: [writeTmp('ref.txt', 'by ref')], source: 'cli' });
    const key = links[0]!.key;
    const viaUri = await service.link({ ref: `s3://${bucket}/${key}`, expires: '10m', source: 'extension' });
    expect(await (await fetch(viaUri.url)).text()).toBe('by ref');
    const viaSigned = await service.link({ ref: viaUri.url, source: 'extension' });
    expect(viaSigned.key).toBe(key);
    await expect(service.link({ ref: 's3://someone-elses-bucket/x', source: 'extension' })).rejects.toMatchObject({
      code: 'NO_PROFILE_FOR_OBJECT',
    });
  });

  it('an upload (PUT) link signed with a content type says which header to send, and its check sends it', async () => {
    const put = await service.link({
      ref: `s3://${bucket}/inbox/report.csv`,
      expires: '10m',
      options: { method: 'PUT', contentType: 'text/csv' },
      check: true,
      source: 'cli',
    });
    expect(put.headers).toEqual({ 'Content-Type': 'text/csv' });
    expect(put.check).toMatchObject({ ok: true, status: 'ok' }); // without the header RGW would refuse the signature
    expect((await service.checkLink(put.url, 'PUT')).ok).toBe(false);
    expect(await service.checkLink(put.url, 'PUT', put.headers)).toMatchObject({ ok: true });
    const up = await fetch(put.url, { method: 'PUT', headers: put.headers, body: 'a,b\n' });
    expect(up.status).toBe(200);
    expect((await admin.send(new HeadObjectCommand({ Bucket: bucket, Key: 'inbox/report.csv' }))).ContentType).toBe(
      'text/csv',
    );
  });

  it('refuses bad input before uploading anything', async () => {
    await expect(service.share({ paths: [join(work, 'nope.txt')], source: 'cli' })).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    });
    const loop = join(work, 'loop');
    mkdirSync(loop);
    symlinkSync(loop, join(loop, 'again'));
    await expect(service.share({ paths: [loop], source: 'cli' })).rejects.toMatchObject({ code: 'DIRECTORY_LOOP' });
    const locked = writeTmp('locked.txt', 'x');
    chmodSync(locked, 0o000);
    if (process.getuid?.() !== 0)
      await expect(service.share({ paths: [locked], source: 'cli' })).rejects.toMatchObject({
        code: 'FILE_UNREADABLE',
      });
    await expect(service.share({ paths: [writeTmp('a.txt', 'a')], expires: '8d', source: 'cli' })).rejects.toThrow(
      /at most 7 days/,
    );
    await service.saveProfile({
      id: `${profileId}-nb`,
      bucket: 'no-such-bucket-here',
      region: 'us-east-1',
      endpoint: testS3().endpoint,
      forcePathStyle: true,
    });
    await service.setAwsSecret(`${profileId}-nb`, {
      accessKeyId: testS3().accessKeyId,
      secretAccessKey: testS3().secretAccessKey,
    });
    await expect(
      service.share({ paths: [writeTmp('b.txt', 'b')], profileId: `${profileId}-nb`, source: 'cli' }),
    ).rejects.toMatchObject({ code: 'BUCKET_NOT_FOUND' });
    expect((await service.testProfile(`${profileId}-nb`)).status).toBe('no-such-bucket');
    expect((await service.testProfile(profileId)).ok).toBe(true);
  });

  it('expired temporary credentials are refused before anything is uploaded', async () => {
    const id = `${profileId}-tmp`;
    await service.saveProfile({ id, bucket, region: 'us-east-1', endpoint: testS3().endpoint, forcePathStyle: true });
    await service.setAwsSecret(id, {
      accessKeyId: testS3().accessKeyId,
      secretAccessKey: testS3().secretAccessKey,
      sessionToken: 'tok',
      expiration: new Date(Date.now() + 600_000).toISOString(),
    });
    const link = await service.link({ ref: `s3://${bucket}/whatever`, profileId: id, expires: '7d', source: 'cli' });
    expect(new Date(link.effectiveExpiresAt).getTime()).toBeLessThan(Date.now() + 601_000);
    expect(link.warnings[0]?.code).toBe('CREDENTIALS_EXPIRE_FIRST');
    // the token-bearing URL is kept in the keychain, not the history file
    expect(readFileSync(join(home, 'history.jsonl'), 'utf8')).not.toContain('X-Amz-Security-Token');
    expect(await service.getLinkUrl(link.id)).toBe(link.url);
    await service.setAwsSecret(id, {
      accessKeyId: 'AKIAEXPIREDEXAMPLE00',
      secretAccessKey: 'x'.repeat(40),
      sessionToken: 't',
      expiration: new Date(Date.now() - 1000).toISOString(),
    });
    await expect(service.link({ ref: `s3://${bucket}/x`, profileId: id, source: 'cli' })).rejects.toThrow(/expired/);
    const objects = async () => (await admin.send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount ?? 0;
    const count = await objects();
    await expect(
      service.share({ paths: [writeTmp('late.txt', 'late')], profileId: id, source: 'cli' }),
    ).rejects.toThrow(/expired/);
    expect(await objects()).toBe(count);
  });

  it('a damaged profiles file is reported with its path and left untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-corrupt-'));
    writeFileSync(join(dir, 'profiles.json'), '{"profiles": [ {"id": "x"');
    const s = createSharingService({ paths: { configDir: dir, dataDir: dir } });
    await expect(s.listProfiles()).rejects.toThrow(/profiles\.json is damaged.*left untouched/);
    await expect(s.saveProfile({ id: 'y', bucket: 'ok-bucket' })).rejects.toMatchObject({ code: 'CONFIG_CORRUPT' });
    expect(readFileSync(join(dir, 'profiles.json'), 'utf8')).toBe('{"profiles": [ {"id": "x"');
  });

  function writeTmp(name: string, content: string): string {
    const p = join(mkdtempSync(join(work, 'f-')), name);
    writeFileSync(p, content);
    return p;
  }
});
