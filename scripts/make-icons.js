/**
 * Draws the add-in's icon (a bar chart on a blue tile) at the sizes the manifest names and writes
 * assets/icon-<size>.png. Run once after changing the design: `node scripts/make-icons.js`.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const BLUE = [15, 108, 189, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function pixel(size, x, y) {
  const radius = size * 0.18;
  const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
  const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
  if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > radius ** 2) return CLEAR;
  // Three rising bars: baseline to target.
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const bars = [
    [0.2, 0.36, 0.55],
    [0.42, 0.58, 0.38],
    [0.64, 0.8, 0.2],
  ];
  for (const [left, right, top] of bars)
    if (u >= left && u < right && v >= top && v < 0.8) return WHITE;
  return BLUE;
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      Buffer.from(pixel(size, x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), png(size));
}
console.log(`Wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")} to assets/`);
