/**
 * bash's history expansion, the part students use: `!!` (the last command), `!N` (entry N of
 * `history`), `!-N` (the Nth last) and `!PREFIX` (the last command starting with it). Not in
 * single quotes, not after a backslash, and not before a blank, `=` or `(` (as bash).
 */

/** The expanded line, or bash's error (`!x: event not found`). */
export function expandHistory(line: string, entries: string[]): { line: string; changed: boolean } | { error: string } {
  let out = '';
  let changed = false;
  let quote = false;
  let dq = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'" && !dq) quote = !quote;
    if (c === '"' && !quote) dq = !dq;
    if (c === '\\' && !quote && i + 1 < line.length) {
      out += c + (line[i + 1] as string);
      i++;
      continue;
    }
    if (c !== '!' || quote) {
      out += c;
      continue;
    }
    const rest = line.slice(i + 1);
    const m = /^(!|-?\d+|[^\s=()!;&|<>'"`$]+)/.exec(rest);
    if (!m) {
      out += c;
      continue;
    }
    const spec = m[1] as string;
    let found: string | undefined;
    if (spec === '!') found = entries[entries.length - 1];
    else if (/^\d+$/.test(spec)) found = entries[Number(spec) - 1];
    else if (/^-\d+$/.test(spec)) found = entries[entries.length + Number(spec)];
    else found = [...entries].reverse().find((e) => e.startsWith(spec));
    if (found === undefined) return { error: `!${spec}: event not found` };
    out += found;
    changed = true;
    i += spec.length;
  }
  return { line: out, changed };
}
