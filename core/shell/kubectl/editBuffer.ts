/**
 * kubectl edit's buffer (pkg/cmd/util/editor): the header comment with the reasons a save failed,
 * the comparison of two buffers without their comments (cmdutil.StripComments: YAML read back as
 * JSON, else the comment lines dropped), and the decoding of the edited text into objects as the
 * resource builder reads a stream (documents, Lists flattened, `Object 'Kind' is missing`).
 */
import type { KubeObject } from '../../api/types';

/** One reason the buffer is reopened, with its details (`# * spec.replicas: Invalid value: ...`). */
export interface EditReason {
  head: string;
  other: string[];
}

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** hashOnLineBreak: a `# ` after every line break of a message. */
function hashOnLineBreak(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '\n' && i + 1 < s.length && s[i + 1] !== '#') r += '\n# ';
    else r += ch;
  }
  return r;
}

/** editHeader.writeTo: the header, then each reason and its details. */
export function editHeader(reasons: EditReason[]): string {
  let out = HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** cmdutil.ManualStrip: the text without its comment lines (`#!` lines kept). */
export function manualStrip(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('#') && !t.startsWith('#!')) return;
    kept.push(i < lines.length - 1 ? `${line}\n` : line);
  });
  return kept.join('');
}

/** cmdutil.StripComments: the YAML as JSON (comments and layout do not count), else ManualStrip. */
export function stripComments(text: string, parseYaml: ((t: string) => unknown[]) | undefined): string {
  try {
    const docs = parseYaml ? parseYaml(text) : [JSON.parse(text) as unknown];
    return JSON.stringify(docs[0] ?? null);
  } catch {
    return manualStrip(text);
  }
}

/** hasLines: whether some line is neither blank nor a comment. */
export function hasLines(text: string): boolean {
  return text.split('\n').some((l) => {
    const t = l.trim();
    return t.length > 0 && !t.startsWith('#');
  });
}

/** Decodes the edited text into objects (an error's text is the "syntax error" kubectl reports). */
export function decodeEdited(text: string, parseYaml: ((t: string) => unknown[]) | undefined): KubeObject[] {
  let docs: unknown[];
  try {
    docs = parseYaml ? parseYaml(text) : [JSON.parse(text) as unknown];
  } catch (e) {
    const first = (e as Error).message.split('\n')[0] ?? '';
    throw new Error(`error converting YAML to JSON: yaml: ${first}`);
  }
  const out: KubeObject[] = [];
  for (const d of docs) {
    if (d === null || d === undefined) continue;
    if (typeof d !== 'object' || Array.isArray(d)) throw new Error(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(d) ? 'array' : typeof d === 'string' ? 'string' : typeof d === 'number' ? 'number' : 'bool'} into Go value of type map[string]interface {}`);
    const o = d as KubeObject & { items?: unknown[] };
    if (typeof o.kind !== 'string' || o.kind === '') throw new Error(`Object 'Kind' is missing in '${JSON.stringify(o)}'`);
    if (o.kind.endsWith('List') && Array.isArray(o.items)) {
      for (const item of o.items) {
        const i = item as KubeObject;
        if (typeof i?.kind !== 'string' || i.kind === '') throw new Error(`Object 'Kind' is missing in '${JSON.stringify(i)}'`);
        out.push(i);
      }
    } else out.push(o);
  }
  return out;
}

/** The yaml decoder's error, in go-yaml's words as far as they can be had: `yaml: line N: ...`. */
function yamlError(e: unknown): string {
  const first = ((e as Error).message ?? '').split('\n')[0] ?? '';
  const m = /^(.*?)\s+at line (\d+), column \d+:?$/.exec(first);
  const text = m ? (m[1] as string) : first;
  const lower = text.charAt(0).toLowerCase() + text.slice(1);
  return m ? `yaml: line ${m[2] as string}: ${lower}` : `yaml: ${lower}`;
}

function objectKindErrors(obj: unknown): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return ['invalid object to validate'];
  const fields = obj as Record<string, unknown>;
  const errs: string[] = [];
  const apiVersion = fields['apiVersion'];
  if (apiVersion === undefined || apiVersion === null) errs.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errs.push("apiVersion isn't string type");
  else if (apiVersion.split('/').length > 2) errs.push(`unexpected GroupVersion string: ${apiVersion}`);
  const kind = fields['kind'];
  if (kind === undefined || kind === null) errs.push('kind not set');
  else if (typeof kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

/**
 * kubectl's client-side check of the edited text (validation.paramVerifyingSchema.ValidateBytes
 * with server-side field validation): it must read as YAML, be an object with apiVersion and kind
 * (each item of a List too); the rest is the API server's to check. Answers the error, if any.
 */
export function validateEdited(stripped: string, parseYaml: ((t: string) => unknown[]) | undefined): string | undefined {
  let obj: unknown;
  try {
    obj = (parseYaml ? parseYaml(stripped) : [JSON.parse(stripped) as unknown])[0] ?? null;
  } catch (e) {
    return yamlError(e);
  }
  const aggregate = (errs: string[]) => (errs.length === 0 ? undefined : errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  const errs = objectKindErrors(obj);
  if (errs.length > 0) return aggregate(errs);
  const fields = obj as Record<string, unknown>;
  if (fields['apiVersion'] === 'v1' && fields['kind'] === 'List') {
    if (!Array.isArray(fields['items'])) return 'invalid object to validate';
    return aggregate((fields['items'] as unknown[]).flatMap(objectKindErrors));
  }
  return undefined;
}
