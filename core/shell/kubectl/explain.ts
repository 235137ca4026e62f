/**
 * `kubectl explain TYPE[.field.path] [--recursive] [--api-version G/V]` from the server's
 * OpenAPI v3 (`/openapi/v3`, then the group/version's document), printed as kubectl 1.32's
 * `plaintext` template (k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl) renders it:
 * GROUP/KIND/VERSION, then FIELD with its ENUM for a field path, DESCRIPTION wrapped at 76
 * columns by go-wordwrap's rules, and FIELDS with their `<type>` guess (`<[]Container>`,
 * `<map[string]string>`, `<Object>`) and `-required-`, or every field's name indented with
 * `--recursive`. The template's logic is followed here in code rather than run through the
 * go-template engine, because it relies on helper functions (resolveRef, include, set...) that
 * kubectl adds and that `-o go-template` must not offer.
 */
import type { Kubectl } from './context';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags } from './flags';

type Schema = Record<string, unknown>;
type Doc = { paths?: Record<string, Schema>; components?: { schemas?: Record<string, Schema> } };
interface Gvk {
  group: string;
  kind: string;
  version: string;
}

const isObj = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : isObj(v) ? Object.keys(v).length > 0 : Boolean(v));
const sortedKeys = (o: Schema) => Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
/** additionalProperties that is a schema (not `true`/`false`). */
const mapValues = (s: Schema): Schema | undefined => (isObj(s['additionalProperties']) && nonEmpty(s['additionalProperties']) ? s['additionalProperties'] : undefined);

/** go-wordwrap's WrapString (v1.0.1, which kubectl uses): breaks at white space, never inside a word. */
export function wrapString(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  let wordLen = 0;
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else {
          current += spaceLen;
          buf += space;
        }
      } else {
        current += spaceLen + wordLen;
        buf += space + word;
        word = '';
        wordLen = 0;
      }
      space = '';
      spaceLen = 0;
      buf += ch;
      current = 0;
    } else if (/\s/u.test(ch) && ch !== '\u00a0') {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + wordLen + spaceLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else buf += space + word;
  return buf;
}

/** The template's `indent`: every line prefixed, the first included. */
function indent(n: number, s: string): string {
  const pad = ' '.repeat(n);
  return pad + s.replace(/\n/g, `\n${pad}`);
}

/** The template's resolveRef: a `#/components/schemas/...` reference in the document. */
function resolveRef(ref: unknown, doc: Doc): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  for (const part of ref.slice(1).split('/')) {
    if (part === '') continue;
    if (!isObj(cur) || !isObj(cur[part])) return undefined;
    cur = cur[part];
  }
  return cur as Schema;
}

/** The "typeGuess" template: `string`, `Object`, `[]Container`, `map[string]string`. */
function typeGuess(s: Schema, doc: Doc): string {
  if (!nonEmpty(s)) throw new Error('expected schema argument to subtemplate \'typeguess\'');
  if (nonEmpty(s['items'])) return `[]${typeGuess(s['items'] as Schema, doc)}`;
  const mv = mapValues(s);
  if (mv) return `map[string]${typeGuess(mv, doc)}`;
  const allOf = s['allOf'];
  if (Array.isArray(allOf) && allOf.length === 1 && !nonEmpty(s['properties'])) return typeGuess(allOf[0] as Schema, doc);
  if (nonEmpty(s['$ref'])) {
    const ref = s['$ref'] as string;
    const target = resolveRef(ref, doc);
    if (!target || !nonEmpty(target['type']) || target['type'] === 'object') return ref.split('/').pop()?.split('.').pop() || 'Object';
    return String(target['type']);
  }
  return s['type'] === 'object' ? 'Object' : nonEmpty(s['type']) ? String(s['type']) : 'Object';
}

/** The "extractEnum" template, in its short (field list) or long (FIELD) form. */
function extractEnum(s: Schema, long: boolean, limit: number, indentAmount = 0): string {
  const values = s['enum'];
  if (!Array.isArray(values) || values.length === 0) return '';
  let out = long ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (let i = 0; i < values.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !long) out += ', ';
    else if (long) out += '\n    ';
    const v = values[i];
    out += v === '' ? '""' : typeof v === 'string' ? v : v === null ? '<nil>' : String(v);
  }
  return out;
}

/** The "description" template: the schema's description and those of what it wraps. */
function description(s: Schema, doc: Doc): string {
  const r = resolveRef(s['$ref'], doc) ?? s;
  if (!nonEmpty(r)) return '';
  let out = nonEmpty(r['description']) ? `${String(r['description'])}\n` : '';
  for (const sub of Array.isArray(r['allOf']) ? r['allOf'] : []) out += description(sub as Schema, doc);
  if (nonEmpty(r['items'])) out += description(r['items'] as Schema, doc);
  const mv = mapValues(r);
  if (mv) out += description(mv, doc);
  return out;
}

/** The "fieldDetail" template: one field of `parent`. */
function fieldDetail(name: string, parent: Schema, short: boolean, level: number, doc: Doc): string {
  const n = level * 2;
  const field = ((parent['properties'] as Schema)[name] ?? {}) as Schema;
  const required = Array.isArray(parent['required']) && parent['required'].includes(name);
  let out = `${indent(n, name)}\t<${typeGuess(field, doc)}>${required ? ' -required-' : ''}${extractEnum(field, false, 4, n)}\n`;
  if (!short) out += `${indent(n + 2, wrapString(nonEmpty(field['description']) ? String(field['description']) : '<no description>', 78 - n))}\n\n`;
  return out;
}

/** The "fieldList" template, following references and stopping at cycles. */
function fieldList(s: Schema, level: number, history: Set<string>, recursive: boolean, doc: Doc): string {
  const ref = typeof s['$ref'] === 'string' ? s['$ref'] : '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history).add(ref);
  const r = resolveRef(ref, doc) ?? s;
  let out = '';
  const props = isObj(r['properties']) ? r['properties'] : {};
  for (const k of sortedKeys(props)) {
    out += fieldDetail(k, r, recursive, level, doc);
    if (recursive) out += fieldList(props[k] as Schema, level + 1, next, recursive, doc);
  }
  for (const sub of Array.isArray(r['allOf']) ? r['allOf'] : []) out += fieldList(sub as Schema, level, next, recursive, doc);
  if (nonEmpty(r['items'])) out += fieldList(r['items'] as Schema, level, next, recursive, doc);
  const mv = mapValues(r);
  if (mv) out += fieldList(mv, level, next, recursive, doc);
  return out;
}

/** The "output" template: follows the field path, then prints DESCRIPTION and FIELDS. */
function output(s: Schema, path: string[], history: Set<string>, recursive: boolean, doc: Doc): string {
  const ref = typeof s['$ref'] === 'string' ? s['$ref'] : '';
  const next = new Set(history).add(ref);
  const r = resolveRef(ref, doc) ?? s;
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(r, doc) || '<empty>', 76))}\n`;
    const fields = fieldList(r, 1, new Set(), recursive, doc);
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref && history.has(ref)) return '';
  const props = isObj(r['properties']) ? r['properties'] : undefined;
  const first = path[0] as string;
  if (props && nonEmpty(props[first])) {
    const sub = props[first] as Schema;
    let out = '';
    if (path.length === 1) out += `FIELD: ${first} <${typeGuess(sub, doc)}>\n${extractEnum(sub, true, -1)}\n\n`;
    return out + output(sub, path.slice(1), new Set(), recursive, doc);
  }
  if (nonEmpty(r['items'])) return output(r['items'] as Schema, path, next, recursive, doc);
  const mv = mapValues(r);
  if (mv) return output(mv, path, next, recursive, doc);
  for (const sub of Array.isArray(r['allOf']) ? r['allOf'] : []) {
    const o = output(sub as Schema, path, next, recursive, doc);
    if (o) return o;
  }
  return '';
}

/** The whole plaintext template for a resource of a group/version document. */
export function renderExplain(doc: Doc, gvr: { group: string; version: string; resource: string }, path: string[], recursive: boolean): { text: string; error?: string } {
  const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
  const searches = [
    `${prefix}/${gvr.version}/${gvr.resource}`,
    `${prefix}/${gvr.version}/${gvr.resource}/{name}`,
    `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}`,
    `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}/{name}`,
  ];
  let gvk: Gvk | undefined;
  search: for (const p of searches) {
    const el = doc.paths?.[p];
    if (!isObj(el)) continue;
    for (const m of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = el[m];
      if (isObj(op) && isObj(op['x-kubernetes-group-version-kind'])) {
        gvk = op['x-kubernetes-group-version-kind'] as unknown as Gvk;
        break search;
      }
    }
  }
  if (!gvk) return { text: '', error: `error: GVR (${gvr.group}/${gvr.version}, Resource=${gvr.resource}) not found in OpenAPI schema` };
  const text = `${gvk.group ? `GROUP:      ${gvk.group}\n` : ''}KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const schemas = doc.components?.schemas ?? {};
  for (const name of sortedKeys(schemas)) {
    const s = schemas[name] as Schema;
    const kinds = s['x-kubernetes-group-version-kind'];
    if (!Array.isArray(kinds) || !kinds.some((x: Gvk) => x.group === gvk.group && x.kind === gvk.kind && x.version === gvk.version)) continue;
    const out = output(s, path, new Set(), recursive, doc);
    if (!out) return { text, error: `error: field "${path[path.length - 1] ?? ''}" does not exist` };
    return { text: `${text}${out}\n` };
  }
  return { text, error: `error: GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema` };
}

/** `kubectl explain`. */
export async function explain(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl explain', args, {
      recursive: { kind: 'bool' },
      'api-version': { kind: 'string' },
      output: { kind: 'string', short: 'o' },
    }),
  );
  if (flags.positional.length === 0) throw new CommandError('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
  if (flags.positional.length > 1) throw new CommandError('error: We accept only this format: explain RESOURCE');
  const input = (flags.positional[0] as string).replace(/\.$/, '');
  const [resource = '', ...rest] = input.split('.');
  const types = (await k.discovery.all()).filter((t) => t.resource === resource.toLowerCase() || t.singular === resource.toLowerCase() || t.shortNames.includes(resource.toLowerCase()) || t.kind.toLowerCase() === resource.toLowerCase());
  if (types.length === 0 || resource === '') throw new CommandError(`the server doesn't have a resource type "${resource}"`);
  await k.discovery.resolve(resource, (w) => k.io.err(w));
  let gvr = { group: types[0]?.group ?? '', version: types[0]?.version ?? '', resource: types[0]?.resource ?? '' };
  let path = rest;
  const apiVersion = flags.str('api-version');
  if (!apiVersion) {
    // The first type whose `resource.group` (`resource` for the core group) prefixes the
    // argument is the one; what follows is the field path.
    const groupResource = (t: { resource: string; group: string }) => (t.group ? `${t.resource}.${t.group}` : t.resource);
    const match = types.find((t) => input.startsWith(groupResource(t)));
    if (match) {
      gvr = { group: match.group, version: match.version, resource: match.resource };
      path = input.slice(groupResource(match).length).split('.').filter((x) => x !== '');
    }
  } else {
    const parts = apiVersion.split('/');
    if (parts.length > 2) throw new CommandError(`error: unexpected GroupVersion string: ${apiVersion}`);
    gvr = parts.length === 1 ? { ...gvr, group: '', version: parts[0] as string } : { ...gvr, group: parts[0] as string, version: parts[1] as string };
  }
  const format = flags.str('output', 'plaintext');
  if (format !== 'plaintext' && format !== 'plaintext-openapiv2') throw new CommandError(`error: unrecognized format: ${format}`);
  const index = await k.send('GET', '/openapi/v3');
  if (index.status >= 400) throw new CommandError(`error: failed to fetch list of groupVersions: ${serverError(index.body)}`);
  const key = gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`;
  const entry = (index.body as { paths?: Record<string, { serverRelativeURL?: string }> }).paths?.[key];
  if (!entry?.serverRelativeURL) throw new CommandError(`error: couldn't find resource for "${gvr.group}/${gvr.version}, Resource=${gvr.resource}"`);
  const url = entry.serverRelativeURL;
  const q = url.indexOf('?');
  const query = q < 0 ? {} : Object.fromEntries(url.slice(q + 1).split('&').map((kv) => kv.split('=').map(decodeURIComponent) as [string, string]));
  const r = await k.send('GET', q < 0 ? url : url.slice(0, q), query);
  if (r.status >= 400) throw new CommandError(`error: failed to fetch openapi schema for ${key}: ${serverError(r.body)}`);
  let result: { text: string; error?: string };
  try {
    result = renderExplain(r.body as Doc, gvr, path, flags.bool('recursive'));
  } catch (e) {
    throw new CommandError(`error: ${(e as Error).message}`);
  }
  k.io.out(result.text);
  if (result.error) throw new CommandError(result.error);
}
