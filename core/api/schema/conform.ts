/**
 * The decode step of a request body: kube-apiserver first decodes the JSON into the Go structs of
 * the kind, so a value of the wrong JSON type never reaches a strategy — it is a 400 (`Service in
 * version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field
 * Service.spec of type v1.ServiceSpec`), and after a JSON or merge patch a 422 with the same text.
 * `conform` walks a value with the schema as that decoder does and answers the value as Go would
 * write it back, or the first error as kube prints it:
 *
 * - nulls decode to Go zero values: a null field is left out, a null list item of structs is `{}`,
 *   a null map value of strings is `""`;
 * - unknown fields are dropped (their warnings and Strict errors come from `fields.ts`, before);
 * - numbers must fit their integer type; Quantity, IntOrString, Time and MicroTime go through their
 *   own unmarshalers (`quantities must match the regular expression ...`, `parsing time ...`);
 * - errors carry Go's wording: `json: cannot unmarshal <json type> into Go struct field
 *   <Struct>.<json path> of type <go type>` (encoding/json, the first such error wins but an
 *   unmarshaler's error ends the decode at once).
 *
 * Mode `unstructured` reads as `runtime.DefaultUnstructuredConverter` does after a strategic merge
 * patch: fields in Go order, the first error ends it, and its own wording (`cannot restore slice
 * from map`, `cannot convert int64 to v1.ServiceType`, `unrecognized type: string`).
 */
import type { Schema, SchemaRegistry } from './dsl';
import { goFieldType, isNullTime } from './goTypes';
import { parseGoTime } from './goTime';

/** Which decoder is emulated. */
export type DecodeMode = 'json' | 'unstructured';

/** Options of `conform`. */
export interface ConformOptions {
  /** `json` (request bodies, JSON and merge patch results; the default) or `unstructured` (strategic merge patch results). */
  mode?: DecodeMode;
  /**
   * Parses a quantity (resource.ParseQuantity): its canonical form, or the parser's error text. Without it
   * any string or number passes as a quantity.
   */
  quantity?: (text: string) => { value: string } | { error: string };
}

/** The decoded value, or the decoder's error text. */
export type Conformed = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** The regexp error of resource.ParseQuantity (ErrFormatWrong). */
export const QUANTITY_REGEXP_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const ABSENT = Symbol('absent');
type Out = unknown | typeof ABSENT;

/** An error that ends the decode at once (an unmarshaler's, or any in unstructured mode). */
class Abort {
  constructor(readonly message: string) {}
}

const INT_RANGE = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 63), 2 ** 63 - 1] } as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** The Go name of a definition: `io.k8s.api.core.v1.ServiceSpec` → `v1.ServiceSpec`. */
export function goDefinitionName(name: string): string {
  const parts = name.split('.');
  return `${parts[parts.length - 2] ?? ''}.${parts[parts.length - 1] ?? ''}`;
}

/** The Go type of a schema node, as reflect prints it (pointers dereferenced, as the decoder reports them). */
export function goTypeOfSchema(s: Schema): string {
  switch (s.kind) {
    case 'ref':
      return goDefinitionName(s.name);
    case 'string':
      return s.format === 'byte' ? '[]uint8' : s.goType === 'metav1.MicroTime' ? 'v1.MicroTime' : 'string';
    case 'integer':
      return s.format;
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'array':
      return `[]${goTypeOfSchema(s.items)}`;
    case 'map':
      return `map[string]${goTypeOfSchema(s.values)}`;
    case 'quantity':
      return 'resource.Quantity';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'time':
      return 'v1.Time';
    case 'any':
      return s.goType ? s.goType.replace(/^\w+v1\./, 'v1.') : 'interface {}';
    default:
      return 'struct {}';
  }
}

/** The element type of a slice or map type (`[]v1.IPFamily` → `v1.IPFamily`); `fallback` for named ones. */
function elementType(goType: string, fallback: string): string {
  if (goType.startsWith('[]')) return goType.slice(2);
  if (goType.startsWith('map[')) {
    let depth = 0;
    for (let i = 3; i < goType.length; i++) {
      if (goType[i] === '[') depth++;
      else if (goType[i] === ']' && --depth === 0) return goType.slice(i + 1);
    }
  }
  return fallback;
}

/** The JSON type of a value as encoding/json names it in errors. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'number' ? 'number' : 'string';
}

/** The reflect kind of a decoded (unstructured) value. */
function unstructuredKind(v: unknown): string {
  if (Array.isArray(v)) return 'slice';
  if (isObject(v)) return 'map';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isSafeInteger(v) ? 'int64' : 'float64';
  return 'string';
}

interface Frame {
  /** The Go struct the decoder is in (`ServicePort`). */
  struct: string;
  /** The JSON path from the root, without list indices or map keys (`spec.ports.port`). */
  fields: string[];
}

/** Decodes a body (or a patched object) of a built-in kind as kube-apiserver's decoder would. */
export function conform(registry: SchemaRegistry, definitionName: string, value: Record<string, unknown>, options: ConformOptions = {}): Conformed {
  const def = registry.get(definitionName);
  if (!def) return { ok: true, value };
  const decoder = new Decoder(registry, options);
  try {
    const out = decoder.walk({ kind: 'ref', name: definitionName }, value, { struct: '', fields: [] }, goDefinitionName(definitionName));
    if (decoder.saved !== undefined) return { ok: false, error: decoder.saved };
    return { ok: true, value: (out === ABSENT ? {} : out) as Record<string, unknown> };
  } catch (e) {
    if (e instanceof Abort) return { ok: false, error: e.message };
    throw e;
  }
}

class Decoder {
  saved: string | undefined;
  private readonly unstructured: boolean;

  constructor(
    private readonly registry: SchemaRegistry,
    private readonly options: ConformOptions,
  ) {
    this.unstructured = options.mode === 'unstructured';
  }

  /** encoding/json's UnmarshalTypeError, with the decoder's context. */
  private typeError(value: string, goType: string, at: Frame): string {
    if (at.struct || at.fields.length > 0) return `json: cannot unmarshal ${value} into Go struct field ${at.struct}.${at.fields.join('.')} of type ${goType}`;
    return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
  }

  /** A type error: saved (the first is reported, decoding goes on) or, unstructured, the end. */
  private mismatch(jsonMessage: string, unstructuredMessage: string): typeof ABSENT {
    if (this.unstructured) throw new Abort(unstructuredMessage);
    this.saved ??= jsonMessage;
    return ABSENT;
  }

  /** The zero value Go leaves for a null list item or map value. */
  private zero(s: Schema): unknown {
    const node = s.kind === 'ref' ? this.registry.get(s.name)?.schema : s;
    switch (node?.kind) {
      case 'object':
      case 'map':
        return {};
      case 'array':
        return [];
      case 'string':
        return '';
      case 'integer':
      case 'number':
      case 'intOrString':
        return 0;
      case 'boolean':
        return false;
      case 'quantity':
        return '0';
      default:
        return null;
    }
  }

  walk(schema: Schema, v: unknown, at: Frame, goType: string): Out {
    let s = schema;
    let structName = at.struct;
    let defName: string | undefined;
    if (s.kind === 'ref') {
      const target = this.registry.get(s.name);
      if (!target) return v === null ? ABSENT : v;
      defName = s.name;
      s = target.schema;
      if (s.kind === 'object') structName = defName.split('.').pop() ?? structName;
      if (s.kind === 'ref') return this.walk(s, v, at, goType);
    }
    if (v === null || v === undefined) return ABSENT;
    switch (s.kind) {
      case 'object':
        return this.struct(s.properties, v, at, structName, defName, goType, s.proto?.tags);
      case 'map': {
        if (!isObject(v)) return this.mismatch(this.typeError(jsonKind(v), goType, at), `cannot restore map from ${unstructuredKind(v)}`);
        const out: Record<string, unknown> = {};
        const elem = elementType(goType, goTypeOfSchema(s.values));
        for (const [k, x] of Object.entries(v)) {
          const r = x === null ? ABSENT : this.walk(s.values, x, at, elem);
          setKey(out, k, r === ABSENT ? this.zero(s.values) : r);
        }
        return out;
      }
      case 'array': {
        if (!Array.isArray(v)) return this.mismatch(this.typeError(jsonKind(v), goType, at), `cannot restore slice from ${unstructuredKind(v)}`);
        const elem = elementType(goType, goTypeOfSchema(s.items));
        return v.map((x) => {
          const r = x === null ? ABSENT : this.walk(s.items, x, at, elem);
          return r === ABSENT ? this.zero(s.items) : r;
        });
      }
      case 'string':
        if (s.goType === 'metav1.MicroTime') return this.time(v, at, true);
        if (typeof v === 'string') return v;
        if (s.format === 'byte') return this.mismatch(this.typeError(jsonKind(v), goType, at), `cannot restore slice from ${unstructuredKind(v)}`);
        return this.scalarMismatch(v, goType, 'string', at);
      case 'integer': {
        const [min, max] = INT_RANGE[s.format];
        if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
        if (this.unstructured && typeof v === 'number' && Number.isInteger(v)) return s.format === 'int32' ? v | 0 : v;
        if (typeof v === 'number') return this.mismatch(this.typeError(`number ${String(v)}`, goType, at), `cannot convert float64 to ${goType}`);
        return this.scalarMismatch(v, goType, s.format, at);
      }
      case 'number':
        return typeof v === 'number' ? v : this.scalarMismatch(v, goType, 'float64', at);
      case 'boolean':
        return typeof v === 'boolean' ? v : this.scalarMismatch(v, goType, 'bool', at);
      case 'quantity':
        return this.quantity(v);
      case 'intOrString':
        if (typeof v === 'string') return v;
        if (typeof v === 'number' && Number.isInteger(v) && v >= INT_RANGE.int32[0] && v <= INT_RANGE.int32[1]) return v;
        // IntOrString.UnmarshalJSON decodes a non-string into its int32.
        throw new Abort(this.unmarshalerTypeError(typeof v === 'number' ? `number ${String(v)}` : jsonKind(v), 'int32', at));
      case 'time':
        return this.time(v, at, false);
      default:
        return v;
    }
  }

  /** A scalar of the wrong type: `cannot unmarshal <json> ...`, or the converter's wording. */
  private scalarMismatch(v: unknown, goType: string, kind: string, at: Frame): typeof ABSENT {
    const u = unstructuredKind(v);
    const convertible = (u === 'int64' && kind === 'string') || (u === 'float64' && kind.startsWith('int'));
    return this.mismatch(this.typeError(jsonKind(v), goType, at), convertible ? `cannot convert ${u} to ${goType}` : `unrecognized type: ${kind}`);
  }

  /** An UnmarshalTypeError from inside an unmarshaler: kube's decoder adds its context, the converter none. */
  private unmarshalerTypeError(value: string, goType: string, at: Frame): string {
    return this.typeError(value, goType, this.unstructured ? { struct: '', fields: [] } : at);
  }

  private struct(properties: Record<string, Schema>, v: unknown, at: Frame, structName: string, defName: string | undefined, goType: string, tags: Record<string, number | readonly number[]> | undefined): Out {
    if (!isObject(v)) return this.mismatch(this.typeError(jsonKind(v), goType, at), `cannot restore struct from: ${unstructuredKind(v)}`);
    // The converter visits fields in Go order (which error comes first); the value keeps the body's order.
    const keys = this.unstructured ? goOrder(properties, tags).filter((k) => Object.hasOwn(v, k)) : Object.keys(v);
    const decoded = new Map<string, unknown>();
    for (const k of keys) {
      if (!Object.hasOwn(properties, k)) continue;
      const prop = properties[k] as Schema;
      // A zero Time that is not a pointer is written as null.
      if (v[k] === null && defName && isNullTime(defName, k)) {
        decoded.set(k, null);
        continue;
      }
      const frame = { struct: structName, fields: [...at.fields, k] };
      const r = this.walk(prop, v[k], frame, (defName && goFieldType(defName, k)) ?? goTypeOfSchema(prop));
      if (r !== ABSENT) decoded.set(k, r);
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) if (decoded.has(k)) setKey(out, k, decoded.get(k));
    return out;
  }

  private quantity(v: unknown): Out {
    const text = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
    if (text === undefined) throw new Abort(QUANTITY_REGEXP_ERROR);
    const parse = this.options.quantity;
    if (!parse) return v;
    const r = parse(text);
    if ('error' in r) throw new Abort(r.error);
    // Go writes every quantity back canonically; KubeLab keeps strings as given, and canonicalizes numbers.
    return typeof v === 'number' ? r.value : v;
  }

  private time(v: unknown, at: Frame, micro: boolean): Out {
    if (typeof v !== 'string') throw new Abort(this.unmarshalerTypeError(jsonKind(v), 'string', at));
    const r = parseGoTime(v, micro);
    if (!r.ok) throw new Abort(r.error);
    return r.value;
  }
}

/** The JSON names of a struct's fields in Go order: type meta first, then by protobuf tag. */
function goOrder(properties: Record<string, Schema>, tags: Record<string, number | readonly number[]> | undefined): string[] {
  const tagOf = (k: string): readonly number[] => {
    const t = tags?.[k];
    if (t === undefined) return k === 'kind' ? [-2] : k === 'apiVersion' ? [-1] : [Number.MAX_SAFE_INTEGER];
    return typeof t === 'number' ? [t] : t;
  };
  const cmp = (a: readonly number[], b: readonly number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) - (b[i] ?? -1);
    return 0;
  };
  return Object.keys(properties).sort((a, b) => cmp(tagOf(a), tagOf(b)));
}
