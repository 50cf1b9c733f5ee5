// Issue 12, "server lost mid-upload: … the leftover multipart upload aborted once the server
// answers again". A TCP relay in front of RGW is cut (listener closed, every connection destroyed)
// while a multipart share runs, so Signet cannot abort the upload it started; the relay is then
// opened again on the same port. The next share with that profile (here from a fresh service, as
// after a restart of the app or the CLI) aborts the leftover and says so; RGW lists no
// unfinished upload afterwards.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import { createSharingService } from '../service.js';

const MiB = 1024 * 1024;

/** A TCP relay to RGW that can be cut and opened again on the same port. */
function relayTo(endpoint: string) {
  const target = new URL(endpoint);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = async () => {
    server = createServer((c) => {
      const up = connect(Number(target.port), target.hostname);
      for (const s of [c, up]) {
        sockets.add(s);
        s.on('error', () => {});
      }
      c.pipe(up);
      up.pipe(c);
    });
    await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  };
  const cut = () => {
    server?.close();
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  return { open, cut, url: () => `http://127.0.0.1:${port}` };
}

/** A profile behind a relay, and a multipart share that the relay's cut leaves unfinished. */
async function leaveUnfinishedUpload() {
  const s3 = testS3();
  const bucket = uniqueBucket('leftover');
  await testS3Client().send(new CreateBucketCommand({ Bucket: bucket }));
  const openUploads = async () =>
    (await testS3Client().send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? [];
  const relay = relayTo(s3.endpoint);
  await relay.open();
  const home = mkdtempSync(join(tmpdir(), 'signet-leftover-'));
  const big = join(home, 'big.bin');
  writeFileSync(big, Buffer.alloc(30 * MiB, 7));
  const small = join(home, 'small.txt');
  writeFileSync(small, 'hello');
  const paths = { configDir: home, dataDir: home };
  const upload = { partSize: 5 * MiB, queueSize: 1 };
  const service = createSharingService({ paths, upload });
  await service.saveProfile(
    { id: 'flaky', bucket, region: s3.region, endpoint: relay.url(), forcePathStyle: true },
    { aws: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } },
  );
  let cut = false;
  const err = (await service
    .share({
      paths: [big],
      source: 'desktop',
      onProgress: (p) => {
        if (!cut && p.loaded > 0) {
          cut = true;
          relay.cut();
        }
      },
    })
    .catch((e: unknown) => e)) as { code?: string; message?: string; details?: Record<string, unknown> };
  return { s3, bucket, openUploads, relay, home, small, paths, upload, service, err };
}

describe('an upload left unfinished by a lost server is aborted once it answers again', () => {
  it('records it, aborts it at the next share, and reports what was cleaned', async () => {
    const { s3, bucket, openUploads, relay, home, small, paths, upload, service, err } = await leaveUnfinishedUpload();
    expect(err.code).toBe('SERVER_UNREACHABLE');
    const open = await openUploads();
    expect(open).toHaveLength(1);
    // structured, so a client can show it without parsing the sentence
    expect(err.details?.leftoverUpload).toEqual({
      profileId: 'flaky',
      bucket,
      key: open[0]!.Key,
      uploadId: open[0]!.UploadId,
    });
    expect(err.message).toMatch(/Signet aborts it the next time the profile "flaky" reaches the server/);
    // remembered in a private file next to the history, with nothing secret in it
    const file = join(home, 'unfinished-uploads.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(s3.secretAccessKey);

    await relay.open(); // the server answers again
    const next = await createSharingService({ paths, upload }).share({ paths: [small], source: 'desktop' });
    expect(next.links).toHaveLength(1);
    expect(next.cleanedUp).toEqual({
      count: 1,
      uploads: [{ bucket, key: open[0]!.Key }],
      message: `Cleaned up 1 unfinished upload (${open[0]!.Key}) left on the server when it was lost.`,
    });
    expect(await openUploads()).toEqual([]);
    // done once: the next share has nothing to clean
    const again = await service.share({ paths: [small], source: 'desktop' });
    expect(again.cleanedUp).toBeUndefined();
    relay.cut();
  }, 120_000);

  it('a successful Test connection of the profile cleans it up too', async () => {
    const { bucket, openUploads, relay, paths, err } = await leaveUnfinishedUpload();
    expect(err.details?.leftoverUpload).toMatchObject({ profileId: 'flaky', bucket });
    expect(await openUploads()).toHaveLength(1);
    await relay.open();
    const check = await createSharingService({ paths }).testProfile('flaky');
    expect(check.ok).toBe(true);
    expect(check.message).toMatch(/Cleaned up 1 unfinished upload \(.*big\.bin\)/);
    expect(await openUploads()).toEqual([]);
    relay.cut();
  }, 120_000);
});
