/**
 * Go's `text/tabwriter` as kubectl describe configures it (minwidth 0, padding 2, pad with
 * spaces, no flags): cells end with a tab; a column's width is set per block of consecutive
 * lines that have a tab-terminated cell in that column; the last cell of a line is not padded.
 */

/** Lays out tab-separated text as Go's tabwriter (flushed once at the end). */
export function tabwrite(text: string, padding = 2): string {
  const lines = text.split('\n');
  const trailing = lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  const cells = lines.map((l) => l.split('\t'));
  const width = (s: string) => [...s].length;
  const out: string[] = new Array<string>(cells.length);
  const widths: number[] = [];
  const write = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const line = cells[i] as string[];
      out[i] = line.map((c, j) => (j < line.length - 1 && j < widths.length ? c + ' '.repeat(Math.max(0, (widths[j] as number) - width(c))) : c)).join('');
    }
  };
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    let start = line0;
    for (let t = line0; t < line1; t++) {
      if (column >= (cells[t] as string[]).length - 1) continue;
      write(start, t);
      start = t;
      let w = 0;
      for (; t < line1; t++) {
        const line = cells[t] as string[];
        if (column >= line.length - 1) break;
        w = Math.max(w, width(line[column] as string) + padding);
      }
      widths.push(w);
      format(start, t);
      widths.pop();
      start = t;
      t--;
    }
    write(start, line1);
  };
  format(0, cells.length);
  return out.map((l) => `${l}\n`).join('').slice(0, trailing ? undefined : -1);
}

/** What describers write to: text at an indent level (kubectl's PrefixWriter). */
export interface PrefixWriter {
  /** Writes one piece at `level` (0: no indent, 1: two spaces, ...). */
  write(level: number, s: string): void;
}

/** A PrefixWriter that adds `indent` levels to every piece (NewNestedPrefixWriter). */
export function nestedWriter(w: PrefixWriter, indent: number): PrefixWriter {
  return { write: (level, s) => w.write(level + indent, s) };
}

/** kubectl's PrefixWriter: writes `format`ted lines indented by level (2 spaces a level). */
export class DescribeWriter implements PrefixWriter {
  private text = '';

  /** Writes one piece at `level` (0: no indent, 1: two spaces, ...). */
  write(level: number, s: string): void {
    this.text += '  '.repeat(level) + s;
  }

  /** The text as written, tabs kept (what `rollout history --revision` prints). */
  raw(): string {
    return this.text;
  }

  /** The laid-out text. */
  toString(): string {
    return tabwrite(this.text);
  }
}
