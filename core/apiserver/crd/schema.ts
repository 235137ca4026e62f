/**
 * The `openAPIV3Schema` of a CustomResourceDefinition version, as the custom resource handlers
 * read it (apiextensions-apiserver's JSONSchemaProps and its structural form): the types, the
 * value validations, `default`, `nullable` and the Kubernetes extensions.
 */

/** apiextensions.k8s.io/v1 JSONSchemaProps (the fields KubeLab acts on). */
export interface JSONSchemaProps {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, JSONSchemaProps>;
  required?: string[];
  items?: JSONSchemaProps | JSONSchemaProps[];
  additionalProperties?: JSONSchemaProps | boolean;
  enum?: unknown[];
  default?: unknown;
  nullable?: boolean;
  maximum?: number;
  minimum?: number;
  exclusiveMaximum?: boolean;
  exclusiveMinimum?: boolean;
  multipleOf?: number;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  maxItems?: number;
  minItems?: number;
  uniqueItems?: boolean;
  maxProperties?: number;
  minProperties?: number;
  allOf?: JSONSchemaProps[];
  anyOf?: JSONSchemaProps[];
  oneOf?: JSONSchemaProps[];
  not?: JSONSchemaProps;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
}

/** A JSON object. */
export type Json = Record<string, unknown>;

/** Whether a value is a JSON object (not an array, not null). */
export function isJsonObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The single item schema of an array schema (the first of a tuple, as kube's structural schemas have one). */
export function itemSchema(s: JSONSchemaProps): JSONSchemaProps | undefined {
  return Array.isArray(s.items) ? s.items[0] : s.items;
}

/** The schema of the values of a map (`additionalProperties` as a schema), if any. */
export function additionalSchema(s: JSONSchemaProps): JSONSchemaProps | undefined {
  return isJsonObject(s.additionalProperties) ? (s.additionalProperties as JSONSchemaProps) : undefined;
}

/** Whether unknown fields are kept under this node (`x-kubernetes-preserve-unknown-fields`). */
export function preservesUnknown(s: JSONSchemaProps): boolean {
  return s['x-kubernetes-preserve-unknown-fields'] === true || s.additionalProperties === true;
}

/** The schema of a CRD version (undefined when the version or its schema is missing). */
export function versionSchema(crd: { spec?: { versions?: { name: string; schema?: { openAPIV3Schema?: unknown } }[] } }, version: string): JSONSchemaProps | undefined {
  const v = (crd.spec?.versions ?? []).find((x) => x?.name === version);
  const s = v?.schema?.openAPIV3Schema;
  return isJsonObject(s) ? (s as JSONSchemaProps) : undefined;
}

/** The fields of ObjectMeta, which pruning keeps in `metadata` (everything else is dropped). */
export const OBJECT_META_FIELDS = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

/** The JSON type name of a value, as kube-openapi names it in its messages (`integer` for whole numbers). */
export function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'object') return 'object';
  return typeof v;
}
