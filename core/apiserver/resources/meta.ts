/** Validation of ObjectMeta shared by every resource (ValidateObjectMeta). */
import type { KubeObject } from '../../api/types';
import { type FieldErrors, dns1123Subdomain, labelKey, labelValue } from '../../api/validation';

/** Validates name, namespace presence, labels and annotations. */
export function validateObjectMeta(obj: KubeObject, namespaced: boolean, errs: FieldErrors, nameRule: (n: string) => string[] = dns1123Subdomain): void {
  const md = obj.metadata;
  if (!md.name) errs.required('metadata.name', 'name or generateName is required');
  else for (const m of nameRule(md.name)) errs.invalid('metadata.name', md.name, m);
  if (namespaced && !md.namespace) errs.required('metadata.namespace');
  if (!namespaced && md.namespace) errs.forbidden('metadata.namespace', 'not allowed on this type');
  for (const [k, v] of Object.entries(md.labels ?? {})) {
    for (const m of labelKey(k)) errs.invalid('metadata.labels', k, m);
    if (typeof v !== 'string') errs.invalid(`metadata.labels`, v, 'must be a string');
    else for (const m of labelValue(v)) errs.invalid('metadata.labels', v, m);
  }
  let total = 0;
  for (const [k, v] of Object.entries(md.annotations ?? {})) {
    for (const m of labelKey(k)) errs.invalid('metadata.annotations', k, m);
    total += k.length + String(v).length;
  }
  if (total > 256 * 1024) errs.causes.push({ reason: 'FieldValueTooLong', message: 'Too long: must have at most 262144 bytes', field: 'metadata.annotations' });
}
