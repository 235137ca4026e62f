/**
 * The JSONPath of lesson checks is kubectl's `-o jsonpath` template, evaluated by the bundled
 * shell's own printer (core/shell/printers/jsonpath.ts): `{.status.readyReplicas}`,
 * `.spec.template.spec.containers[0].image` (the braces may be left out of a single path),
 * `{.metadata.annotations['a/b']}`, `[*]` (values joined by a space), filters
 * `[?(@.name=="web")]`, and text between paths (`{.metadata.namespace}/{.metadata.name}`) — so a
 * check reads a field exactly as the student's `kubectl get -o jsonpath=...` prints it.
 */
import { parseTemplate, printTemplate, templateFinds, type Node } from '../shell/printers/jsonpath';

/** A check's path as a template: a bare path gets its braces. */
function template(path: string): string {
  const p = path.trim();
  return p.includes('{') ? p : `{${p}}`;
}

/** Parses a check's JSONPath; throws an Error naming the problem. */
export function parseJsonPath(path: string): Node[] {
  try {
    return parseTemplate(template(path));
  } catch (e) {
    throw new Error(`invalid JSONPath ${path}: ${(e as Error).message}`);
  }
}

/** What a check's JSONPath reads in `obj`: whether every path in it found a value, and the text kubectl prints. */
export function evalJsonPath(obj: unknown, path: string): { found: boolean; text: string } {
  const nodes = parseJsonPath(path);
  return { found: templateFinds(nodes, obj), text: printTemplate(nodes, obj) };
}
