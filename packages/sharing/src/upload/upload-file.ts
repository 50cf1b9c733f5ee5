// Uploads one file: one PUT for small files, parallel multipart parts above the part size
// (send-file.ts), progress (bytes, %, smoothed rate, ETA), cancel that leaves nothing on the
// server, SDK retries with backoff for transient errors (createS3Client), and never an
// accidental overwrite. Memory is bounded by part size × parallel parts, whatever the file size.
//
// Never overwriting, and what remains of the race:
// 1. HeadObject first: a taken key moves to "name (2).ext" (or fails, ifExists: 'fail').
// 2. Every write carries `If-None-Match: *`. Measured on Ceph RGW 16: PutObject honours it
//    (412), CompleteMultipartUpload ignores it; AWS S3 honours both (conditional writes, 2024).
// So a single-PUT file (≤ one part) can never overwrite anywhere. A multipart file on a server
// that ignores the header can overwrite an object that someone else creates at the very same
// key between our HeadObject and our CompleteMultipartUpload. Default keys carry a fresh uuid,
// so that needs a template without {uuid} and a concurrent writer choosing the same name.
import { stat } from 'node:fs/promises';
import { DeleteObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import mime from 'mime';
import type { UploadProgress } from '../api.js';
import { httpStatusOf, isSharingError, SharingError, toUserMessage } from '../errors.js';
import { choosePartSize, DEFAULT_QUEUE_SIZE } from './part-size.js';
import { alternativeKey } from './plan-object-key.js';
import { ProgressMeter } from './progress-meter.js';
import { isSameFile, type FileIdentity } from './file-identity.js';
import { fileChanged, SendFailed, sendFile } from './send-file.js';
import { CREDENTIAL_CODES, probeObject } from './explain-refusal.js';

export interface UploadFileOptions {
  client: S3Client;
  bucket: string;
  key: string;
  filePath: string;
  /** Default: detected from the file name (`mime`), else application/octet-stream. */
  contentType?: string | undefined;
  /** Preferred part size (grown for huge files so they fit in 10,000 parts). Default 8 MiB. */
  partSize?: number | undefined;
  /** Parallel parts (default 10). */
  queueSize?: number | undefined;
  onProgress?: ((p: UploadProgress) => void) | undefined;
  /** Cancels the upload; the multipart upload is aborted on the server and no object remains. */
  signal?: AbortSignal | undefined;
  /** The file as checked when the share started (device, inode, size, mtime): another one is refused. */
  expected?: FileIdentity | undefined;
  /** When the key is taken: use `name (2).ext`, `name (3).ext`… (default) or fail with OBJECT_EXISTS. */
  ifExists?: 'rename' | 'fail' | undefined;
  /**
   * The profile that remembers a multipart upload the server could not be told to abort and
   * aborts it once the server answers again (share-files.ts); the error message says so.
   */
  leftoverOwner?: string | undefined;
}

/** In an upload error's `details.leftoverUpload`: the multipart upload whose abort did not reach the server. */
export interface LeftoverUpload {
  bucket: string;
  key: string;
  uploadId: string;
}

export interface UploadedObject {
  /** The key really written (differs from the requested one after a rename). */
  key: string;
  size: number;
  contentType: string;
}

const MAX_RENAMES = 20;

export async function uploadFile(o: UploadFileOptions): Promise<UploadedObject> {
  const before = await stat(o.filePath).catch((e: NodeJS.ErrnoException) => {
    throw new SharingError('FILE_UNREADABLE', `${o.filePath} cannot be read (${e.code}). Nothing was uploaded.`, {
      details: { path: o.filePath },
    });
  });
  if (o.expected && !isSameFile(before, o.expected)) throw fileChanged(o.filePath);
  const contentType = o.contentType ?? mime.getType(o.filePath) ?? 'application/octet-stream';
  const meter = new ProgressMeter(o.filePath, before.size);
  o.onProgress?.(meter.update(0));

  for (let n = 1; n <= MAX_RENAMES; n++) {
    const key = n === 1 ? o.key : alternativeKey(o.key, n);
    if (await exists(o.client, o.bucket, key)) {
      if (o.ifExists === 'fail') throw taken(key);
      continue;
    }
    const outcome = await putOnce(o, key, contentType, before, meter);
    if (outcome === 'taken') {
      if (o.ifExists === 'fail') throw taken(key);
      continue;
    }
    const after = await stat(o.filePath).catch(() => undefined);
    if (!after || !isSameFile(after, before)) {
      await deleteQuietly(o.client, o.bucket, key); // what was uploaded is a mix of old and new bytes
      throw fileChanged(o.filePath);
    }
    o.onProgress?.(meter.done());
    return { key, size: before.size, contentType };
  }
  throw new SharingError(
    'OBJECT_EXISTS',
    `${o.key} and ${MAX_RENAMES - 1} numbered variants are all taken. Signet never overwrites: add {uuid} to the profile's key template.`,
  );
}

/** One upload attempt at a free key: 'done', 'taken' (someone wrote there first), or a SharingError. */
async function putOnce(
  o: UploadFileOptions,
  key: string,
  contentType: string,
  before: FileIdentity,
  meter: ProgressMeter,
): Promise<'done' | 'taken'> {
  const size = before.size;
  const signal = o.signal ?? new AbortController().signal;
  try {
    await sendFile({
      client: o.client,
      bucket: o.bucket,
      key,
      filePath: o.filePath,
      identity: before,
      size,
      contentType,
      partSize: choosePartSize(size, o.partSize),
      queueSize: o.queueSize ?? DEFAULT_QUEUE_SIZE,
      signal,
      onBytes: (loaded) => {
        if (loaded < size) o.onProgress?.(meter.update(loaded));
      },
    });
    return 'done';
  } catch (failure) {
    const e = failure instanceof SendFailed ? failure.cause : failure;
    const leftoverUpload: LeftoverUpload | undefined =
      failure instanceof SendFailed && failure.leftoverUploadId
        ? { bucket: o.bucket, key, uploadId: failure.leftoverUploadId }
        : undefined;
    const leftover = leftoverUpload ? leftoverNote(leftoverUpload, o.leftoverOwner, await endpointUrlOf(o.client)) : '';
    // Structured too, so the sharing service can remember it and a client can show it.
    const more = leftoverUpload ? { leftoverUpload } : undefined;
    if (signal.aborted) {
      // sendFile aborted the multipart upload; a single PUT may have landed just before the
      // cancel. The key was free before (HeadObject + If-None-Match), so what is there is ours.
      if (await exists(o.client, o.bucket, key).catch(() => false)) await deleteQuietly(o.client, o.bucket, key);
      throw new SharingError(
        'UPLOAD_CANCELLED',
        leftover
          ? `The upload of ${o.filePath} was cancelled.${leftover}`
          : `The upload of ${o.filePath} was cancelled; nothing was left on the server.`,
        more ? { details: more } : {},
      );
    }
    if (isSharingError(e))
      throw leftover
        ? new SharingError(e.code, `${e.message}${leftover}`, { cause: e, details: { ...e.details, ...more } })
        : e;
    if (httpStatusOf(e) === 412 || (e as { name?: string }).name === 'PreconditionFailed') return 'taken';
    const changedMeanwhile = await stat(o.filePath).then(
      (s) => !isSameFile(s, before),
      () => true,
    );
    if (changedMeanwhile) throw fileChanged(o.filePath);
    throw uploadError(o, e, leftover, more);
  }
}

/** What to do about a multipart upload the server could not be told to discard. */
function leftoverNote(
  { bucket, key, uploadId }: LeftoverUpload,
  owner: string | undefined,
  endpointUrl: string | undefined,
): string {
  // Without --endpoint-url the aws CLI would ask AWS about an upload that lives on another server.
  const endpoint = endpointUrl ? ` --endpoint-url ${endpointUrl}` : '';
  const abort = `aws s3api abort-multipart-upload${endpoint} --bucket ${bucket} --key '${key.replace(/'/g, "'\\''")}' --upload-id ${uploadId}`;
  const kept = ` The parts already sent could not be discarded (the server did not answer): they stay in bucket "${bucket}" until the incomplete upload is aborted`;
  return owner
    ? `${kept}. Signet aborts it the next time the profile "${owner}" reaches the server; to abort it now: ${abort}`
    : `${kept} — by a lifecycle rule for incomplete multipart uploads, or with: ${abort}`;
}

/** The client's S3-compatible endpoint (MinIO, Ceph, R2…) as a URL; undefined for AWS itself. */
async function endpointUrlOf(client: S3Client): Promise<string | undefined> {
  if (!client.config.isCustomEndpoint || !client.config.endpoint) return undefined;
  const e = await client.config.endpoint().catch(() => undefined);
  if (!e) return undefined;
  return `${e.protocol}//${e.hostname}${e.port ? `:${e.port}` : ''}${e.path && e.path !== '/' ? e.path : ''}`;
}

async function deleteQuietly(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch(() => {});
}

function uploadError(
  o: UploadFileOptions,
  e: unknown,
  leftover: string,
  details: Record<string, unknown> | undefined,
): SharingError {
  const m = toUserMessage(e);
  const code =
    m.code === 'NoSuchBucket'
      ? 'BUCKET_NOT_FOUND'
      : m.code === 'AccessDenied'
        ? 'ACCESS_DENIED'
        : m.code === 'SERVER_UNREACHABLE'
          ? 'SERVER_UNREACHABLE'
          : CREDENTIAL_CODES.has(m.code)
            ? 'CREDENTIALS_REJECTED'
            : 'UPLOAD_FAILED';
  const more =
    code === 'SERVER_UNREACHABLE' ? ' Signet retried with backoff; share again once the server answers.' : '';
  return new SharingError(code, `Uploading ${o.filePath} failed: ${m.message}${more}${leftover}`, {
    cause: e,
    ...(details ? { details } : {}),
  });
}

function taken(key: string): SharingError {
  return new SharingError(
    'OBJECT_EXISTS',
    `An object already exists at ${key}. Signet never overwrites: rename the file or add {uuid} to the profile's key template.`,
    { details: { key } },
  );
}

/** Whether an object exists at the key. Errors other than 404 say what is wrong with the bucket. */
async function exists(client: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (e) {
    const status = httpStatusOf(e);
    const m = toUserMessage(e);
    if (m.code === 'NoSuchBucket' || (status === 404 && (e as { name?: string }).name === 'NoSuchBucket')) {
      throw new SharingError(
        'BUCKET_NOT_FOUND',
        `The bucket "${bucket}" does not exist on this endpoint. Check the profile's bucket, region and endpoint.`,
        { cause: e },
      );
    }
    if (status === 404) return false;
    if (status === 403) {
      // A HEAD answer has no body: ask again with a GET to learn why.
      const probe = await probeObject(client, bucket, key);
      if (probe.kind === 'exists') return true;
      if (probe.kind === 'missing') return false;
      if (CREDENTIAL_CODES.has(probe.code))
        throw new SharingError('CREDENTIALS_REJECTED', toUserMessage(probe.error).message, { cause: probe.error });
      // Allowed to write but not to read or list (a common IAM policy): whether the key is taken
      // cannot be seen, so the write's If-None-Match is what keeps an existing object safe.
      if (probe.code === 'AccessDenied') return false;
      throw new SharingError(
        'ACCESS_DENIED',
        `The server refused access to bucket "${bucket}": ${toUserMessage(probe.error).message}`,
        { cause: probe.error },
      );
    }
    const region = (e as { $response?: { headers?: Record<string, string> } }).$response?.headers?.[
      'x-amz-bucket-region'
    ];
    if (status === 301 || status === 307 || (status === 400 && region)) {
      const where = region ? `in region ${region}` : 'in another region';
      throw new SharingError(
        'UPLOAD_FAILED',
        `The bucket "${bucket}" is ${where} than the profile says (or the endpoint is wrong). Set the profile's region${region ? ` to ${region}` : ''}.`,
        { cause: e, details: { region } },
      );
    }
    throw new SharingError(m.code === 'SERVER_UNREACHABLE' ? 'SERVER_UNREACHABLE' : 'UPLOAD_FAILED', m.message, {
      cause: e,
    });
  }
}
