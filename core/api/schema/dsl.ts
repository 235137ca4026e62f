/**
 * The one source of truth for the shape of every API type: a small schema language from which
 * the OpenAPI v2/v3 documents (for kubectl's validation and `explain`), unknown-field detection
 * (`fieldValidation`), the strategic-merge-patch metadata (merge keys and strategies) and the
 * Kubernetes protobuf codec (`core/api/protobuf`, from each object's `proto` field numbers) are
 * all derived. Definitions follow k8s.io/api field for field, with their descriptions.
 */

/** How a list merges in a strategic merge patch (`patchStrategy` in k8s.io/api). */
export type PatchStrategy = 'merge' | 'replace' | 'merge,retainKeys' | 'retainKeys';

/** How server-side apply treats a map or struct (`x-kubernetes-map-type`). */
export type MapType = 'atomic' | 'granular';

/** A group/version/kind a top-level definition is served as. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/**
 * Go types whose JSON and protobuf forms are their own (custom marshalling) and cannot be told
 * from the node's kind: `metav1.MicroTime` is a string in JSON but a `{seconds, nanos}` message
 * in protobuf; the `any` ones carry raw JSON bytes or a choice between two messages. (Time,
 * Quantity and IntOrString are kinds of their own.)
 */
export type GoType =
  | 'metav1.MicroTime'
  | 'metav1.FieldsV1'
  | 'runtime.RawExtension'
  | 'apiextensionsv1.JSON'
  | 'apiextensionsv1.JSONSchemaPropsOrArray'
  | 'apiextensionsv1.JSONSchemaPropsOrBool'
  | 'apiextensionsv1.JSONSchemaPropsOrStringArray';

/**
 * Where an object's properties travel in its Kubernetes protobuf form (the messages of
 * k8s.io/api's `generated.proto`, 1.32), and which of them Go leaves out of JSON when zero.
 */
export interface ProtoFields {
  /**
   * The field number of each property. A path (`[2, 1]`: field 1 of the message in field 2) for
   * a property of a Go struct embedded with `json:",inline"` (Volume's VolumeSource, Probe's
   * ProbeHandler, the LocalObjectReference of key selectors). Untagged properties (apiVersion,
   * kind) are not in the message: `runtime.Unknown` carries them.
   */
  tags: Record<string, number | readonly number[]>;
  /**
   * The scalar properties whose Go field is not a pointer and has `omitempty`: Go always writes
   * them to the wire, and leaves them out of JSON when zero (`""`, `0`, `false`).
   */
  omitEmpty?: readonly string[];
}

interface Common {
  description?: string;
  /** The Go type, where its wire forms are its own (see `GoType`). */
  goType?: GoType;
}

/** A schema node. */
export type Schema =
  /** `enum`: the values of a `+enum` string type (kubectl explain prints them). */
  | (Common & { kind: 'string'; format?: string; enum?: string[] })
  | (Common & { kind: 'integer'; format: 'int32' | 'int64' })
  | (Common & { kind: 'number'; format?: 'double' })
  | (Common & { kind: 'boolean' })
  /** `proto`: the protobuf field numbers of the properties. */
  | (Common & { kind: 'object'; properties: Record<string, Schema>; required?: string[]; patchStrategy?: PatchStrategy; mapType?: MapType; proto?: ProtoFields })
  | (Common & { kind: 'array'; items: Schema; patchStrategy?: PatchStrategy; patchMergeKey?: string; listType?: 'atomic' | 'set' | 'map'; listMapKeys?: string[] })
  | (Common & { kind: 'map'; values: Schema; mapType?: MapType })
  /** A field of a named type; a field may carry its own patch strategy or map type. */
  | (Common & { kind: 'ref'; name: string; patchStrategy?: PatchStrategy; mapType?: MapType })
  /** resource.Quantity: a string or a number, `500m`, `128Mi`. */
  | (Common & { kind: 'quantity' })
  /** intstr.IntOrString. */
  | (Common & { kind: 'intOrString' })
  /** metav1.Time: an RFC 3339 string. */
  | (Common & { kind: 'time' })
  /** Any JSON (runtime.RawExtension, JSON fields of CRDs); `type: 'object'` when published as an object. */
  | (Common & { kind: 'any'; type?: 'object' });

/** A string. */
export const str = (description?: string, extra: { format?: string; enum?: string[]; goType?: GoType } = {}): Schema => ({ kind: 'string', ...(description ? { description } : {}), ...extra });
/** A 32-bit integer. */
export const int32 = (description?: string): Schema => ({ kind: 'integer', format: 'int32', ...(description ? { description } : {}) });
/** A 64-bit integer. */
export const int64 = (description?: string): Schema => ({ kind: 'integer', format: 'int64', ...(description ? { description } : {}) });
/** A float. */
export const num = (description?: string): Schema => ({ kind: 'number', format: 'double', ...(description ? { description } : {}) });
/** A boolean. */
export const bool = (description?: string): Schema => ({ kind: 'boolean', ...(description ? { description } : {}) });
/** A timestamp. */
export const time = (description?: string): Schema => ({ kind: 'time', ...(description ? { description } : {}) });
/** A quantity. */
export const quantity = (description?: string): Schema => ({ kind: 'quantity', ...(description ? { description } : {}) });
/** An int-or-string. */
export const intOrString = (description?: string): Schema => ({ kind: 'intOrString', ...(description ? { description } : {}) });
/** Any JSON; `{ object: true }` when it is published as `type: object` (RawExtension, FieldsV1); `goType` for its wire forms. */
export const any = (description?: string, options: { object?: boolean; goType?: GoType } = {}): Schema => ({
  kind: 'any',
  ...(description ? { description } : {}),
  ...(options.object ? { type: 'object' as const } : {}),
  ...(options.goType ? { goType: options.goType } : {}),
});
/** A reference to a named definition. */
export const ref = (name: string, description?: string, options: { patchStrategy?: PatchStrategy; mapType?: MapType } = {}): Schema => ({
  kind: 'ref',
  name,
  ...(description ? { description } : {}),
  ...(options.patchStrategy ? { patchStrategy: options.patchStrategy } : {}),
  ...(options.mapType ? { mapType: options.mapType } : {}),
});
/** A map of string keys to values (`additionalProperties`). */
export const map = (values: Schema, description?: string, options: { mapType?: MapType } = {}): Schema => ({ kind: 'map', values, ...(description ? { description } : {}), ...(options.mapType ? { mapType: options.mapType } : {}) });
/** A map of strings (labels, annotations, nodeSelector, data). */
export const stringMap = (description?: string, options: { mapType?: MapType } = {}): Schema => map(str(), description, options);

/** An object with properties. */
export function obj(properties: Record<string, Schema>, options: { description?: string; required?: string[]; patchStrategy?: PatchStrategy; mapType?: MapType; proto?: ProtoFields } = {}): Schema {
  const s: Schema = { kind: 'object', properties };
  if (options.description) s.description = options.description;
  if (options.required?.length) s.required = options.required;
  if (options.patchStrategy) s.patchStrategy = options.patchStrategy;
  if (options.mapType) s.mapType = options.mapType;
  if (options.proto) s.proto = options.proto;
  return s;
}

/** An array; `mergeKey` makes it a strategic-merge list keyed by that field. */
export function arr(items: Schema, options: { description?: string; mergeKey?: string; strategy?: PatchStrategy; listType?: 'atomic' | 'set' | 'map'; listMapKeys?: string[] } = {}): Schema {
  const s: Schema = { kind: 'array', items };
  if (options.description) s.description = options.description;
  if (options.mergeKey) {
    s.patchMergeKey = options.mergeKey;
    s.patchStrategy = options.strategy ?? 'merge';
  } else if (options.strategy) s.patchStrategy = options.strategy;
  if (options.listType) s.listType = options.listType;
  if (options.listMapKeys) s.listMapKeys = options.listMapKeys;
  return s;
}

/** A named definition: `io.k8s.api.core.v1.PodSpec` and its schema. */
export interface Definition {
  /** The OpenAPI name, e.g. `io.k8s.api.core.v1.Pod`. */
  name: string;
  schema: Schema;
  /** For top-level kinds: the group/version/kind they are served as. */
  gvk?: GroupVersionKind[];
}

/** A named definition; `gvk` for the kinds served at the top level. */
export function def(name: string, schema: Schema, gvk?: GroupVersionKind[]): Definition {
  return gvk?.length ? { name, schema, gvk } : { name, schema };
}

/** One group/version/kind entry (`gvk('apps', 'v1', 'Deployment')`). */
export function gvk(group: string, version: string, kind: string): GroupVersionKind {
  return { group, version, kind };
}

/** The set of named definitions, looked up by OpenAPI name. */
export class SchemaRegistry {
  private readonly defs = new Map<string, Definition>();

  /** Adds definitions (later ones replace earlier ones of the same name). */
  add(...defs: Definition[]): void {
    for (const d of defs) this.defs.set(d.name, d);
  }

  /** A definition by name. */
  get(name: string): Definition | undefined {
    return this.defs.get(name);
  }

  /** Every definition, sorted by name. */
  all(): Definition[] {
    return [...this.defs.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The definition served as group/version/kind. */
  forKind(group: string, version: string, kind: string): Definition | undefined {
    for (const d of this.defs.values()) if (d.gvk?.some((g) => g.group === group && g.version === version && g.kind === kind)) return d;
    return undefined;
  }

  /** Follows refs until a non-ref schema. */
  resolve(s: Schema): Schema {
    let cur = s;
    for (let i = 0; i < 32 && cur.kind === 'ref'; i++) {
      const d = this.defs.get(cur.name);
      if (!d) throw new Error(`unknown schema definition ${cur.name}`);
      cur = d.schema;
    }
    return cur;
  }
}
