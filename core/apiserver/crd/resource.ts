/**
 * The resources a CustomResourceDefinition serves: one ResourceDef per served version (all of
 * them stored together, in the storage version's place `/registry/GROUP/PLURAL/`; with the
 * `None` conversion only `apiVersion` differs between versions), each with the strategy of
 * apiextensions-apiserver's custom resource registry — pruning, defaulting and validation from
 * the version's schema, the `status` and `scale` subresources when declared, generation, the
 * printer columns, selectable fields, the warning of a deprecated version — and the OpenAPI
 * definitions of its kinds.
 */
import type { Definition } from '../../api/schema/dsl';
import type { CrdVersion, CustomResourceDefinition, KubeObject } from '../../api/types';
import { deepEqual } from '../patch/value';
import type { ResourceDef } from '../registry';
import { validateObjectMeta } from '../resources/meta';
import { applyDefaults, hasDefaults } from './default';
import { evaluateJsonPath, parseJsonPath } from './jsonpath';
import { customResourceDefinitions, definitionName } from './openapi';
import { customResourcePrinter } from './printer';
import { pruneObject, pruneValue } from './prune';
import { isJsonObject, type JSONSchemaProps } from './schema';
import { validateAgainstSchema } from './validate';

/** The verbs of a custom resource, in the order kube's discovery lists them. */
export const CUSTOM_RESOURCE_VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];

/** The message of a create refused while the CRD is being deleted. */
export const TERMINATING_CREATE = 'create not allowed while custom resource definition is terminating';

/** Whether a CRD condition is True. */
export function conditionTrue(crd: CustomResourceDefinition, type: string): boolean {
  return (crd.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** Whether the CRD's custom resources are served (its names are accepted, or it is established). */
export function isServed(crd: CustomResourceDefinition): boolean {
  return conditionTrue(crd, 'NamesAccepted') || conditionTrue(crd, 'Established');
}

function schemaOf(v: CrdVersion | undefined): JSONSchemaProps | undefined {
  const s = v?.schema?.openAPIV3Schema;
  return isJsonObject(s) ? (s as JSONSchemaProps) : undefined;
}

/** The value a selectable field's JSONPath finds, as the field selector compares it. */
function selectableValue(path: string, obj: KubeObject): string {
  try {
    const found = evaluateJsonPath(parseJsonPath(path), obj)[0];
    if (found === undefined || found === null) return '';
    return typeof found === 'object' ? JSON.stringify(found) : String(found);
  } catch {
    return '';
  }
}

/** The ResourceDef of one served version of a CRD. */
function versionDef(crd: CustomResourceDefinition, v: CrdVersion, storageSchema: JSONSchemaProps | undefined): ResourceDef {
  const spec = crd.spec;
  const names = { ...spec.names, ...(crd.status?.acceptedNames ?? {}) };
  const kind = names.kind || spec.names.kind;
  const namespaced = spec.scope === 'Namespaced';
  const schema = schemaOf(v);
  const apiVersion = `${spec.group}/${v.name}`;
  const hasStatus = v.subresources?.status !== undefined && v.subresources.status !== null;
  const scale = v.subresources?.scale;
  const statusSchema = schema?.properties?.['status'];
  const readDefaults = hasDefaults(storageSchema);
  const selectable = (v.selectableFields ?? []).map((f) => f.jsonPath);
  const validate = (obj: KubeObject): ReturnType<typeof validateAgainstSchema> => (schema ? validateAgainstSchema({ ...obj, apiVersion, kind }, schema) : []);
  const def: ResourceDef = {
    group: spec.group,
    version: v.name,
    resource: names.plural || spec.names.plural,
    singular: names.singular || kind.toLowerCase(),
    kind,
    namespaced,
    shortNames: [...(names.shortNames ?? [])],
    categories: [...(names.categories ?? [])],
    verbs: CUSTOM_RESOURCE_VERBS,
    subresources: [...(hasStatus ? ['status'] : []), ...(scale ? ['scale'] : [])],
    schemaName: definitionName(spec.group, v.name, kind),
    hasGeneration: true,
    custom: true,
    printer: customResourcePrinter(v.additionalPrinterColumns),
    defaults(obj) {
      pruneObject(obj as unknown as Record<string, unknown>, schema);
      applyDefaults(obj, schema);
    },
    validate(obj, errs, old) {
      validateObjectMeta(obj, namespaced, errs);
      let causes = validate(obj);
      // Validation ratcheting (CRDValidationRatcheting): an update may keep what was already invalid.
      if (old && causes.length > 0) {
        const before = new Set(validate(old).map((c) => `${c.field}\n${c.message}`));
        causes = causes.filter((c) => !before.has(`${c.field}\n${c.message}`));
      }
      errs.causes.push(...causes);
    },
    prepareForCreate(obj) {
      if (hasStatus) delete obj['status'];
    },
    prepareForUpdate(obj, old) {
      if (hasStatus) {
        if (old['status'] === undefined) delete obj['status'];
        else obj['status'] = old['status'];
      } else if (!deepEqual(obj['status'], old['status']) && obj.metadata.generation === old.metadata.generation) {
        // Without a status subresource the status is part of what the generation counts.
        obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
      }
    },
    prepareStatus(obj, _old, errs) {
      if (obj['status'] !== undefined) pruneValue(obj['status'], statusSchema, 'status');
      applyDefaults(obj, schema);
      errs.causes.push(...validate(obj));
    },
    fromStorage(obj) {
      if (readDefaults) applyDefaults(obj, storageSchema);
      return obj;
    },
  };
  if (scale) def.scale = { specReplicasPath: scale.specReplicasPath, statusReplicasPath: scale.statusReplicasPath, ...(scale.labelSelectorPath ? { labelSelectorPath: scale.labelSelectorPath } : {}) };
  if (selectable.length > 0) {
    def.selectableFields = (obj) => {
      const out: Record<string, string> = {};
      for (const p of selectable) out[p.replace(/^\./, '')] = selectableValue(p, obj);
      return out;
    };
  }
  if (conditionTrue(crd, 'Terminating')) def.createRefusal = TERMINATING_CREATE;
  if (v.deprecated) def.warning = `299 - ${JSON.stringify(v.deprecationWarning ?? `${spec.group}/${v.name} ${kind} is deprecated`)}`;
  return def;
}

/** What a CRD serves: its resources (one per served version) and the OpenAPI definitions of their kinds. */
export interface CustomResources {
  defs: ResourceDef[];
  definitions: Definition[];
}

/** The resources and definitions a CRD serves (none until its names are accepted). */
export function customResources(crd: CustomResourceDefinition): CustomResources {
  if (!isServed(crd) || !crd.spec?.group || !crd.spec.names?.plural) return { defs: [], definitions: [] };
  const versions = (crd.spec.versions ?? []).filter((v) => v?.served);
  const storageSchema = schemaOf((crd.spec.versions ?? []).find((v) => v?.storage));
  const defs = versions.map((v) => versionDef(crd, v, storageSchema));
  const definitions = defs.flatMap((d, i) =>
    customResourceDefinitions({ group: d.group, version: d.version, kind: d.kind, listKind: crd.status?.acceptedNames?.listKind || crd.spec.names.listKind || `${d.kind}List`, plural: d.resource, schema: schemaOf(versions[i]) }),
  );
  return { defs, definitions };
}
