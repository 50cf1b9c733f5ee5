// Makes every icon Signet ships from assets/icon.svg, at build time, with no native image
// library: the SVG is kept to rect (with rx), circle and polygon with solid fills, which this
// file rasterizes (4×4 supersampling per pixel) and writes as PNG (zlib from Node).
//   NxN.png        app icon sizes (electron-builder: Linux icon set, macOS/Windows from 512/256)
//   tray.png       the Linux/Windows tray icon (32 px, in colour)
//   trayTemplate.png / trayTemplate@2x.png   the macOS menu-bar template (black + alpha, glyph only)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
};
const num = (tag, name, d = 0) => Number(attr(tag, name) ?? d);

/** The shapes of the SVG in paint order: { kind, fill:[r,g,b], glyph, …geometry }. */
export function parseSvg(svg) {
  const vb = (attr(/<svg[^>]*>/.exec(svg)?.[0] ?? '', 'viewBox') ?? '0 0 64 64').split(/\s+/).map(Number);
  const shapes = [];
  for (const [tag, kind] of svg.matchAll(/<(rect|circle|polygon)\b[^>]*>/g)) {
    const hex = (attr(tag, 'fill') ?? '#000000').replace('#', '');
    const fill = [0, 2, 4].map((i) => parseInt(hex.length === 3 ? hex[i / 2].repeat(2) : hex.slice(i, i + 2), 16));
    const glyph = /\bglyph\b/.test(attr(tag, 'class') ?? '');
    if (kind === 'rect')
      shapes.push({
        kind,
        fill,
        glyph,
        x: num(tag, 'x'),
        y: num(tag, 'y'),
        w: num(tag, 'width'),
        h: num(tag, 'height'),
        rx: num(tag, 'rx'),
      });
    else if (kind === 'circle')
      shapes.push({ kind, fill, glyph, cx: num(tag, 'cx'), cy: num(tag, 'cy'), r: num(tag, 'r') });
    else {
      const n = (attr(tag, 'points') ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      const pts = [];
      for (let i = 0; i + 1 < n.length; i += 2) pts.push([n[i], n[i + 1]]);
      shapes.push({ kind, fill, glyph, pts });
    }
  }
  return { viewBox: vb, shapes };
}

function inside(s, x, y) {
  if (s.kind === 'circle') return (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r ** 2;
  if (s.kind === 'rect') {
    if (x < s.x || y < s.y || x > s.x + s.w || y > s.y + s.h) return false;
    const r = Math.min(s.rx, s.w / 2, s.h / 2);
    const cx = Math.min(Math.max(x, s.x + r), s.x + s.w - r);
    const cy = Math.min(Math.max(y, s.y + r), s.y + s.h - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  }
  let odd = false; // even-odd ray casting
  for (let i = 0, j = s.pts.length - 1; i < s.pts.length; j = i++) {
    const [xi, yi] = s.pts[i];
    const [xj, yj] = s.pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

/** RGBA pixels of the SVG at size×size. `template`: glyph shapes only, painted black. */
export function renderSvg(svg, size, { template = false } = {}) {
  const { viewBox, shapes } = parseSvg(svg);
  const [vx, vy, vw, vh] = viewBox;
  const used = template ? shapes.filter((s) => s.glyph) : shapes;
  const out = Buffer.alloc(size * size * 4);
  const N = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < N; sy++)
        for (let sx = 0; sx < N; sx++) {
          const x = vx + ((px + (sx + 0.5) / N) / size) * vw;
          const y = vy + ((py + (sy + 0.5) / N) / size) * vh;
          let hit;
          for (const s of used) if (inside(s, x, y)) hit = s; // last painted wins
          if (!hit) continue;
          const c = template ? [0, 0, 0] : hit.fill;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((a / (N * N)) * 255);
      }
    }
  return out;
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** An RGBA image as a PNG file (8-bit, colour type 6, no filtering). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const APP_SIZES = [16, 32, 48, 64, 128, 256, 512];

/** Writes every icon into outDir; returns the file names. */
export function makeIcons(svgPath, outDir) {
  const svg = readFileSync(svgPath, 'utf8');
  mkdirSync(outDir, { recursive: true });
  const files = {};
  for (const s of APP_SIZES) files[`${s}x${s}.png`] = encodePng(s, s, renderSvg(svg, s));
  files['icon-256.png'] = files['256x256.png'];
  files['tray.png'] = encodePng(32, 32, renderSvg(svg, 32));
  files['trayTemplate.png'] = encodePng(16, 16, renderSvg(svg, 16, { template: true }));
  files['trayTemplate@2x.png'] = encodePng(32, 32, renderSvg(svg, 32, { template: true }));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(outDir, name), data);
  return Object.keys(files);
}
