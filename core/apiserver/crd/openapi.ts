/**
 * The OpenAPI definitions of a CRD version's kinds, in the schema DSL (core/api/schema), as
 * kube-apiserver's CRD OpenAPI builder publishes them: the kind `com.example.stable.v1.CronTab`
 * (the version's `openAPIV3Schema` with `apiVersion`, `kind` and `metadata` added) and its list
 * kind `com.example.stable.v1.CronTabList`. From them come `/openapi/v2` and `/openapi/v3` (so
 * `kubectl explain crontab.spec` works), unknown-field detection and the server-side apply types.
 */
import { any, arr, bool, def, gvk, int32, int64, intOrString, map, num, obj, ref, str, type Definition, type Schema } from '../../api/schema/dsl';
import { API_VERSION, KIND } from '../../api/schema/meta-v1';
import { additionalSchema, itemSchema, type JSONSchemaProps } from './schema';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';
const METADATA_DESCRIPTION = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
const LIST_METADATA_DESCRIPTION = 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';

/** `stable.example.com` + `v1` + `CronTab` → `com.example.stable.v1.CronTab` (util.ToRESTFriendlyName). */
export function definitionName(group: string, version: string, kind: string): string {
  return `${group.split('.').reverse().join('.')}.${version}.${kind}`;
}

function listTypeOf(s: JSONSchemaProps): 'atomic' | 'set' | 'map' | undefined {
  const t = s['x-kubernetes-list-type'];
  return t === 'atomic' || t === 'set' || t === 'map' ? t : undefined;
}

/** One schema node in the DSL. */
export function toDsl(s: JSONSchemaProps | undefined, depth = 0): Schema {
  if (!s || depth > 64) return any();
  const description = s.description;
  if (s['x-kubernetes-int-or-string']) return intOrString(description);
  if (s['x-kubernetes-embedded-resource']) return embedded(s, depth);
  switch (s.type) {
    case 'object': {
      if (s['x-kubernetes-preserve-unknown-fields'] || s.additionalProperties === true) return any(description, { object: true });
      const values = additionalSchema(s);
      if (values && !s.properties) return map(toDsl(values, depth + 1), description, mapTypeOf(s));
      return obj(properties(s, depth), { ...(description ? { description } : {}), ...(s.required?.length ? { required: [...s.required] } : {}), ...mapTypeOf(s) });
    }
    case 'array': {
      const listType = listTypeOf(s);
      const keys = s['x-kubernetes-list-map-keys'];
      return arr(toDsl(itemSchema(s), depth + 1), { ...(description ? { description } : {}), ...(listType ? { listType } : {}), ...(keys?.length ? { listMapKeys: [...keys] } : {}) });
    }
    case 'string': {
      const enumValues = (s.enum ?? []).filter((e): e is string => typeof e === 'string');
      return str(description, { ...(s.format ? { format: s.format } : {}), ...(enumValues.length ? { enum: enumValues } : {}) });
    }
    case 'integer':
      return s.format === 'int32' ? int32(description) : int64(description);
    case 'number':
      return num(description);
    case 'boolean':
      return bool(description);
    default:
      return any(description);
  }
}

function mapTypeOf(s: JSONSchemaProps): { mapType?: 'atomic' | 'granular' } {
  const t = s['x-kubernetes-map-type'];
  return t === 'atomic' || t === 'granular' ? { mapType: t } : {};
}

function properties(s: JSONSchemaProps, depth: number): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = toDsl(v, depth + 1);
  return out;
}

/** An object that is a Kubernetes object (root or `x-kubernetes-embedded-resource`): apiVersion, kind and metadata added. */
function embedded(s: JSONSchemaProps, depth: number): Schema {
  if (s['x-kubernetes-preserve-unknown-fields']) return any(s.description, { object: true });
  const props = properties(s, depth);
  props['apiVersion'] = API_VERSION;
  props['kind'] = KIND;
  props['metadata'] = ref(OBJECT_META, METADATA_DESCRIPTION);
  return obj(props, { ...(s.description ? { description: s.description } : {}), ...(s.required?.length ? { required: [...s.required] } : {}) });
}

/** What the definitions of a served version are built from. */
export interface CustomKind {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  schema: JSONSchemaProps | undefined;
}

/** The kind and list-kind definitions of one served version of a CRD. */
export function customResourceDefinitions(k: CustomKind): Definition[] {
  const name = definitionName(k.group, k.version, k.kind);
  const root: JSONSchemaProps = { type: 'object', ...(k.schema ?? {}), 'x-kubernetes-embedded-resource': true };
  const kindSchema = embedded(root, 0);
  const list = obj(
    {
      apiVersion: API_VERSION,
      items: arr(ref(name), { description: `List of ${k.plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md` }),
      kind: KIND,
      metadata: ref(LIST_META, LIST_METADATA_DESCRIPTION),
    },
    { description: `${k.listKind} is a list of ${k.kind}`, required: ['items'] },
  );
  return [def(name, kindSchema, [gvk(k.group, k.version, k.kind)]), def(definitionName(k.group, k.version, k.listKind), list, [gvk(k.group, k.version, k.listKind)])];
}
