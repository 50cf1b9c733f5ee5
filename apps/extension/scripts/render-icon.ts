// Draws the toolbar icon (a rounded blue square with a white link-chain mark) as a PNG, so the
// repository holds no binary assets. Minimal PNG writer: RGBA, no filter, zlib-compressed.
import { crc32, deflateSync } from 'node:zlib';

export function renderIcon(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const r = size * 0.22;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = Math.min(Math.max(x + 0.5, r), size - r);
      const cy = Math.min(Math.max(y + 0.5, r), size - r);
      const inside = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r;
      if (!inside) continue;
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      // two interlocking rings, tilted: the "link"
      const ring = (ox: number, oy: number) => Math.abs(Math.hypot(u - ox, v - oy) - 0.17) < 0.055;
      const white = ring(0.38, 0.6) || ring(0.62, 0.4);
      const i = (y * size + x) * 4;
      px[i] = white ? 255 : 0x1f;
      px[i + 1] = white ? 255 : 0x6f;
      px[i + 2] = white ? 255 : 0xeb;
      px[i + 3] = 255;
    }
  }
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(6, 9); // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
