/**
 * `sort [-r -n -u -f -k N[,M] -t SEP]`, `tr [-d -s] SET1 [SET2]` and `base64 [-d] [-w N]` with
 * GNU coreutils's output and messages. `sort` compares bytes, as in the C locale.
 */
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from '../../api/protobuf/text';
import { readAll } from '../interp/streams';
import { errorText } from '../workspace';
import { BuiltinExit, options, out, splitLines, usage, warn, type CommandContext } from './context';

interface SortKey {
  start: number;
  end: number | undefined;
}

function parseKey(ctx: CommandContext, spec: string): SortKey {
  const m = /^(\d+)(?:\.\d+)?[a-zA-Z]*(?:,(\d+)(?:\.\d+)?[a-zA-Z]*)?$/.exec(spec);
  if (!m || m[1] === '0') {
    ctx.err.write(`sort: ${m ? 'field number is zero: invalid field specification' : 'invalid number at field start: invalid count at start of'} \u2018${spec}\u2019\n`);
    throw new BuiltinExit(2);
  }
  return { start: Number(m[1]), end: m[2] ? Number(m[2]) : undefined };
}

/** The text of key fields `start..end` of a line (blank-separated fields keep their leading blanks, as GNU sort without -b). */
function keyText(line: string, key: SortKey, sep: string | undefined): string {
  const fields = sep !== undefined ? line.split(sep) : (line.match(/\s*\S+|\s+$/g) ?? []);
  const picked = fields.slice(key.start - 1, key.end === undefined ? undefined : key.end);
  return picked.join(sep ?? '');
}

function numeric(s: string): number {
  const m = /^\s*(-?\d*\.?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

function bytewise(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `sort`. */
export async function sort(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'rnufs', values: 'kt', long: { reverse: 'r', 'numeric-sort': 'n', unique: 'u', 'ignore-case': 'f', key: 'k', 'field-separator': 't', stable: 's' }, code: 2 });
  const key = o.get('k') !== undefined ? parseKey(ctx, o.get('k') as string) : undefined;
  const sep = o.get('t');
  if (sep !== undefined && sep.length !== 1) {
    ctx.err.write('sort: multi-character tab \u2018' + sep + '\u2019\n');
    return 2;
  }
  let text = '';
  for (const name of o.operands.length > 0 ? o.operands : ['-']) {
    if (name === '-') text += await readAll(ctx.stdin);
    else {
      try {
        const t = await ctx.session.ws.read(name);
        text += t.endsWith('\n') || t === '' ? t : `${t}\n`;
      } catch (e) {
        ctx.err.write(`sort: cannot read: ${name}: ${errorText(e)}\n`);
        return 2;
      }
    }
  }
  const fold = (s: string) => (o.has('f') ? s.toUpperCase() : s);
  const compareKey = (a: string, b: string) => {
    const ka = key ? keyText(a, key, sep) : a;
    const kb = key ? keyText(b, key, sep) : b;
    return o.has('n') ? numeric(ka) - numeric(kb) : bytewise(fold(ka), fold(kb));
  };
  const compare = (a: string, b: string) => {
    const c = compareKey(a, b) || (o.has('u') || o.has('s') ? 0 : bytewise(a, b));
    return o.has('r') ? -c : c;
  };
  const sorted = splitLines(text).sort(compare);
  const result = o.has('u') ? sorted.filter((l, i) => i === 0 || compareKey(sorted[i - 1] as string, l) !== 0) : sorted;
  out(ctx, result.map((l) => `${l}\n`).join(''));
  return 0;
}

const TR_CLASSES: Record<string, string> = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
TR_CLASSES['alpha'] = `${TR_CLASSES['lower']}${TR_CLASSES['upper']}`;
TR_CLASSES['alnum'] = `${TR_CLASSES['alpha']}${TR_CLASSES['digit']}`;

/** Expands a `tr` set: ranges, escapes and `[:class:]`. */
export function trSet(spec: string): string[] {
  const chars: string[] = [];
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f', v: '\v' };
  const items: string[] = [];
  for (let i = 0; i < spec.length; i++) {
    const cls = /^\[:(\w+):\]/.exec(spec.slice(i));
    if (cls && TR_CLASSES[cls[1] as string]) {
      items.push(...(TR_CLASSES[cls[1] as string] as string));
      i += cls[0].length - 1;
    } else if (spec[i] === '\\' && i + 1 < spec.length) items.push(escapes[spec[++i] as string] ?? (spec[i] as string));
    else items.push(spec[i] as string);
  }
  for (let i = 0; i < items.length; i++) {
    const a = items[i] as string;
    if (items[i + 1] === '-' && items[i + 2] !== undefined) {
      const to = (items[i + 2] as string).charCodeAt(0);
      for (let c = a.charCodeAt(0); c <= to; c++) chars.push(String.fromCharCode(c));
      i += 2;
    } else chars.push(a);
  }
  return chars;
}

/** `tr`. */
export async function tr(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'dsc', long: { delete: 'd', 'squeeze-repeats': 's', complement: 'c' } });
  const [a, b] = o.operands;
  if (a === undefined) usage(ctx, 'missing operand');
  const translating = !o.has('d') && !(o.has('s') && b === undefined);
  if (translating && b === undefined) {
    ctx.err.write(`tr: missing operand after \u2018${a}\u2019\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  const set1 = trSet(a);
  const set2 = b !== undefined ? trSet(b) : [];
  const in1 = (c: string) => set1.includes(c) !== o.has('c');
  const map = new Map<string, string>();
  if (translating) set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)] ?? c));
  const squeeze = o.has('s') ? new Set(translating || o.has('d') ? set2 : set1) : undefined;
  let last: string | undefined;
  for (let chunk = await ctx.stdin.read(); chunk !== undefined; chunk = await ctx.stdin.read()) {
    let text = '';
    for (const c of chunk) {
      if (o.has('d') && in1(c)) continue;
      const t = translating ? (map.get(c) ?? c) : c;
      if (squeeze?.has(t) && last === t) continue;
      text += t;
      last = t;
    }
    out(ctx, text);
  }
  return 0;
}

/** `base64 [-d] [-w COLS] [FILE]`. */
export async function base64(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'di', values: 'w', long: { decode: 'd', 'ignore-garbage': 'i', wrap: 'w' } });
  const file = o.operands[0] ?? '-';
  if (o.operands.length > 1) usage(ctx, `extra operand \u2018${o.operands[1]}\u2019`);
  let text: string;
  if (file === '-') text = await readAll(ctx.stdin);
  else {
    try {
      text = await ctx.session.ws.read(file);
    } catch (e) {
      warn(ctx, `${file}: ${errorText(e)}`);
      return 1;
    }
  }
  if (o.has('d')) {
    const clean = o.has('i') ? text.replace(/[^A-Za-z0-9+/=]/g, '') : text.replace(/\s/g, '');
    try {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new Error('invalid');
      out(ctx, utf8Decode(base64Decode(clean)));
      return 0;
    } catch {
      warn(ctx, 'invalid input');
      return 1;
    }
  }
  const wrap = Number(o.get('w') ?? '76');
  const encoded = base64Encode(utf8Encode(text));
  if (encoded === '') return 0;
  if (wrap === 0) out(ctx, `${encoded}\n`);
  else for (let i = 0; i < encoded.length; i += wrap) out(ctx, `${encoded.slice(i, i + wrap)}\n`);
  return 0;
}
