/**
 * kubectl's generic describer, for every kind without a describer of its own (custom resources,
 * leases, events, controller revisions, CRDs...): name, namespace, labels and annotations, then
 * every other field of the object with a readable label (`apiVersion` → `API Version`), nested
 * fields indented, then the object's events (genericDescriber of kubectl 1.32).
 */
import { eventsOf, printAnnotations, printEvents, printLabels, type Describer, nowOf } from './common';
import type { PrefixWriter } from './tabwriter';
import { goValue, type J } from './values';

type Klass = 'lower' | 'upper' | 'digit' | 'other';

function klass(ch: string): Klass {
  if (/\p{Ll}/u.test(ch)) return 'lower';
  if (/\p{Lu}/u.test(ch)) return 'upper';
  if (/\p{Nd}/u.test(ch)) return 'digit';
  return 'other';
}

/** github.com/fatih/camelcase.Split: runs of one character class; an upper run hands its last letter to a following lower run. */
export function camelSplit(s: string): string[] {
  const runs: string[][] = [];
  let last: Klass | undefined;
  for (const ch of s) {
    const k = klass(ch);
    if (k === last) (runs[runs.length - 1] as string[]).push(ch);
    else runs.push([ch]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const cur = runs[i] as string[];
    const next = runs[i + 1] as string[];
    if (klass(cur[0] as string) === 'upper' && klass(next[0] as string) === 'lower') {
      next.unshift(cur.pop() as string);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** strings.Title: the first letter of each word in upper case. */
function title(s: string): string {
  return s.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

/** smartLabelFor: `apiVersion` → `API Version`; a field with other than letters and `-` is kept as is. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : title(p)))
    .join(' ');
}

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

/** printUnstructuredContent: the fields sorted, maps and lists of maps nested a level deeper. */
function printContent(w: PrefixWriter, level: number, content: J, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value as J, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as J, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
  }
}

/** The generic describer. */
export const describeGeneric: Describer = async (c, w, o) => {
  const events = await eventsOf(c, o, o.kind ?? '');
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  printContent(w, 0, o as J, '');
  printEvents(w, events, nowOf(c, o, events));
};
