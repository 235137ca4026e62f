/**
 * `ls [-l -a -A -1 -d -r -h] [FILE...]` as GNU coreutils prints it in the C locale: names in
 * byte order, in columns on a terminal (directories coloured, as Debian's `ls --color=auto`)
 * and one a line into a pipe; `-l` with `total`, modes, links, owner, size and date.
 * Simplified: the owner is always `student`, times are UTC, and the sizes of `total` assume
 * 4 KiB blocks.
 */
import { BuiltinExit, options, out, warn, type CommandContext } from './context';
import { errorText } from '../workspace';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS = (365.2425 / 2) * 24 * 3600 * 1000;
const DIR_COLOUR = '\x1b[01;34m';
const RESET = '\x1b[0m';

interface Entry {
  name: string;
  path: string;
  type: 'file' | 'dir';
  size: number;
  mtime: number;
}

/** GNU ls's date column: `Jan  5 09:03`, or `Jan  5  2025` for times more than six months away. */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const recent = mtime <= now + 60_000 && now - mtime < SIX_MONTHS;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

function human(size: number): string {
  if (size < 1024) return String(size);
  const units = ['K', 'M', 'G', 'T'];
  let v = size;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[u]}` : `${Math.ceil(v)}${units[u]}`;
}

/** Lays names out in columns as GNU ls does on a terminal (column-major, two blanks between, lines narrower than `width`). */
export function columns(names: string[], width: number, display: (n: string) => string = (n) => n): string {
  if (names.length === 0) return '';
  for (let cols = Math.min(names.length, Math.max(1, Math.floor(width / 3))); cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const used = Math.ceil(names.length / rows);
    const widths = Array.from({ length: used }, (_, c) => Math.max(...names.slice(c * rows, c * rows + rows).map((n) => n.length)));
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (used - 1);
    if (total >= width && cols > 1) continue;
    let text = '';
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < used; c++) {
        const name = names[c * rows + r];
        if (name === undefined) continue;
        const last = c === used - 1 || names[(c + 1) * rows + r] === undefined;
        cells.push(display(name) + (last ? '' : ' '.repeat((widths[c] as number) - name.length + 2)));
      }
      text += `${cells.join('')}\n`;
    }
    return text;
  }
  return '';
}

async function entry(ctx: CommandContext, name: string, path: string): Promise<Entry | undefined> {
  const d = await ctx.session.ws.details(path);
  return d ? { name, path, type: d.type, size: d.size, mtime: d.mtime } : undefined;
}

/** `ls`. */
export async function ls(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'laA1drh', long: { all: 'a', 'almost-all': 'A', directory: 'd', reverse: 'r', 'human-readable': 'h' }, code: 2 });
  const tty = ctx.out.tty && !o.has('1');
  const width = ctx.session.deps.terminal?.columns() ?? 80;
  const now = ctx.session.deps.now?.() ?? 0;
  let status = 0;
  const operands = o.operands.length > 0 ? o.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const arg of operands) {
    const e = await entry(ctx, arg, arg).catch(() => undefined);
    if (!e) {
      warn(ctx, `cannot access '${arg}': No such file or directory`);
      status = 2;
    } else if (e.type === 'dir' && !o.has('d')) dirs.push(e);
    else files.push(e);
  }
  const order = (list: Entry[]) => {
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (o.has('r')) list.reverse();
    return list;
  };
  const show = (e: Entry) => (tty && e.type === 'dir' ? `${DIR_COLOUR}${e.name}${RESET}` : e.name);
  const print = (list: Entry[], total: boolean) => {
    if (o.has('l')) {
      if (total) out(ctx, `total ${list.reduce((n, e) => n + (e.type === 'dir' ? 4 : Math.ceil(e.size / 4096) * 4), 0)}\n`);
      const size = (e: Entry) => (o.has('h') ? human(e.size) : String(e.size));
      const sw = Math.max(...list.map((e) => size(e).length));
      for (const e of list) out(ctx, `${e.type === 'dir' ? 'drwxr-xr-x 2' : '-rw-r--r-- 1'} student student ${size(e).padStart(sw)} ${lsDate(e.mtime, now)} ${show(e)}\n`);
    } else if (tty) {
      const dirNames = new Set(list.filter((e) => e.type === 'dir').map((e) => e.name));
      out(ctx, columns(list.map((e) => e.name), width, (n) => (dirNames.has(n) ? `${DIR_COLOUR}${n}${RESET}` : n)));
    } else for (const e of list) out(ctx, `${show(e)}\n`);
  };
  if (files.length > 0) print(order(files), false);
  const headers = operands.length > 1;
  for (const [i, d] of order(dirs).entries()) {
    if (headers) out(ctx, `${files.length > 0 || i > 0 ? '\n' : ''}${d.name}:\n`);
    let names: string[];
    try {
      names = await ctx.session.ws.list(d.path);
    } catch (e) {
      warn(ctx, `cannot open directory '${d.name}': ${errorText(e)}`);
      status = 2;
      continue;
    }
    const list: Entry[] = [];
    if (o.has('a')) {
      for (const dot of ['.', '..']) list.push({ name: dot, path: `${d.path}/${dot}`, type: 'dir', size: 4096, mtime: d.mtime });
    }
    for (const name of names) {
      if (name.startsWith('.') && !o.has('a') && !o.has('A')) continue;
      const e = await entry(ctx, name, `${d.path}/${name}`);
      if (e) list.push(e);
    }
    print(order(list), true);
  }
  if (status !== 0) throw new BuiltinExit(status);
  return 0;
}
