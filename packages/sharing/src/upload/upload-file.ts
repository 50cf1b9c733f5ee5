// Uploads one file with @aws-sdk/lib-storage: one PUT for small files, parallel multipart parts
// above the part size, progress (bytes, %, rate, ETA), cancel that aborts the multipart upload
// on the server (no orphaned parts), and SDK retries with backoff for transient errors. The
// file is streamed, so memory is bounded by part size × parallel parts, not by file size.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import mime from 'mime';
import type { UploadProgress } from '../api.js';
import { SharingError, toUserMessage } from '../errors.js';
import { choosePartSize, DEFAULT_QUEUE_SIZE } from './part-size.js';

export interface UploadFileOptions {
  client: S3Client;
  bucket: string;
  key: string;
  filePath: string;
  /** Default: detected from the file name. */
  contentType?: string | undefined;
  partSize?: number | undefined;
  /** Parallel parts (default 10). */
  queueSize?: number | undefined;
  onProgress?: ((p: UploadProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Size and mtime seen when the share started: a file that changes meanwhile is refused. */
  expected?: { size: number; mtimeMs: number } | undefined;
}

export async function uploadFile(o: UploadFileOptions): Promise<{ size: number; contentType: string }> {
  const before = await stat(o.filePath);
  if (o.expected && (before.size !== o.expected.size || before.mtimeMs !== o.expected.mtimeMs)) throw changed(o.filePath);
  // Never overwrite by accident: the key must be free (keys carry a uuid by default; this
  // catches templates without one and a colliding name).
  if (await exists(o.client, o.bucket, o.key)) {
    throw new SharingError('OBJECT_EXISTS', `An object already exists at ${o.key}. Signet never overwrites: change the profile's key template (add {uuid}) or rename the file.`);
  }
  const contentType = o.contentType ?? mime.getType(o.filePath) ?? 'application/octet-stream';
  const partSize = choosePartSize(before.size, o.partSize);
  const upload = new Upload({
    client: o.client,
    // 1 MiB reads: fewer, larger chunks for lib-storage to assemble into parts.
    params: { Bucket: o.bucket, Key: o.key, Body: createReadStream(o.filePath, { highWaterMark: 1 << 20 }), ContentType: contentType, ContentLength: before.size },
    partSize,
    queueSize: o.queueSize ?? DEFAULT_QUEUE_SIZE,
    leavePartsOnError: false,
  });
  const started = Date.now();
  let rate = 0;
  let lastT = started;
  let lastLoaded = 0;
  upload.on('httpUploadProgress', (p) => {
    const loaded = p.loaded ?? 0;
    const t = Date.now();
    if (t > lastT) {
      const instant = ((loaded - lastLoaded) * 1000) / (t - lastT);
      rate = rate === 0 ? instant : rate * 0.7 + instant * 0.3;
      lastT = t;
      lastLoaded = loaded;
    }
    const total = before.size;
    o.onProgress?.({
      file: o.filePath,
      loaded,
      total,
      percent: total === 0 ? 100 : Math.min(100, (loaded / total) * 100),
      rate,
      ...(rate > 0 ? { etaSeconds: Math.max(0, (total - loaded) / rate) } : {}),
    });
  });
  const onAbort = () => void upload.abort().catch(() => {});
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (o.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    await upload.done();
  } catch (e) {
    if (o.signal?.aborted || (e as Error).name === 'AbortError') {
      throw new SharingError('UPLOAD_CANCELLED', `The upload of ${o.filePath} was cancelled; nothing was left on the server.`);
    }
    const m = toUserMessage(e);
    throw new SharingError(m.code === 'NoSuchBucket' ? 'BUCKET_NOT_FOUND' : m.code === 'AccessDenied' ? 'ACCESS_DENIED' : m.code === 'SERVER_UNREACHABLE' ? 'SERVER_UNREACHABLE' : 'UPLOAD_FAILED', `Uploading ${o.filePath} failed: ${m.message}`, { cause: e });
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
  }
  const after = await stat(o.filePath);
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw changed(o.filePath);
  return { size: before.size, contentType };
}

function changed(path: string): SharingError {
  return new SharingError('FILE_CHANGED', `${path} changed while it was being shared. Wait until it is saved completely, then share it again.`);
}

async function exists(client: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return false;
    const m = toUserMessage(e);
    if (status === 403) throw new SharingError('ACCESS_DENIED', `The server refused access to bucket "${bucket}": ${m.message}`, { cause: e });
    if (m.code === 'NoSuchBucket') throw new SharingError('BUCKET_NOT_FOUND', `The bucket "${bucket}" does not exist on this endpoint. Check the profile's bucket, region and endpoint.`, { cause: e });
    throw new SharingError(m.code === 'SERVER_UNREACHABLE' ? 'SERVER_UNREACHABLE' : 'UPLOAD_FAILED', m.message, { cause: e });
  }
}
