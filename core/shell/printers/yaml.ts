/**
 * kubectl's YAML (`-o yaml`): sigs.k8s.io/yaml converts the JSON to go-yaml v2, whose emitter
 * sorts mapping keys (digit runs compared as numbers), leaves sequences in mappings unindented,
 * quotes a string that would read back as another type (`"80"`, `"true"`, timestamps) with
 * double quotes and one that cannot be plain (`'*'`, `'a: b'`) with single quotes, writes
 * multi-line strings as literal blocks (`|`, `|-`) and folds long plain or single-quoted strings
 * at a space after column 80. No YAML library reproduces that byte for byte, hence this emitter.
 */

const WIDTH = 80;

function isLetter(c: string): boolean {
  return /\p{L}/u.test(c);
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** go-yaml v2's key order (keyList.Less) for string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i] as string;
    const y = br[i] as string;
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x < y;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (x === '0' || y === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return ar.length < br.length;
}

function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).sort((a, b) => (a === b ? 0 : yamlKeyLess(a, b) ? -1 : 1));
}

const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]| )\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const RESERVED = new Set(['', '~', 'null', 'Null', 'NULL', 'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN', '<<']);

/** Whether go-yaml v2 would read the plain string back as something else than a string. */
function resolvesToNonString(s: string): boolean {
  if (RESERVED.has(s)) return true;
  const c = s[0] ?? '';
  if (!'+-.0123456789'.includes(c)) return false;
  const plain = s.replace(/_/g, '');
  if (/^[-+]?(0|[1-9][0-9]*)$/.test(plain) || /^[-+]?0[0-7]+$/.test(plain) || /^[-+]?0x[0-9a-fA-F]+$/.test(plain) || /^[-+]?0b[01]+$/.test(plain)) return true;
  if (YAML_FLOAT.test(plain)) return true;
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)) return true;
  return isDigit(c) && TIMESTAMP.test(s);
}

function isPrintable(ch: number): boolean {
  return ch === 0x0a || (ch >= 0x20 && ch <= 0x7e) || ch === 0x85 || (ch >= 0xa0 && ch <= 0xd7ff) || (ch >= 0xe000 && ch <= 0xfffd && ch !== 0xfeff) || ch >= 0x10000;
}

interface Analysis {
  plain: boolean;
  single: boolean;
  block: boolean;
  multiline: boolean;
}

/** go-yaml's yaml_emitter_analyze_scalar, for block context. */
function analyze(s: string): Analysis {
  if (s === '') return { plain: false, single: true, block: false, multiline: false };
  const chars = [...s];
  let blockIndicators = false;
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  let precededByWs = true;
  if (s.startsWith('---') || s.startsWith('...')) blockIndicators = true;
  chars.forEach((c, i) => {
    const next = chars[i + 1];
    const followedByWs = next === undefined || next === ' ' || next === '\t' || next === '\n';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':') && followedByWs) blockIndicators = true;
      if (c === '-' && followedByWs) blockIndicators = true;
    } else {
      if (c === ':' && followedByWs) blockIndicators = true;
      if (c === '#' && precededByWs) blockIndicators = true;
    }
    const code = c.codePointAt(0) as number;
    if (!isPrintable(code)) special = true;
    if (c === '\n') lineBreaks = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (c === '\n') {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevBreak = true;
      prevSpace = false;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = c === ' ' || c === '\t' || c === '\n';
  });
  let plain = true;
  let single = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) plain = false;
  if (trailingSpace) block = false;
  if (breakSpace) {
    plain = false;
    single = false;
  }
  if (spaceBreak || special) {
    plain = false;
    single = false;
    block = false;
  }
  if (lineBreaks) plain = false;
  if (blockIndicators) plain = false;
  return { plain, single, block, multiline: lineBreaks };
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0) as number;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (code === 0) out += '\\0';
    else if (!isPrintable(code)) out += code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

/** Writes `text` from `column`, folding at a single space past the width to `indent` (go-yaml's allow_breaks). */
function folded(text: string, column: number, indent: number, fold: boolean): string {
  if (!fold) return text;
  const chars = [...text];
  let out = '';
  let col = column;
  let spaces = false;
  chars.forEach((c, i) => {
    if (c === ' ') {
      if (!spaces && col > WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') {
        out += `\n${' '.repeat(indent)}`;
        col = indent;
      } else {
        out += c;
        col++;
      }
      spaces = true;
    } else {
      out += c;
      col++;
      spaces = false;
    }
  });
  return out;
}

/** A string scalar at `column`, continuation lines at `indent`; `key` when it is a mapping key. */
function scalarString(s: string, column: number, indent: number, key: boolean): string {
  const a = analyze(s);
  const needsQuote = resolvesToNonString(s);
  if (!key && a.multiline && !needsQuote && a.block) {
    const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') || s === '\n' ? '+' : '') : '-';
    const indicator = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
    const body = s.endsWith('\n') ? s.slice(0, -1) : s;
    const lines = body.split('\n').map((l) => (l === '' ? '' : `${' '.repeat(indent)}${l}`));
    return `|${indicator}${chomp}\n${lines.join('\n')}`;
  }
  if (needsQuote && !a.multiline && isAllPrintable(s)) return doubleQuoted(s);
  if (needsQuote || (a.multiline && !a.block)) return doubleQuoted(s);
  if (a.plain) return folded(s, column, indent, !key);
  if (a.single && !a.multiline) return `'${folded(s.replace(/'/g, "''"), column + 1, indent, !key)}'`;
  return doubleQuoted(s);
}

function isAllPrintable(s: string): boolean {
  for (const c of s) if (!isPrintable(c.codePointAt(0) as number)) return false;
  return true;
}

function scalar(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN';
  return scalarString(String(v), column, indent, false);
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function emitMap(o: Record<string, unknown>, indent: number, firstInline: boolean): string {
  let out = '';
  sortedKeys(o).forEach((k, i) => {
    const pad = i === 0 && firstInline ? '' : ' '.repeat(indent);
    const key = scalarString(k, indent, indent + 2, true);
    out += `${pad}${key}:${emitValue(o[k], indent, indent + key.length + 1)}`;
  });
  return out;
}

/** The text after `key:` (or `-`) for a value owned by something at column `owner`. */
function emitValue(v: unknown, owner: number, column: number): string {
  if (Array.isArray(v)) return v.length === 0 ? ' []\n' : `\n${emitSeq(v, owner)}`;
  if (isMap(v)) return Object.keys(v).length === 0 ? ' {}\n' : `\n${emitMap(v, owner + 2, false)}`;
  return ` ${scalar(v, column + 1, owner + 2)}\n`;
}

function emitSeq(a: unknown[], indent: number): string {
  let out = '';
  for (const item of a) {
    const pad = ' '.repeat(indent);
    if (isMap(item) && Object.keys(item).length > 0) out += `${pad}- ${emitMap(item, indent + 2, true)}`;
    else if (Array.isArray(item) && item.length > 0) out += `${pad}-${emitSeqInline(item, indent + 2)}`;
    else out += `${pad}-${emitValue(item, indent, indent + 1)}`;
  }
  return out;
}

function emitSeqInline(a: unknown[], indent: number): string {
  const inner = emitSeq(a, indent);
  return ` ${inner.slice(indent)}`;
}

/** A JSON value as kubectl's `-o yaml` prints it. */
export function toYaml(v: unknown): string {
  if (isMap(v)) return Object.keys(v).length === 0 ? '{}\n' : emitMap(v, 0, false);
  if (Array.isArray(v)) return v.length === 0 ? '[]\n' : emitSeq(v, 0);
  return `${scalar(v, 0, 0)}\n`;
}
