#!/usr/bin/env node
// Renders build/kubelab-file.svg (the icon of .kubelab files) with Chromium and writes what
// electron-builder's `fileAssociations.icon: kubelab-file` needs: build/kubelab-file.ico
// (Windows) and build/kubelab-file.icns (macOS); Linux shows the MIME type's icon.
// Both formats hold PNG images as they are (ICO since Windows Vista, ICNS types ic08/ic09), so
// no image library is needed. Run: `node build/file-icon.mjs` (needs /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** An ICO file holding one PNG image of `size` pixels (256 is written as 0, as the format says). */
export function icoOf(png, size) {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6);
  header.writeUInt8(size >= 256 ? 0 : size, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // offset of the image
  return Buffer.concat([header, png]);
}

/** An ICNS file holding PNG images: `[['ic08', png256], ['ic09', png512]]`. */
export function icnsOf(entries) {
  const parts = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

function render(svg, size, dir) {
  const html = join(dir, `icon-${size}.html`);
  const png = join(dir, `icon-${size}.png`);
  writeFileSync(html, `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style><img src="file://${svg}">`);
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000', `--window-size=${size},${size}`, `--screenshot=${png}`, `file://${html}`], { stdio: 'ignore' });
  return readFileSync(png);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-icon-'));
  try {
    const svg = join(here, 'kubelab-file.svg');
    const png256 = render(svg, 256, dir);
    const png512 = render(svg, 512, dir);
    writeFileSync(join(here, 'kubelab-file.ico'), icoOf(png256, 256));
    writeFileSync(join(here, 'kubelab-file.icns'), icnsOf([['ic08', png256], ['ic09', png512]]));
    console.log('wrote build/kubelab-file.ico and build/kubelab-file.icns');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
