// uploadFile against RGW through a small forwarding proxy that injects the transient faults
// real networks and S3 produce (503 SlowDown, a connection reset mid-request), plus progress
// and cancel timing. SigV4 signs the Host header the client sent, which the proxy passes on
// unchanged, so RGW still verifies every signature.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import type { UploadProgress } from '../api.js';
import { createS3Client } from './create-s3-client.js';
import { uploadFile } from './upload-file.js';

const MiB = 2 ** 20;

describe('uploadFile: retries, progress and content type', () => {
  const bucket = uniqueBucket('upload');
  const dir = mkdtempSync(join(tmpdir(), 'signet-upload-'));
  const faults: { match: (req: IncomingMessage) => boolean; kind: '503' | 'reset' | 'stall' | 'slow' }[] = [];
  let connections = 0;
  const served: string[] = [];
  let proxyEndpoint = '';
  const proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
    const i = faults.findIndex((f) => f.match(req));
    const fault = i >= 0 ? faults.splice(i, 1)[0] : undefined;
    if (fault && fault.kind !== 'slow') {
      served.push(`${fault.kind} ${req.method} ${req.url}`);
      if (fault.kind === 'stall') return; // the connection stays open and silent
      if (fault.kind === 'reset') {
        req.socket.destroy(); // the connection drops in the middle of the upload
        return;
      }
      req.resume();
      req.on('end', () => {
        res.writeHead(503, { 'content-type': 'application/xml' });
        res.end(
          '<?xml version="1.0"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
        );
      });
      return;
    }
    const target = new URL(testS3().endpoint);
    const fwd = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    fwd.on('error', () => res.destroy());
    if (fault?.kind === 'slow') {
      // A slow uplink: the body trickles through in 64 KiB steps, 5 ms apart (~12 MB/s).
      served.push(`slow ${req.method} ${req.url}`);
      req.on('data', (chunk: Buffer) => {
        fwd.write(chunk);
        req.pause();
        setTimeout(() => req.resume(), 5);
      });
      req.on('end', () => fwd.end());
      return;
    }
    req.pipe(fwd);
  });

  proxy.on('connection', () => connections++);

  beforeAll(async () => {
    await testS3Client().send(new CreateBucketCommand({ Bucket: bucket }));
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyEndpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((r) => {
        proxy.closeAllConnections();
        proxy.close(() => r());
      }),
  );

  const client = (timeouts?: { idleMs: number }) => {
    const s3 = testS3();
    return createS3Client({ region: s3.region, endpoint: proxyEndpoint, forcePathStyle: true }, s3, timeouts);
  };
  const partRequest = (n: number) => (req: IncomingMessage) =>
    req.method === 'PUT' && new URL(req.url!, 'http://x').searchParams.get('partNumber') === String(n);

  it('retries a part after 503 SlowDown and after a dropped connection; the object is whole', async () => {
    const file = join(dir, 'retry.bin');
    const bytes = Buffer.alloc(16 * MiB);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) % 256;
    writeFileSync(file, bytes);
    faults.push({ match: partRequest(2), kind: '503' }, { match: partRequest(3), kind: 'reset' });
    const put = await uploadFile({
      client: client(),
      bucket,
      key: 'retry.bin',
      filePath: file,
      partSize: 5 * MiB,
      queueSize: 2,
    });
    expect(served).toEqual([
      expect.stringMatching(/^503 PUT .*partNumber=2/),
      expect.stringMatching(/^reset PUT .*partNumber=3/),
    ]);
    const got = Buffer.from(
      await (
        await testS3Client().send(new GetObjectCommand({ Bucket: bucket, Key: put.key }))
      ).Body!.transformToByteArray(),
    );
    expect(got.equals(bytes)).toBe(true);
    expect((await testS3Client().send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);
  });

  it('reports monotonic progress ending at 100 %, a rate only after the first second, and the content type', async () => {
    const file = join(dir, 'clip.mp4');
    writeFileSync(file, Buffer.alloc(12 * MiB, 1));
    const events: UploadProgress[] = [];
    const at: number[] = [];
    const started = performance.now();
    const put = await uploadFile({
      client: client(),
      bucket,
      key: 'clip.mp4',
      filePath: file,
      partSize: 5 * MiB,
      queueSize: 1,
      onProgress: (p) => (events.push(p), at.push(performance.now() - started)),
    });
    const tookMs = performance.now() - started;
    expect(put.contentType).toBe('video/mp4');
    expect(events[0]).toMatchObject({ loaded: 0, percent: 0, total: 12 * MiB });
    expect(events.at(-1)).toMatchObject({ loaded: 12 * MiB, percent: 100, etaSeconds: 0 });
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThanOrEqual(events[i - 1]!.loaded);
    // No rate from the first second's samples (a burst into socket buffers is not a speed); the
    // rule itself is pinned with a fixed clock in progress-meter.test.ts. On a slow run, a rate shows.
    const rated = events.flatMap((e, i) => (e.rate > 0 && e.loaded < e.total ? [at[i]!] : []));
    for (const ms of rated) expect(ms).toBeGreaterThanOrEqual(900);
    if (tookMs > 2000) expect(rated.length).toBeGreaterThan(0);
    const head = await testS3Client().send(new GetObjectCommand({ Bucket: bucket, Key: 'clip.mp4' }));
    expect(head.ContentType).toBe('video/mp4');
  });

  it('gives up after the retries with a clear error when the server keeps failing, leaving no parts', async () => {
    const file = join(dir, 'doomed.bin');
    writeFileSync(file, Buffer.alloc(11 * MiB, 5));
    for (let i = 0; i < 5; i++) faults.push({ match: partRequest(2), kind: '503' });
    const err = (await uploadFile({
      client: client(),
      bucket,
      key: 'doomed.bin',
      filePath: file,
      partSize: 5 * MiB,
      queueSize: 1,
    }).catch((e: unknown) => e)) as { code?: string; message?: string };
    expect(err.code).toBe('UPLOAD_FAILED');
    expect(err.message).toMatch(/doomed\.bin failed: .*SlowDown/);
    expect((await testS3Client().send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);
  });

  it('keeps connections open between parts: one per part in flight, not one per request', async () => {
    const file = join(dir, 'reuse.bin');
    writeFileSync(file, Buffer.alloc(31 * MiB, 7));
    connections = 0;
    await uploadFile({ client: client(), bucket, key: 'reuse.bin', filePath: file, partSize: 5 * MiB, queueSize: 2 });
    // HeadObject, CreateMultipartUpload, 7 parts, Complete: 10 requests over at most 2 connections
    // (with `Expect: 100-continue` the SDK opened a fresh connection for every part).
    expect(connections).toBeGreaterThan(0);
    expect(connections).toBeLessThanOrEqual(2);
  });

  it('a part whose connection goes silent is given up after the idle timeout and sent again; the object is whole', async () => {
    const file = join(dir, 'stall.bin');
    const bytes = Buffer.alloc(11 * MiB);
    for (let i = 0; i < bytes.length; i += 1024) bytes[i] = (i / 1024) % 251;
    writeFileSync(file, bytes);
    served.length = 0;
    faults.push({ match: partRequest(2), kind: 'stall' });
    const put = await uploadFile({
      client: client({ idleMs: 400 }),
      bucket,
      key: 'stall.bin',
      filePath: file,
      partSize: 5 * MiB,
      queueSize: 2,
    });
    expect(served).toEqual([expect.stringMatching(/^stall PUT .*partNumber=2/)]);
    const got = Buffer.from(
      await (
        await testS3Client().send(new GetObjectCommand({ Bucket: bucket, Key: put.key }))
      ).Body!.transformToByteArray(),
    );
    expect(got.equals(bytes)).toBe(true);
  });

  it('a server that stays silent ends in a clear error after the retries, not a share that hangs', async () => {
    const file = join(dir, 'silent.bin');
    writeFileSync(file, Buffer.alloc(11 * MiB, 3));
    for (let i = 0; i < 5; i++) faults.push({ match: partRequest(2), kind: 'stall' });
    const err = (await uploadFile({
      client: client({ idleMs: 300 }),
      bucket,
      key: 'silent.bin',
      filePath: file,
      partSize: 5 * MiB,
      queueSize: 1,
    }).catch((e: unknown) => e)) as { code?: string; message?: string };
    expect(err.code).toBe('SERVER_UNREACHABLE');
    expect(err.message).toMatch(/silent\.bin failed: The storage server stopped answering/);
    expect((await testS3Client().send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);
  });

  it('progress moves while a part is still being sent on a slow connection, not only when it completes', async () => {
    const file = join(dir, 'slow.bin');
    writeFileSync(file, Buffer.alloc(20 * MiB, 9));
    served.length = 0;
    faults.push({ match: partRequest(1), kind: 'slow' });
    const events: UploadProgress[] = [];
    // A 16 MiB part: loopback socket buffers swallow several MiB at once, the rest trickles.
    await uploadFile({
      client: client(),
      bucket,
      key: 'slow.bin',
      filePath: file,
      partSize: 16 * MiB,
      queueSize: 1,
      onProgress: (p) => events.push(p),
    });
    expect(served).toEqual([expect.stringMatching(/^slow PUT .*partNumber=1/)]);
    const withinFirstPart = events.filter((e) => e.loaded > 0 && e.loaded < 16 * MiB);
    expect(withinFirstPart.length).toBeGreaterThanOrEqual(3); // reported every 100 ms while it trickles
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThanOrEqual(events[i - 1]!.loaded);
    expect(events.at(-1)).toMatchObject({ loaded: 20 * MiB, percent: 100 });
  });

  it('over plain HTTP every body is sent with its signed SHA-256, which RGW checks against the bytes', async () => {
    const file = join(dir, 'hashed.bin');
    const bytes = Buffer.alloc(11 * MiB);
    for (let i = 0; i < bytes.length; i += 512) bytes[i] = (i / 512) % 253;
    writeFileSync(file, bytes);
    const hashes: string[] = [];
    const spy = client();
    spy.middlewareStack.add(
      (next) => async (args) => {
        const h = (args.request as { headers: Record<string, string> }).headers['x-amz-content-sha256'];
        if ((args.input as { PartNumber?: number }).PartNumber) hashes.push(h ?? '');
        return next(args);
      },
      { step: 'finalizeRequest', name: 'spyPayloadHash' },
    );
    await uploadFile({ client: spy, bucket, key: 'hashed.bin', filePath: file, partSize: 5 * MiB, queueSize: 1 });
    const expected = [bytes.subarray(0, 5 * MiB), bytes.subarray(5 * MiB, 10 * MiB), bytes.subarray(10 * MiB)].map(
      (b) => createHash('sha256').update(b).digest('hex'),
    );
    expect(hashes).toEqual(expected);
    // The hash is really checked: a body that does not match its signed hash is refused.
    const liar = client();
    liar.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers['x-amz-content-sha256'] = createHash('sha256')
          .update('something else')
          .digest('hex');
        return next(args);
      },
      { step: 'build', name: 'wrongPayloadHash' },
    );
    await expect(
      liar.send(new PutObjectCommand({ Bucket: bucket, Key: 'liar.bin', Body: Buffer.from('the real bytes') })),
    ).rejects.toMatchObject({ name: 'XAmzContentSHA256Mismatch' });
  });

  it('a server that vanishes mid-upload: a clear error that says the parts could not be discarded, and how to abort them', async () => {
    const file = join(dir, 'vanish.bin');
    writeFileSync(file, Buffer.alloc(40 * MiB, 4));
    // A TCP relay to RGW that is shut down, connections and all, once the first part is going.
    const target = new URL(testS3().endpoint);
    const sockets = new Set<Socket>();
    const relay = createNetServer((c) => {
      const up = connect(Number(target.port), target.hostname);
      for (const s of [c, up]) {
        sockets.add(s);
        s.on('error', () => {});
      }
      c.pipe(up);
      up.pipe(c);
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const s3 = testS3();
    const relayPort = (relay.address() as AddressInfo).port;
    const viaRelay = createS3Client(
      {
        region: s3.region,
        endpoint: `http://127.0.0.1:${relayPort}`,
        forcePathStyle: true,
      },
      s3,
    );
    let cut = false;
    const err = (await uploadFile({
      client: viaRelay,
      bucket,
      key: 'vanish.bin',
      filePath: file,
      partSize: 5 * MiB,
      queueSize: 2,
      onProgress: (p) => {
        if (!cut && p.loaded > 0) {
          cut = true;
          relay.close();
          for (const sock of sockets) sock.destroy();
        }
      },
    }).catch((e: unknown) => e)) as { code?: string; message?: string };
    expect(err.code).toBe('SERVER_UNREACHABLE');
    expect(err.message).toMatch(/could not be reached.*retried with backoff/);
    const id = /--upload-id (\S+)$/.exec(err.message ?? '')?.[1];
    expect(err.message).toContain(
      // With the server's endpoint: without it the aws CLI would ask AWS, not this server.
      `aws s3api abort-multipart-upload --endpoint-url http://127.0.0.1:${relayPort} --bucket ${bucket} --key 'vanish.bin' --upload-id ${id}`,
    );
    const open = (await testS3Client().send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? [];
    expect(open.map((u) => u.UploadId)).toEqual([id]); // the one the message names, and only it
    await testS3Client().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'vanish.bin', UploadId: id }));
  });
});
