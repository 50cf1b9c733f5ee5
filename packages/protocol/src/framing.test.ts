import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameDecoder, FrameTooLargeError, MAX_JSON_DEPTH } from './framing.js';
import { MAX_RESPONSE_FRAME_BYTES } from './version.js';

function header(size: number): Uint8Array {
  const h = new Uint8Array(4);
  new DataView(h.buffer).setUint32(0, size, true);
  return h;
}

function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

describe('encodeFrame', () => {
  it('writes a little-endian length then UTF-8 JSON', () => {
    const frame = encodeFrame({ a: 'é' }, 100);
    const body = new TextEncoder().encode('{"a":"é"}');
    expect([...frame.subarray(0, 4)]).toEqual([body.byteLength, 0, 0, 0]);
    expect(new TextDecoder().decode(frame.subarray(4))).toBe('{"a":"é"}');
  });

  it('refuses a message over the limit (1 MB toward the browser)', () => {
    const big = { s: 'x'.repeat(MAX_RESPONSE_FRAME_BYTES) };
    expect(() => encodeFrame(big, MAX_RESPONSE_FRAME_BYTES)).toThrow(FrameTooLargeError);
    expect(() => encodeFrame({ s: 'x'.repeat(MAX_RESPONSE_FRAME_BYTES - 20) }, MAX_RESPONSE_FRAME_BYTES)).not.toThrow();
  });
});

describe('FrameDecoder', () => {
  it('decodes frames split and merged at any byte boundary', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }),
        (messages, cuts) => {
          const stream = join(...messages.map((m) => encodeFrame(m, 1 << 20)));
          const decoder = new FrameDecoder(1 << 20);
          const got: unknown[] = [];
          let at = 0;
          let i = 0;
          while (at < stream.byteLength) {
            const n = cuts[i++ % cuts.length]!;
            for (const f of decoder.push(stream.subarray(at, at + n))) {
              expect(f.ok).toBe(true);
              if (f.ok) got.push(f.message);
            }
            at += n;
          }
          expect(got).toEqual(messages.map((m) => JSON.parse(JSON.stringify(m))));
          expect(decoder.pendingBytes).toBe(0);
        },
      ),
    );
  });

  it('reports an oversized frame, skips its bytes without buffering them, and reads the next frame', () => {
    const decoder = new FrameDecoder(16);
    const oversized = join(header(1000), new Uint8Array(1000).fill(0x41));
    const next = encodeFrame({ ok: 1 }, 16);
    const out = [...decoder.push(oversized.subarray(0, 500)), ...decoder.push(join(oversized.subarray(500), next))];
    expect(out[0]).toMatchObject({ ok: false, reason: 'oversized', size: 1000 });
    expect(out[1]).toEqual({ ok: true, message: { ok: 1 }, size: 8, body: new TextEncoder().encode('{"ok":1}') });
    expect(decoder.pendingBytes).toBe(0);
  });

  it('never holds more than one frame of bytes while skipping a huge claimed length', () => {
    const decoder = new FrameDecoder(16);
    expect(decoder.push(header(0xffffffff))[0]).toMatchObject({ ok: false, reason: 'oversized' });
    for (let i = 0; i < 100; i++) expect(decoder.push(new Uint8Array(65536))).toEqual([]);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('reports malformed JSON, invalid UTF-8 and empty frames, then keeps going', () => {
    const decoder = new FrameDecoder(100);
    const bad = new TextEncoder().encode('{not json');
    const badUtf8 = new Uint8Array([0x22, 0xff, 0xfe, 0x22]);
    const out = decoder.push(
      join(header(bad.byteLength), bad, header(badUtf8.byteLength), badUtf8, header(0), encodeFrame('fine', 100)),
    );
    expect(out.map((f) => (f.ok ? f.message : f.reason))).toEqual(['malformed', 'malformed', 'malformed', 'fine']);
  });

  it('refuses JSON nested deeper than MAX_JSON_DEPTH before parsing it (issue 11 item 5)', () => {
    const decoder = new FrameDecoder(1 << 16);
    const deep = new TextEncoder().encode(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    const ok = `{"s":"${'['.repeat(100)}","a":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`;
    const out = decoder.push(join(header(deep.byteLength), deep, encodeFrame(JSON.parse(ok), 1 << 16)));
    expect(out[0]).toMatchObject({
      ok: false,
      reason: 'malformed',
      detail: expect.stringContaining('nested too deep'),
    });
    expect(out[1]).toMatchObject({ ok: true });
  });
});
