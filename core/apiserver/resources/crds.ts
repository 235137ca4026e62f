/**
 * apiextensions.k8s.io/v1 customresourcedefinitions (the definitions themselves; the custom
 * resources they declare are served by crd/): defaults, ValidateCustomResourceDefinition (names,
 * group, scope, versions, structural schemas, the approval annotation of protected groups),
 * stored versions, generation, status.
 */
import type { CrdNames, CrdVersion, CustomResourceDefinition, KubeObject } from '../../api/types';
import { type FieldErrors, dns1123Subdomain } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { defaultPrinter } from '../table';
import { clone, dns1035Label, goQuote, immutable, invalidRaw } from './fields';
import { validateObjectMeta } from './meta';
import { isProtectedGroup, validateStructural } from '../crd/structural';
import { keepStatus } from './workload';

/** SetDefaults_CustomResourceDefinition: singular, listKind, conversion None, storedVersions. */
export function crdDefaults(obj: KubeObject): void {
  const crd = obj as CustomResourceDefinition;
  const spec = (crd.spec ??= { group: '', names: { plural: '', kind: '' }, scope: '', versions: [] });
  const names = (spec.names ??= { plural: '', kind: '' });
  if (!names.singular && names.kind) names.singular = names.kind.toLowerCase();
  if (!names.listKind && names.kind) names.listKind = `${names.kind}List`;
  spec.conversion ??= { strategy: 'None' };
  const status = (crd.status ??= {});
  if (!status.storedVersions || status.storedVersions.length === 0) {
    const storage = (spec.versions ?? []).find((v) => v?.storage);
    if (storage) status.storedVersions = [storage.name];
  }
}

function goVersions(versions: CrdVersion[] | undefined): string {
  return `[]apiextensions.CustomResourceDefinitionVersion{${(versions ?? []).map((v) => `apiextensions.CustomResourceDefinitionVersion{Name:${goQuote(v?.name ?? '')}, Served:${!!v?.served}, Storage:${!!v?.storage}, ...}`).join(', ')}}`;
}

function validateNames(errs: FieldErrors, path: string, names: Partial<CrdNames>): void {
  const check = (field: string, value: string | undefined, lower: boolean) => {
    if (!value) return;
    const e = dns1035Label(lower ? value.toLowerCase() : value);
    if (e.length > 0) errs.invalid(`${path}.${field}`, value, lower ? `may have mixed case, but should otherwise match: ${e.join(',')}` : e.join(','));
  };
  check('plural', names.plural, false);
  check('singular', names.singular, false);
  check('kind', names.kind, true);
  check('listKind', names.listKind, true);
  (names.shortNames ?? []).forEach((s, i) => {
    const e = dns1035Label(s);
    if (e.length > 0) errs.invalid(`${path}.shortNames[${i}]`, s, e.join(','));
  });
  if (names.kind && names.kind === names.listKind) errs.invalid(`${path}.listKind`, names.listKind, 'kind and listKind may not be the same');
  (names.categories ?? []).forEach((c, i) => {
    const e = dns1035Label(c);
    if (e.length > 0) errs.invalid(`${path}.categories[${i}]`, c, e.join(','));
  });
}

/** ValidateCustomResourceDefinition and, on update, the immutable group and plural. */
export function validateCRD(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  const crd = obj as CustomResourceDefinition;
  const spec = crd.spec ?? ({} as CustomResourceDefinition['spec']);
  const required = `${spec.names?.plural ?? ''}.${spec.group ?? ''}`;
  validateObjectMeta(obj, false, errs, (name) => [...dns1123Subdomain(name), ...(name !== required ? ['must be spec.names.plural+"."+spec.group'] : [])]);
  if (!spec.group) errs.required('spec.group');
  else if (dns1123Subdomain(spec.group).length > 0) errs.invalid('spec.group', spec.group, dns1123Subdomain(spec.group).join(','));
  else if (spec.group.split('.').length < 2) errs.invalid('spec.group', spec.group, 'should be a domain with at least one dot');
  const approval = obj.metadata.annotations?.['api-approved.kubernetes.io'];
  if (spec.group && isProtectedGroup(spec.group) && !approval) {
    errs.required('metadata.annotations[api-approved.kubernetes.io]', 'protected groups must have approval annotation "api-approved.kubernetes.io", see https://github.com/kubernetes/enhancements/pull/1111');
  }
  if (!spec.scope) errs.required('spec.scope');
  else if (spec.scope !== 'Cluster' && spec.scope !== 'Namespaced') errs.notSupported('spec.scope', spec.scope, ['Cluster', 'Namespaced']);
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  const seen = new Set<string>();
  let unique = true;
  versions.forEach((v, i) => {
    if (seen.has(v?.name)) unique = false;
    seen.add(v?.name);
    const e = dns1035Label(v?.name ?? '');
    if (e.length > 0) errs.invalid(`spec.versions[${i}].name`, v?.name ?? '', e.join(','));
    if (!v?.schema?.openAPIV3Schema) errs.required(`spec.versions[${i}].schema.openAPIV3Schema`, 'schemas are required');
    else validateStructural(v.schema.openAPIV3Schema, `spec.versions[${i}].schema.openAPIV3Schema`, errs);
    (v?.additionalPrinterColumns ?? []).forEach((c, j) => {
      const p = `spec.versions[${i}].additionalPrinterColumns[${j}]`;
      if (!c?.name) errs.required(`${p}.name`);
      if (!c?.type) errs.required(`${p}.type`);
      else if (!['integer', 'number', 'string', 'boolean', 'date'].includes(c.type)) errs.notSupported(`${p}.type`, c.type, ['boolean', 'date', 'integer', 'number', 'string']);
      if (!c?.jsonPath) errs.required(`${p}.JSONPath`);
    });
  });
  if (!unique) invalidRaw(errs, 'spec.versions', goVersions(versions), 'must contain unique version names');
  if (versions.filter((v) => v?.storage).length !== 1) invalidRaw(errs, 'spec.versions', goVersions(versions), 'must have exactly one version marked as storage version');
  const names = spec.names ?? ({} as CrdNames);
  for (const f of ['plural', 'singular', 'kind', 'listKind'] as const) if (!names[f]) errs.required(`spec.names.${f}`);
  validateNames(errs, 'spec.names', names);
  const strategy = spec.conversion?.strategy;
  if (!strategy) errs.required('spec.conversion.strategy');
  else if (strategy !== 'None' && strategy !== 'Webhook') errs.notSupported('spec.conversion.strategy', strategy, ['None', 'Webhook']);
  validateNames(errs, 'status.acceptedNames', crd.status?.acceptedNames ?? {});
  const stored = crd.status?.storedVersions ?? [];
  if (stored.length === 0) invalidRaw(errs, 'status.storedVersions', '[]string(nil)', 'must have at least one stored version');
  else {
    for (const v of versions) if (v?.storage && !stored.includes(v.name)) invalidRaw(errs, 'status.storedVersions', `[]string{${stored.map(goQuote).join(', ')}}`, `must have the storage version ${v.name}`);
    stored.forEach((s, i) => {
      if (!versions.some((v) => v?.name === s)) errs.invalid(`status.storedVersions[${i}]`, s, `missing from spec.versions; ${s} was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in ${s} and removes ${s} from status.storedVersions`);
    });
  }
  if (old) {
    const o = (old as CustomResourceDefinition).spec;
    const established = ((old as CustomResourceDefinition).status?.conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True');
    if (established) {
      immutable(errs, 'spec.scope', spec.scope, o?.scope);
      immutable(errs, 'spec.names.kind', names.kind, o?.names?.kind);
    }
    immutable(errs, 'spec.group', spec.group, o?.group);
    immutable(errs, 'spec.names.plural', names.plural, o?.names?.plural);
  }
}

function addStorageVersion(crd: CustomResourceDefinition): void {
  const storage = (crd.spec?.versions ?? []).find((v) => v?.storage);
  const status = (crd.status ??= {});
  const stored = (status.storedVersions ??= []);
  if (storage && !stored.includes(storage.name)) stored.push(storage.name);
}

/** apiextensions.k8s.io/v1 customresourcedefinitions (printed by the default Name / Created At printer). */
export const customresourcedefinitions: ResourceDef = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  resource: 'customresourcedefinitions',
  singular: 'customresourcedefinition',
  kind: 'CustomResourceDefinition',
  namespaced: false,
  shortNames: ['crd', 'crds'],
  categories: ['api-extensions'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['status'],
  schemaName: 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition',
  hasGeneration: true,
  printer: defaultPrinter,
  defaults: crdDefaults,
  validate: validateCRD,
  prepareForCreate(obj) {
    const crd = obj as CustomResourceDefinition;
    crd.status = { acceptedNames: { plural: '', kind: '' }, storedVersions: [] };
    crd.metadata.generation = 1;
    addStorageVersion(crd);
  },
  prepareForUpdate(obj, old) {
    keepStatus(obj, old);
    const crd = obj as CustomResourceDefinition;
    crd.status = clone(crd.status ?? {});
    addStorageVersion(crd);
  },
};
