// Editing an object as YAML (pure): the text to edit, the object read back (with the YAML's
// syntax errors by line), and where the API server's 422 causes point in the text.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { KubeObject } from './resources';
import { toYaml } from './yaml';

/** A problem to show beside a line of the edited text (`line` 1-based; null: not placed). */
export interface EditProblem {
  line: number | null;
  /** The API server's field path, for a 422 cause. */
  field?: string;
  message: string;
}

/** The object without what kubectl hides by default (`metadata.managedFields`). */
export function forDisplay(o: KubeObject): KubeObject {
  if (!o.metadata.managedFields) return o;
  const { managedFields: _hidden, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** The text an edit starts from. */
export function editText(o: KubeObject): string {
  return toYaml(forDisplay(o));
}

/** Reads edited text back: the object, or the YAML's problems by line. */
export function parseEdited(text: string): { object?: KubeObject; problems: EditProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    return { problems: doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? null, message: e.message.split('\n')[0] ?? e.message })) };
  }
  const value: unknown = doc.toJS();
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { metadata?: unknown }).metadata !== 'object') {
    return { problems: [{ line: 1, message: 'not-an-object' }] };
  }
  return { object: value as KubeObject, problems: [] };
}

/**
 * The segments of an API server field path: `spec.containers[0].image` → spec, containers,
 * 0, image; `metadata.labels[app.kubernetes.io/name]` → metadata, labels, app.kubernetes.io/name.
 */
export function fieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (let m = re.exec(field); m; m = re.exec(field)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return out;
}

/**
 * The 1-based line of `field` in the YAML `text`: the line of its key (or list item), else of
 * its nearest ancestor that is there (a missing required field points at its parent).
 */
export function lineOfField(text: string, field: string): number | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  let node: Node | null = doc.contents as Node | null;
  let line: number | null = null;
  for (const seg of fieldPath(field)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const key = pair.key as Node;
      if (key.range) line = lineCounter.linePos(key.range[0]).line;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineCounter.linePos(item.range[0]).line;
      node = item;
    } else break;
  }
  return line;
}
