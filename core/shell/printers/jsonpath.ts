/**
 * kubectl's `-o jsonpath=TEMPLATE` (k8s.io/client-go/util/jsonpath): literal text between
 * `{...}` actions; an action is a path (`{.items[*].metadata.name}`, results joined by a space),
 * a quoted string (`{"\n"}`), `{@}`, or `{range PATH}...{end}` repeating its body for each
 * result. Path steps are those of the API server's own evaluator (crd/jsonpath.ts); the template
 * layer is here because no JSONPath library knows kubectl's dialect (jsonpath-plus has neither
 * `{range}`/`{end}` nor kubectl's text-between-actions templates, and orders filters differently).
 * Missing keys print nothing, as `kubectl get` allows them.
 */
import { evaluateJsonPath, parseJsonPath, type JsonPath } from '../../apiserver/crd/jsonpath';
import { goJson } from './json';

/** A parsed template: text, a path, or a range over a path. */
export type Node = { kind: 'text'; text: string } | { kind: 'path'; path: JsonPath | 'current' } | { kind: 'range'; path: JsonPath; body: Node[] };

function unquote(s: string): string {
  return s.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c));
}

/** Splits a template into its text and actions. */
function tokens(template: string): { text?: string; action?: string }[] {
  const out: { text?: string; action?: string }[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out.push({ text: template.slice(i) });
      break;
    }
    if (open > i) out.push({ text: template.slice(i, open) });
    let j = open + 1;
    let quote = '';
    for (; j < template.length; j++) {
      const c = template[j] as string;
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '}') break;
    }
    if (j >= template.length) throw new Error(`unclosed action`);
    out.push({ action: template.slice(open + 1, j).trim() });
    i = j + 1;
  }
  return out;
}

/** Parses a kubectl JSONPath template; throws an Error with client-go's words when it cannot. */
export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  for (const t of tokens(template)) {
    const top = stack[stack.length - 1] as Node[];
    if (t.text !== undefined) top.push({ kind: 'text', text: t.text });
    else {
      const a = t.action as string;
      if (a === 'end') {
        if (stack.length === 1) throw new Error('not in range, nothing to end');
        stack.pop();
      } else if (a.startsWith('range ')) {
        const node: Node = { kind: 'range', path: parseJsonPath(a.slice(6).trim()), body: [] };
        top.push(node);
        stack.push(node.body);
      } else if (/^".*"$|^'.*'$/s.test(a)) top.push({ kind: 'text', text: unquote(a) });
      else if (a === '@' || a === '$') top.push({ kind: 'path', path: 'current' });
      else top.push({ kind: 'path', path: parseJsonPath(a.replace(/^@/, '')) });
    }
  }
  if (stack.length > 1) throw new Error('unclosed range');
  return root;
}

/** A value as the jsonpath printer writes it (strings bare, the rest as compact JSON). */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '';
  return goJson(v);
}

function run(nodes: Node[], data: unknown): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'path') out += (n.path === 'current' ? [data] : evaluateJsonPath(n.path, data)).map(valueText).join(' ');
    else {
      let results = evaluateJsonPath(n.path, data);
      if (results.length === 1 && Array.isArray(results[0])) results = results[0];
      for (const item of results) out += run(n.body, item);
    }
  }
  return out;
}

/** Prints `data` with a parsed template. */
export function printTemplate(nodes: Node[], data: unknown): string {
  return run(nodes, data);
}

/** Whether every path of the template (a range's included) selects at least one value in `data`. */
export function templateFinds(nodes: Node[], data: unknown): boolean {
  return nodes.every((n) => n.kind === 'text' || n.path === 'current' || evaluateJsonPath(n.path, data).length > 0);
}

/** The values of one path (for custom-columns). */
export function findValues(path: string, data: unknown): unknown[] {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1);
  if (!p.startsWith('.') && !p.startsWith('[') && !p.startsWith('$')) p = `.${p}`;
  return evaluateJsonPath(parseJsonPath(p), data);
}
