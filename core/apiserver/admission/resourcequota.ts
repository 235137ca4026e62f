/**
 * The ResourceQuota admission plugin (k8s.io/apiserver admission/plugin/resourcequota): the last
 * validating plugin. For a create (or an update that changes usage) in a namespace with quotas,
 * it checks the object's usage against every quota it falls in — refusing with
 * `exceeded quota: compute-quota, requested: pods=1, used: pods=2, limited: pods=2`,
 * `failed quota: compute-quota: must specify limits.cpu for: nginx` or
 * `status unknown for quota: q, resources: pods` — then charges the new usage to each quota's
 * `status.used` before the object is stored, as kube-apiserver does, so that concurrent creates
 * cannot overrun a quota. The resource quota controller recounts from the objects afterwards.
 */
import type { KubeObject, ResourceQuota } from '../../api/types';
import { StoreError } from '../../storage/store';
import { Registry } from '../registry';
import { resourcequotas } from '../resources/quota';
import { compareQuantities, type Quantity } from '../resources/quantity';
import { addLists, formatList, mask, parseList, prettyPrint, removeZeros, subtractNonNegative, type ResourceList } from './quantities';
import { evaluatorFor } from './quota/evaluators';
import { admissionForbidden, listStored, type AdmissionAttributes, type AdmissionContext, type AdmissionPlugin } from './types';

/** quota.LessThanOrEqual: the names whose usage exceeds the hard limit. */
function exceeded(used: ResourceList, hard: ResourceList): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(used)) {
    const h = hard[k];
    if (h && compareQuantities(v, h) > 0) out.push(k);
  }
  return out;
}

function checkAndCharge(a: AdmissionAttributes, ctx: AdmissionContext): void {
  const evaluator = evaluatorFor(a.def.group, a.def.resource);
  if (!evaluator.handles(a.operation)) return;
  const quotas = listStored<ResourceQuota>(ctx, resourcequotas, a.namespace);
  if (quotas.length === 0) return;
  const obj = a.object;
  const interesting: ResourceQuota[] = [];
  for (const q of quotas) {
    const hardNames = Object.keys(q.status?.hard ?? {});
    const restricted = evaluator.matchingResources(hardNames);
    if (restricted.length === 0 || !evaluator.matchesScopes(q, obj)) continue;
    const why = evaluator.constraints(restricted, obj);
    if (why) throw admissionForbidden(a, `failed quota: ${q.metadata.name ?? ''}: ${why}`);
    const missing = restricted.filter((r) => q.status?.used?.[r] === undefined);
    if (missing.length > 0) throw admissionForbidden(a, `status unknown for quota: ${q.metadata.name ?? ''}, resources: ${[...restricted].sort().join(',')}`);
    interesting.push(q);
  }
  if (interesting.length === 0) return;
  let delta = evaluator.usage(obj, ctx.now());
  if (a.operation === 'UPDATE' && a.oldObject) delta = subtractNonNegative(delta, evaluator.usage(a.oldObject, ctx.now()));
  delta = removeZeros(delta);
  if (Object.keys(delta).length === 0) return;
  const charges: { quota: ResourceQuota; used: ResourceList }[] = [];
  for (const q of interesting) {
    const hard = parseList(q.status?.hard);
    const used = parseList(q.status?.used);
    const requested = mask(delta, Object.keys(hard));
    if (Object.keys(requested).length === 0) continue;
    const next = addLists(used, requested);
    const over = exceeded(mask(next, Object.keys(requested)), hard);
    if (over.length > 0) {
      throw admissionForbidden(a, `exceeded quota: ${q.metadata.name ?? ''}, requested: ${prettyPrint(mask(requested, over))}, used: ${prettyPrint(mask(used, over))}, limited: ${prettyPrint(mask(hard, over))}`);
    }
    charges.push({ quota: q, used: next });
  }
  if (a.dryRun) return;
  // A create of a name that exists, or an update of a stale version, fails anyway: charge nothing for it.
  if (a.operation === 'CREATE' && obj.metadata.name && ctx.store.get(Registry.key(a.def, a.namespace, obj.metadata.name))) return;
  if (a.operation === 'UPDATE' && obj.metadata.resourceVersion && obj.metadata.resourceVersion !== a.oldObject?.metadata.resourceVersion) return;
  for (const { quota, used } of charges) {
    const updated: KubeObject = { ...quota, status: { ...(quota.status ?? {}), used: { ...(quota.status?.used ?? {}), ...formatList(used as Record<string, Quantity>) } } };
    try {
      ctx.store.update(Registry.key(resourcequotas, quota.metadata.namespace, quota.metadata.name ?? ''), updated, quota.metadata.resourceVersion);
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
    }
  }
}

/** The ResourceQuota plugin. */
export const resourceQuotaAdmission: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(a, ctx) {
    if (a.subresource !== '' || a.namespace === '' || !a.def.namespaced) return;
    checkAndCharge(a, ctx);
  },
};
