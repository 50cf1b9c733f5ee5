// Sends the bytes of one regular file to one key: a single PutObject up to one part, else a
// multipart upload whose parts are read with positional reads straight into a fixed pool of
// part buffers and sent from there, several at a time.
//
// Why not @aws-sdk/lib-storage (used until the upload benchmark showed the cost): its chunker
// turns a stream into parts with Buffer.concat, a fresh part-sized allocation for every part.
// Measured on a 1 GiB upload (RGW on loopback, 8 MiB × 10): about 90 V8 mark-compacts, 1.4 s
// of garbage collection and 3.4 s of CPU, against 1.2 s of CPU here, where the same ten
// buffers are reused for the whole file (the way s3transfer, behind `aws s3 cp`, reads
// seekable files). On a 2-core machine that CPU is taken from the server: `signet share` went
// from 0.75× to 1.16× the throughput of `aws s3 cp`. What lib-storage gave is kept: multipart
// above one part, parallel parts, progress, SDK retries per part, abort on failure or cancel.
import { setMaxListeners } from 'node:events';
import { open, type FileHandle } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
  type S3Client,
} from '@aws-sdk/client-s3';
import { SharingError } from '../errors.js';
import { isSameFile, type FileIdentity } from './file-identity.js';

/** At most this much memory in part buffers: huge files (big parts) get fewer parts in flight. */
export const PART_MEMORY_BUDGET = 256 * 1024 * 1024;

export interface SendFileOptions {
  client: S3Client;
  bucket: string;
  key: string;
  filePath: string;
  /** The file that was checked: the opened handle must be this one (fstat), else FILE_CHANGED. */
  identity: FileIdentity;
  size: number;
  contentType: string;
  partSize: number;
  queueSize: number;
  /** Cancels: the requests in flight are aborted and the multipart upload with them. */
  signal: AbortSignal;
  /** Bytes sent so far: confirmed parts plus what the parts in flight have handed to the network. */
  onBytes: (loaded: number) => void;
}

/** Parts in flight for a part size: the preferred number, fewer when the parts are huge. */
export function partsInFlight(partSize: number, preferred: number): number {
  return Math.max(1, Math.min(preferred, Math.floor(PART_MEMORY_BUDGET / partSize)));
}

/**
 * Uploads the file's `size` bytes to the key with `If-None-Match: *`. On a failure or a cancel
 * it stops the other parts, waits until no request is running and aborts the multipart upload
 * (no orphaned parts), then throws a SendFailed whose cause is the SDK's error as it is (the
 * caller words it), an AbortError after a cancel, or FILE_CHANGED when the file got shorter.
 */
export async function sendFile(o: SendFileOptions): Promise<void> {
  const run = new Run(o, await payloadHashOf(o.client));
  const file = await open(o.filePath, 'r');
  try {
    // What is read is what the handle points to: compare it, not the path, with what was checked
    // (a file renamed over the path between the check and this open is another inode).
    if (!isSameFile(await file.stat(), o.identity)) throw fileChanged(o.filePath);
    if (o.size <= o.partSize) await sendWhole(run, file);
    else await sendParts(run, file);
  } catch (e) {
    const leftover = await run.stop();
    throw new SendFailed(o.signal.aborted ? abortError() : e, leftover);
  } finally {
    await file.close().catch(() => {});
  }
}

/**
 * A send that did not complete: `cause` is what went wrong (an AbortError after a cancel);
 * `leftoverUploadId` is set when the multipart upload could not be aborted (the server was
 * gone), so its parts stay on the server until someone aborts it or a lifecycle rule does.
 */
export class SendFailed extends Error {
  constructor(
    override readonly cause: unknown,
    readonly leftoverUploadId: string | undefined,
  ) {
    super('The upload did not complete.');
    this.name = 'SendFailed';
  }
}

/** One send: its own abort (the caller's signal, or the first failed part), what is in flight, the upload id. */
class Run {
  readonly controller = new AbortController();
  private readonly inflight = new Set<Promise<unknown>>();
  uploadId: string | undefined;

  /** `payloadHash`: what every body of this send is signed with (payloadHashOf, once per send). */
  constructor(
    readonly o: SendFileOptions,
    readonly payloadHash: string | undefined,
  ) {
    const stop = () => this.controller.abort();
    if (o.signal.aborted) stop();
    else o.signal.addEventListener('abort', stop, { once: true });
    // Each request in flight listens on the signal.
    setMaxListeners(o.queueSize + 16, this.controller.signal);
  }

  get aborted(): boolean {
    return this.controller.signal.aborted;
  }

  /** A request the cancel aborts. */
  cancellable<T>(request: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.aborted) return Promise.reject(abortError());
    return this.track(request(this.controller.signal));
  }

  /** A request that must finish even after a cancel (creating the upload), so the cleanup finds it. */
  track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    void p.catch(() => {}).finally(() => this.inflight.delete(p));
    return p;
  }

  /** Aborts what runs, waits until nothing does, aborts the multipart upload; returns its id if that failed. */
  async stop(): Promise<string | undefined> {
    this.controller.abort();
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
    const uploadId = this.uploadId;
    this.uploadId = undefined;
    if (!uploadId) return undefined;
    const { client, bucket, key } = this.o;
    return client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).then(
      () => undefined,
      (e: unknown) => ((e as { name?: string }).name === 'NoSuchUpload' ? undefined : uploadId),
    );
  }
}

async function sendWhole(run: Run, file: FileHandle): Promise<void> {
  const { o } = run;
  const body = Buffer.allocUnsafe(o.size);
  await readExactly(file, body, 0, o.filePath);
  const progress = new SendProgress(o.onBytes);
  const put = new PutObjectCommand({
    Bucket: o.bucket,
    Key: o.key,
    Body: body,
    ContentLength: o.size,
    ContentType: o.contentType,
    IfNoneMatch: '*',
  });
  await run.cancellable((abortSignal) =>
    o.client.send(
      withBody(put, run.payloadHash, (sent) => progress.sending(0, sent)),
      { abortSignal },
    ),
  );
  progress.confirmed(0, o.size);
}

async function sendParts(run: Run, file: FileHandle): Promise<void> {
  const { o } = run;
  const created = await run.track(
    o.client.send(new CreateMultipartUploadCommand({ Bucket: o.bucket, Key: o.key, ContentType: o.contentType })),
  );
  run.uploadId = created.UploadId;
  if (!created.UploadId) throw new Error('The server started no multipart upload (no UploadId in its answer).');
  const uploadId = created.UploadId;
  const count = Math.ceil(o.size / o.partSize);
  const parts = new Array<CompletedPart>(count);
  let next = 0;
  const progress = new SendProgress(o.onBytes);
  const worker = async () => {
    // One buffer per worker, reused for every part it sends: memory is parts in flight × part size.
    const buffer = Buffer.allocUnsafeSlow(o.partSize);
    while (next < count && !run.aborted) {
      const index = next++;
      const offset = index * o.partSize;
      const length = Math.min(o.partSize, o.size - offset);
      const body = buffer.subarray(0, length);
      await readExactly(file, body, offset, o.filePath);
      const part = new UploadPartCommand({
        Bucket: o.bucket,
        Key: o.key,
        UploadId: uploadId,
        PartNumber: index + 1,
        Body: body,
        ContentLength: length,
      });
      const r = await run.cancellable((abortSignal) =>
        o.client.send(
          withBody(part, run.payloadHash, (sent) => progress.sending(index, sent)),
          { abortSignal },
        ),
      );
      if (!r.ETag) throw new Error(`The server returned no ETag for part ${index + 1}.`);
      parts[index] = { PartNumber: index + 1, ETag: r.ETag };
      progress.confirmed(index, length);
    }
  };
  // The first failure aborts the parts still running, and is the one reported (not the
  // AbortErrors of the parts it stopped).
  let first: { error: unknown } | undefined;
  const workers = Array.from({ length: Math.min(count, partsInFlight(o.partSize, o.queueSize)) }, () =>
    worker().catch((e: unknown) => {
      first ??= { error: e };
      run.controller.abort();
    }),
  );
  await Promise.all(workers);
  if (first) throw first.error;
  if (run.aborted) throw abortError();
  await run.cancellable((abortSignal) =>
    o.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: o.bucket,
        Key: o.key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
        IfNoneMatch: '*',
      }),
      { abortSignal },
    ),
  );
  run.uploadId = undefined; // completed: nothing left to abort
}

/**
 * Bytes sent so far: parts the server confirmed plus what the parts in flight have handed to
 * the network in their current attempt (a retry starts its part from 0 again). Reported at most
 * every 100 ms while parts are being sent, and at once when a part is confirmed.
 */
class SendProgress {
  private done = 0;
  private readonly inflight = new Map<number, number>();
  private last = 0;

  constructor(private readonly report: (bytes: number) => void) {}

  sending(part: number, bytes: number): void {
    this.inflight.set(part, bytes);
    const now = performance.now();
    if (now - this.last >= 100) this.emit(now);
  }

  confirmed(part: number, length: number): void {
    this.inflight.delete(part);
    this.done += length;
    this.emit(performance.now());
  }

  private emit(now: number): void {
    this.last = now;
    let bytes = this.done;
    for (const b of this.inflight.values()) bytes += b;
    this.report(bytes);
  }
}

/** Bodies are handed to the socket in slices of this size, so progress moves within a part. */
const SLICE = 1024 * 1024;

/**
 * Over HTTPS, UNSIGNED-PAYLOAD: TLS already guarantees the bytes arrive unchanged, so hashing
 * every body for the signature (0.8 s of CPU per GiB) buys nothing; `aws s3 cp` does the same.
 * Over plain HTTP, undefined: the signer signs the body's SHA-256 and the server checks it.
 * (Hashing in the thread pool with WebCrypto instead was measured: it copies every part and
 * was no faster on loopback.)
 */
export async function payloadHashOf(client: S3Client): Promise<string | undefined> {
  const endpoint = await client.config.endpoint?.();
  return endpoint === undefined || endpoint.protocol === 'https:' ? 'UNSIGNED-PAYLOAD' : undefined;
}

type RequestHandler = (args: { request: unknown }) => Promise<unknown>;
interface RequestStack {
  add(
    middleware: (next: RequestHandler) => RequestHandler,
    options: { step: 'build' | 'deserialize'; name: string; priority?: 'low' },
  ): void;
}

/**
 * Prepares a command's body: UNSIGNED-PAYLOAD where TLS protects it (the signer then does not
 * hash it), and it is sent in slices, reporting how many bytes the connection
 * has taken, on every attempt. The slicing runs last before the HTTP handler, after signing and
 * below the retry loop, on a copy of the request: a retry gets the bytes again.
 */
function withBody<C extends PutObjectCommand | UploadPartCommand>(
  command: C,
  payloadHash: string | undefined,
  onSent: (bytes: number) => void,
): C {
  // Both commands' stacks take these middlewares; TypeScript cannot call `add` on their union.
  const stack = command.middlewareStack as unknown as RequestStack;
  if (payloadHash) {
    stack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers['x-amz-content-sha256'] = payloadHash;
        return next(args);
      },
      { step: 'build', name: 'signetPayloadHash' },
    );
  }
  stack.add(
    (next) => async (args) => {
      const request = args.request as { body?: unknown };
      const body = request.body;
      if (!(body instanceof Uint8Array) || body.length <= SLICE) return next(args);
      onSent(0);
      const copy = Object.assign(Object.create(Object.getPrototypeOf(request) as object) as object, request, {
        body: Readable.from(slices(body, onSent), { objectMode: false, highWaterMark: SLICE }),
      });
      return next({ ...args, request: copy });
    },
    { step: 'deserialize', priority: 'low', name: 'signetSendProgress' },
  );
  return command;
}

function* slices(body: Uint8Array, onSent: (bytes: number) => void): Generator<Uint8Array> {
  for (let at = 0; at < body.length; at += SLICE) {
    onSent(at);
    yield body.subarray(at, Math.min(body.length, at + SLICE));
  }
  onSent(body.length);
}

/** Fills `target` from the file at `offset`; a file that ends early has changed. */
async function readExactly(file: FileHandle, target: Buffer, offset: number, path: string): Promise<void> {
  let done = 0;
  while (done < target.length) {
    const { bytesRead } = await file.read(target, done, target.length - done, offset + done);
    if (bytesRead === 0) throw fileChanged(path);
    done += bytesRead;
  }
}

/** FILE_CHANGED: the file is not what it was when the share started. */
export function fileChanged(path: string): SharingError {
  return new SharingError(
    'FILE_CHANGED',
    `${path} changed while it was being shared, so no link was made. Wait until it is saved completely, then share it again.`,
    { details: { path } },
  );
}

function abortError(): Error {
  const e = new Error('The upload was cancelled.');
  e.name = 'AbortError';
  return e;
}
