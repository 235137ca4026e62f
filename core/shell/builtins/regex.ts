/**
 * POSIX regular expressions (basic, as grep and sed read them by default, and extended, with
 * `-E`) translated to JavaScript's: in a BRE `\( \) \{ \} \| \+ \?` are the operators and the
 * bare characters literals; bracket expressions may hold `[:alpha:]`-style classes; `\<` and
 * `\>` are word boundaries. (No library translates POSIX regular expressions: written here.)
 */

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
};

/** Reads a bracket expression starting at `i` (the `[`); returns its JavaScript form and the index after it. */
function bracket(p: string, i: number): { re: string; end: number } {
  let j = i + 1;
  let re = '[';
  if (p[j] === '^') {
    re += '^';
    j++;
  }
  if (p[j] === ']') {
    re += '\\]';
    j++;
  }
  while (j < p.length && p[j] !== ']') {
    const cls = /^\[:(\w+):\]/.exec(p.slice(j));
    if (cls) {
      re += CLASSES[cls[1] as string] ?? '';
      j += cls[0].length;
    } else if (p[j] === '\\') {
      re += '\\\\';
      j++;
    } else {
      re += p[j] === '[' ? '\\[' : p[j];
      j++;
    }
  }
  if (j >= p.length) throw new Error('Unmatched [, [^, [:, [., or [=');
  return { re: `${re}]`, end: j + 1 };
}

/** The JavaScript source of a POSIX regular expression (`extended` for ERE). */
export function posixToJs(p: string, extended: boolean): string {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '[') {
      const b = bracket(p, i);
      re += b.re;
      i = b.end - 1;
    } else if (c === '\\' && i + 1 < p.length) {
      const n = p[++i] as string;
      if (n === '<' || n === '>') re += '\\b';
      else if (!extended && '(){}|+?'.includes(n)) re += n;
      else if (/[wWsSbB1-9]/.test(n)) re += `\\${n}`;
      else re += `\\${n}`.replace(/^\\([a-zA-Z])$/, '$1');
    } else if (!extended && '(){}|+?'.includes(c)) re += `\\${c}`;
    else if (c === '*' && (re === '' || re === '^')) re += '\\*';
    else if (c === '/') re += '\\/';
    else re += c;
  }
  return re;
}

/** Compiles a POSIX regular expression; throws an Error with a grep-like message when it is malformed. */
export function compilePosix(p: string, extended: boolean, flags = ''): RegExp {
  const src = posixToJs(p, extended);
  try {
    return new RegExp(src, flags);
  } catch {
    throw new Error(/\(/.test(src) && !/\)/.test(src) ? 'Unmatched ( or \\(' : 'Invalid regular expression');
  }
}
