/**
 * The ustar archive format, on strings: an archive is a string whose UTF-8 bytes are the
 * archive's (headers are ASCII; file contents are text). Used by the containers' `tar` and by
 * the shell's `kubectl cp`, which speak it to each other as kubectl and GNU/busybox tar do.
 * PAX extended headers and GNU long names are read (Go's archive/tar writes them for long paths).
 */
import { utf8Decode, utf8Encode, utf8Length } from './utf8';

/** The block size. */
export const TAR_BLOCK = 512;

/** One member of an archive. */
export interface TarEntry {
  name: string;
  /** A directory (its name without the trailing slash), or a file with `content`. */
  dir: boolean;
  content: string;
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

function field(text: string, width: number): string {
  return text.slice(0, width).padEnd(width, '\0');
}

/** One ustar header block, for a file of `size` bytes or a directory. */
export function tarHeader(name: string, size: number, dir: boolean, mtimeMs: number): string {
  let prefix = '';
  let base = name;
  if (base.length > 100) {
    const cut = base.lastIndexOf('/', 155);
    prefix = base.slice(0, cut);
    base = base.slice(cut + 1);
  }
  const fields = [field(base, 100), octal(dir ? 0o755 : 0o644, 8), octal(0, 8), octal(0, 8), octal(size, 12), octal(Math.floor(mtimeMs / 1000), 12), '        ', dir ? '5' : '0', field('', 100), 'ustar\0', '00', field('root', 32), field('root', 32), octal(0, 8), octal(0, 8), field(prefix, 155), field('', 12)];
  const block = fields.join('');
  let sum = 0;
  for (let i = 0; i < block.length; i++) sum += block.charCodeAt(i);
  return `${block.slice(0, 148)}${sum.toString(8).padStart(6, '0')}\0 ${block.slice(156)}`;
}

/** An archive of `entries` (directories named with a trailing slash), with its two zero blocks. */
export function writeTar(entries: TarEntry[], mtimeMs: number): string {
  let out = '';
  for (const e of entries) {
    if (e.dir) {
      out += tarHeader(e.name.endsWith('/') ? e.name : `${e.name}/`, 0, true, mtimeMs);
      continue;
    }
    const size = utf8Length(e.content);
    out += tarHeader(e.name, size, false, mtimeMs) + e.content + '\0'.repeat((TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK);
  }
  return out + '\0'.repeat(TAR_BLOCK * 2);
}

function text(bytes: Uint8Array, start: number, len: number): string {
  let end = start;
  while (end < start + len && bytes[end] !== 0) end++;
  return utf8Decode(bytes.subarray(start, end));
}

/** The files and directories of an archive (links and devices left out); names as stored. */
export function readTar(archive: string): TarEntry[] {
  const bytes = utf8Encode(archive);
  const out: TarEntry[] = [];
  let pos = 0;
  let longName: string | undefined;
  while (pos + TAR_BLOCK <= bytes.length) {
    const block = bytes.subarray(pos, pos + TAR_BLOCK);
    if (block.every((b) => b === 0)) break;
    const size = Number.parseInt(text(bytes, pos + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(block[156] ?? 0);
    const prefix = text(bytes, pos + 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${text(bytes, pos, 100)}` : text(bytes, pos, 100));
    longName = undefined;
    const data = bytes.subarray(pos + TAR_BLOCK, pos + TAR_BLOCK + size);
    pos += TAR_BLOCK + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
    if (type === 'x' || type === 'L') {
      const body = utf8Decode(data);
      longName = type === 'L' ? body.replace(/\0+$/, '') : /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body)?.[1];
      continue;
    }
    if (type === '5') out.push({ name: name.replace(/\/+$/, ''), dir: true, content: '' });
    else if (type === '0' || type === '\0' || type === '7') out.push({ name, dir: false, content: utf8Decode(data) });
  }
  return out;
}
