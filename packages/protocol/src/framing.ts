// Native-messaging framing, also used on the host ⇄ bridge socket: a 4-byte little-endian length,
// then that many bytes of UTF-8 JSON. Pure (Uint8Array, no Node Buffer) so the browser side and
// Node share it. A bad frame becomes a value the caller answers, never a thrown exception or an
// unbounded buffer: oversized frames are skipped byte by byte without being held in memory, and
// JSON nested deeper than MAX_JSON_DEPTH is refused before it is parsed (a 10 KB frame of 5,000
// brackets overflowed the stack of whoever walked or re-serialised it).

export const FRAME_HEADER_BYTES = 4;

/** Deepest nesting of objects/arrays a frame may carry; real messages are 5 levels deep. */
export const MAX_JSON_DEPTH = 32;

export class FrameTooLargeError extends Error {
  readonly code = 'FRAME_TOO_LARGE';
  constructor(
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`A message of ${size} bytes exceeds the ${maxBytes}-byte limit.`);
    this.name = 'FrameTooLargeError';
  }
}

// Declared here rather than through a lib: the package type-checks without DOM or Node types,
// and both runtimes provide these globals.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Encodes one message; throws FrameTooLargeError above `maxBytes` of JSON. */
export function encodeFrame(message: unknown, maxBytes: number): Uint8Array {
  const body = encoder.encode(JSON.stringify(message));
  if (body.byteLength > maxBytes) throw new FrameTooLargeError(body.byteLength, maxBytes);
  const frame = new Uint8Array(FRAME_HEADER_BYTES + body.byteLength);
  new DataView(frame.buffer).setUint32(0, body.byteLength, true);
  frame.set(body, FRAME_HEADER_BYTES);
  return frame;
}

export type DecodedFrame =
  /** `body` is the frame's JSON bytes as received, so a relay can forward them unchanged. */
  | { ok: true; message: unknown; size: number; body: Uint8Array }
  | { ok: false; reason: 'oversized' | 'malformed'; size: number; detail: string };

/** Incremental decoder for a byte stream of frames. */
export class FrameDecoder {
  private buffer: Uint8Array = new Uint8Array(0);
  /** Bytes of an oversized frame still to drop. */
  private skipping = 0;

  constructor(private readonly maxFrameBytes: number) {}

  /** Bytes buffered for an incomplete frame (bounded by the limit plus a header). */
  get pendingBytes(): number {
    return this.buffer.byteLength;
  }

  push(chunk: Uint8Array): DecodedFrame[] {
    const out: DecodedFrame[] = [];
    let data = chunk;
    if (this.skipping > 0) {
      const drop = Math.min(this.skipping, data.byteLength);
      this.skipping -= drop;
      data = data.subarray(drop);
    }
    this.buffer = this.buffer.byteLength === 0 ? data.slice() : concat(this.buffer, data);
    for (;;) {
      if (this.skipping > 0) {
        const drop = Math.min(this.skipping, this.buffer.byteLength);
        this.skipping -= drop;
        this.buffer = this.buffer.subarray(drop);
        if (this.skipping > 0) break;
      }
      if (this.buffer.byteLength < FRAME_HEADER_BYTES) break;
      const size = new DataView(this.buffer.buffer, this.buffer.byteOffset, FRAME_HEADER_BYTES).getUint32(0, true);
      if (size > this.maxFrameBytes) {
        out.push({
          ok: false,
          reason: 'oversized',
          size,
          detail: `A message of ${size} bytes exceeds the ${this.maxFrameBytes}-byte limit.`,
        });
        this.buffer = this.buffer.subarray(FRAME_HEADER_BYTES);
        this.skipping = size;
        continue;
      }
      if (this.buffer.byteLength < FRAME_HEADER_BYTES + size) break;
      const body = this.buffer.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + size);
      this.buffer = this.buffer.subarray(FRAME_HEADER_BYTES + size);
      out.push(decodeBody(body));
    }
    if (this.buffer.byteLength === 0) this.buffer = new Uint8Array(0);
    return out;
  }
}

function decodeBody(body: Uint8Array): DecodedFrame {
  if (body.byteLength === 0)
    return { ok: false, reason: 'malformed', size: 0, detail: 'An empty message is not JSON.' };
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    return { ok: false, reason: 'malformed', size: body.byteLength, detail: 'The message is not valid UTF-8 JSON.' };
  }
  if (nestingExceeds(text, MAX_JSON_DEPTH)) {
    return {
      ok: false,
      reason: 'malformed',
      size: body.byteLength,
      detail: `The message is nested too deep (more than ${MAX_JSON_DEPTH} levels of objects or arrays).`,
    };
  }
  try {
    return { ok: true, message: JSON.parse(text), size: body.byteLength, body: body.slice() };
  } catch {
    return { ok: false, reason: 'malformed', size: body.byteLength, detail: 'The message is not valid UTF-8 JSON.' };
  }
}

/** True when `{`/`[` outside strings nest deeper than `max`: one pass, no recursion. */
function nestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
