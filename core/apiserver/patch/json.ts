/**
 * JSON patch (RFC 6902, `application/json-patch+json`) with `fast-json-patch` (pure JS, no Node
 * builtins), and the errors kube-apiserver answers: a body that is not a JSON array of
 * operations is a 400; any operation that cannot be applied — a failed `test`, a path that does
 * not exist — is a 422 whose message does not say which (`NewGenericServerResponse(422)` in
 * k8s.io/apiserver/pkg/endpoints/handlers/patch.go).
 */
import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { badRequest, tooManyOperations, unprocessable } from './errors';
import { clone, isObject, setKey, type JsonObject } from './value';

/** The most operations one JSON patch may hold (maxJSONPatchOperations). */
export const MAX_JSON_PATCH_OPERATIONS = 10_000;

/** Parses JSON, failing with the messages of Go's encoding/json for the common mistakes. */
export function parseJsonGo(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw badRequest(goJsonError(text, e instanceof Error ? e.message : ''));
  }
}

/** A Go encoding/json syntax error message for JSON.parse's `message` on `text`. */
export function goJsonError(text: string, message: string): string {
  if (text.trim() === '' || /end of JSON input/.test(message)) return 'unexpected end of JSON input';
  const pos = Number(/position (\d+)/.exec(message)?.[1] ?? -1);
  const tok = /Unexpected token '(.)'/.exec(message)?.[1];
  if (tok !== undefined) return `invalid character '${tok}' looking for beginning of value`;
  if (pos >= text.length) return 'unexpected end of JSON input';
  const ch = pos >= 0 ? text[pos] : undefined;
  if (ch === undefined) return `invalid JSON: ${message}`;
  if (/property name/.test(message)) return `invalid character '${ch}' looking for beginning of object key string`;
  if (/after property value/.test(message)) return `invalid character '${ch}' after object key:value pair`;
  if (/after array element/.test(message)) return `invalid character '${ch}' after array element`;
  return `invalid character '${ch}' looking for beginning of value`;
}

/**
 * The keys fast-json-patch cannot treat as data: what every object inherits (`__proto__`,
 * `constructor`, `toString`, ...) and `prototype`. It refuses paths through `__proto__` and
 * `constructor/prototype` (banPrototypeModifications), and it reads inherited members as if they
 * were there (`remove /metadata/toString` finds a function). kube-apiserver (evanphx/json-patch)
 * treats them as ordinary keys: `add /data/__proto__` adds the key. So they are renamed to
 * `SHADOW` + key in the document, the operations' paths and values before the patch is applied,
 * and back after: the library only ever sees own, harmless keys, and nothing reaches a prototype.
 */
const INHERITED = new Set([
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'prototype',
  'toLocaleString',
  'toString',
  'valueOf',
]);
const SHADOW = '\u0000kubelab-key:';

/** A JSON value with the inherited keys renamed (`undo`: back). */
function shadowKeys(v: unknown, undo: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => shadowKeys(x, undo));
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) {
    const key = undo ? (k.startsWith(SHADOW) ? k.slice(SHADOW.length) : k) : INHERITED.has(k) ? `${SHADOW}${k}` : k;
    setKey(out, key, shadowKeys(x, undo));
  }
  return out;
}

/** A JSON pointer with its inherited keys renamed (segments are unescaped, renamed, escaped again). */
function shadowPointer(p: unknown): unknown {
  if (typeof p !== 'string') return p;
  return p
    .split('/')
    .map((seg, i) => {
      if (i === 0) return seg;
      const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
      return INHERITED.has(key) ? `${SHADOW}${key}`.replace(/~/g, '~0').replace(/\//g, '~1') : seg;
    })
    .join('/');
}

/** Applies a JSON patch (its text) to a document; the document is not modified. */
export function applyJsonPatch(doc: unknown, patchText: string): unknown {
  const ops = parseJsonGo(patchText);
  if (!Array.isArray(ops)) {
    const what = ops === null ? 'null' : typeof ops === 'object' ? 'object' : typeof ops === 'string' ? 'string' : typeof ops === 'number' ? 'number' : 'bool';
    if (what === 'null') return clone(doc);
    throw badRequest(`json: cannot unmarshal ${what} into Go value of type jsonpatch.Patch`);
  }
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) throw tooManyOperations(MAX_JSON_PATCH_OPERATIONS, ops.length);
  const shadowed = ops.map((op: unknown) => {
    if (!isObject(op)) return op;
    const out = { ...op };
    if ('path' in out) out['path'] = shadowPointer(out['path']);
    if ('from' in out) out['from'] = shadowPointer(out['from']);
    if ('value' in out) out['value'] = shadowKeys(out['value'], false);
    return out;
  });
  try {
    return shadowKeys(jsonpatch.applyPatch(shadowKeys(doc, false), shadowed as Operation[], true, true, true).newDocument, true);
  } catch {
    // TEST_OPERATION_FAILED, OPERATION_PATH_UNRESOLVABLE, OPERATION_OP_INVALID, ...: all a 422.
    throw unprocessable();
  }
}
