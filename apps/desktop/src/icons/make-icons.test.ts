// The build's icons, decoded back: real PNGs of the right size whose pixels are the SVG's shapes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs build script (no types); run by build.mjs under Node
import { makeIcons } from './make-icons.mjs';

const svg = fileURLToPath(new URL('../../assets/icon.svg', import.meta.url));

/** Width, height and RGBA of an unfiltered 8-bit RGBA PNG (what make-icons writes). */
function decode(png: Buffer) {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let off = 8;
  let w = 0;
  let h = 0;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('ascii', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') [w, h] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const px = (x: number, y: number) => [...raw.subarray(y * (w * 4 + 1) + 1 + x * 4, y * (w * 4 + 1) + 5 + x * 4)];
  return { w, h, px };
}

describe('icons made from assets/icon.svg', () => {
  const out = mkdtempSync(join(tmpdir(), 'signet-icons-'));
  const names: string[] = makeIcons(svg, out);

  it('writes the app sizes, the tray icon and the macOS template', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        '16x16.png',
        '256x256.png',
        '512x512.png',
        'tray.png',
        'trayTemplate.png',
        'trayTemplate@2x.png',
      ]),
    );
  });

  it('the app icon is the blue tile with the white seal, transparent in the corners', () => {
    const { w, h, px } = decode(readFileSync(join(out, '256x256.png')));
    expect([w, h]).toEqual([256, 256]);
    expect(px(1, 1)[3]).toBe(0); // outside the rounded tile
    expect(px(128, 60)).toEqual([255, 255, 255, 255]); // the white diamond
    expect(px(128, 100)).toEqual([0x3b, 0x5b, 0xdb, 255]); // the inner blue diamond
    expect(px(128, 128)).toEqual([255, 255, 255, 255]); // the dot in the middle
  });

  it('the tray template is black glyph on transparent (macOS tints it)', () => {
    const { w, px } = decode(readFileSync(join(out, 'trayTemplate@2x.png')));
    expect(w).toBe(32);
    expect(px(1, 1)[3]).toBe(0);
    expect(px(16, 6)).toEqual([0, 0, 0, 255]);
  });
});
