/**
 * The LimitRanger admission plugin (plugin/pkg/admission/limitranger): on pod creation it
 * fills each container's missing requests and limits from the namespace's LimitRanges (and
 * says so in the `kubernetes.io/limit-ranger` annotation), then enforces the Container and Pod
 * min / max / maxLimitRequestRatio and the PersistentVolumeClaim storage bounds, refusing with
 * kube's messages (`maximum cpu usage per Container is 1, but limit is 2`).
 */
import type { Container, KubeObject, LimitRange, LimitRangeItem, PersistentVolumeClaim, Pod } from '../../api/types';
import { limitranges } from '../resources/quota';
import { compareQuantities, formatQuantity, parseQuantity, quantityValue, type Quantity } from '../resources/quantity';
import { aggregate } from '../auth/rbac';
import { parseList, podResources, type ResourceList } from './quantities';
import { admissionForbidden, listStored, type AdmissionAttributes, type AdmissionContext, type AdmissionPlugin } from './types';

const ANNOTATION = 'kubernetes.io/limit-ranger';

function handles(a: AdmissionAttributes): 'pod' | 'pvc' | undefined {
  if (a.subresource !== '' || a.def.group !== '') return undefined;
  if (a.oldObject?.metadata.deletionTimestamp) return undefined;
  // Containers cannot change after creation, so pod updates are left alone.
  if (a.def.resource === 'pods') return a.operation === 'CREATE' ? 'pod' : undefined;
  return a.def.resource === 'persistentvolumeclaims' ? 'pvc' : undefined;
}

/** mergeContainerResources: the defaults a container lacks, and the annotation parts saying so. */
function mergeContainer(c: Container, defRequests: Record<string, string>, defLimits: Record<string, string>, prefix: string, notes: string[]): void {
  if (!c || typeof c !== 'object') return;
  const resources = (c.resources ??= {});
  const limits = (resources.limits ??= {});
  const requests = (resources.requests ??= {});
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(defLimits)) {
    if (!(k in limits)) {
      limits[k] = v;
      setLimits.push(k);
    }
  }
  for (const [k, v] of Object.entries(defRequests)) {
    if (!(k in requests)) {
      requests[k] = v;
      setRequests.push(k);
    }
  }
  if (setRequests.length > 0) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${c.name}`);
  if (setLimits.length > 0) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${c.name}`);
}

function mutatePod(lr: LimitRange, pod: Pod): void {
  const defRequests: Record<string, string> = {};
  const defLimits: Record<string, string> = {};
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    Object.assign(defRequests, item.defaultRequest ?? {});
    Object.assign(defLimits, item.default ?? {});
  }
  const notes: string[] = [];
  for (const c of Array.isArray(pod.spec?.containers) ? pod.spec.containers : []) mergeContainer(c, defRequests, defLimits, 'container', notes);
  for (const c of Array.isArray(pod.spec?.initContainers) ? pod.spec.initContainers : []) mergeContainer(c, defRequests, defLimits, 'init container', notes);
  if (notes.length > 0) (pod.metadata.annotations ??= {})[ANNOTATION] = `LimitRanger plugin set: ${notes.join('; ')}`;
}

const str = (q: Quantity) => formatQuantity(q);

function minConstraint(type: string, name: string, enforced: Quantity, request: ResourceList, limit: ResourceList): string | undefined {
  const req = request[name];
  const lim = limit[name];
  if (!req) return `minimum ${name} usage per ${type} is ${str(enforced)}.  No request is specified`;
  if (compareQuantities(req, enforced) < 0) return `minimum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(req)}`;
  if (lim && compareQuantities(lim, enforced) < 0) return `minimum ${name} usage per ${type} is ${str(enforced)}, but limit is ${str(lim)}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: Quantity, request: ResourceList, limit: ResourceList): string | undefined {
  const req = request[name];
  const lim = limit[name];
  if (!lim) return `maximum ${name} usage per ${type} is ${str(enforced)}.  No limit is specified`;
  if (compareQuantities(lim, enforced) > 0) return `maximum ${name} usage per ${type} is ${str(enforced)}, but limit is ${str(lim)}`;
  if (req && compareQuantities(req, enforced) > 0) return `maximum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(req)}`;
  return undefined;
}

function maxRequestConstraint(type: string, name: string, enforced: Quantity, request: ResourceList): string | undefined {
  const req = request[name];
  if (!req) return `maximum ${name} usage per ${type} is ${str(enforced)}.  No request is specified`;
  if (compareQuantities(req, enforced) > 0) return `maximum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(req)}`;
  return undefined;
}

function ratioConstraint(type: string, name: string, enforced: Quantity, request: ResourceList, limit: ResourceList): string | undefined {
  const req = request[name];
  const lim = limit[name];
  if (!req || req.mantissa === 0n) return `${name} max limit to request ratio per ${type} is ${str(enforced)}, but no request is specified or request is 0`;
  if (!lim || lim.mantissa === 0n) return `${name} max limit to request ratio per ${type} is ${str(enforced)}, but no limit is specified or limit is 0`;
  const ratio = quantityValue(lim) / quantityValue(req);
  if (ratio > quantityValue(enforced) + 1e-12) return `${name} max limit to request ratio per ${type} is ${str(enforced)}, but provided ratio is ${ratio.toFixed(6)}`;
  return undefined;
}

function checkBounds(errs: string[], type: string, item: LimitRangeItem, request: ResourceList, limit: ResourceList): void {
  const each = (list: Record<string, string> | undefined, fn: (name: string, q: Quantity) => string | undefined) => {
    for (const [name, v] of Object.entries(list ?? {})) {
      const q = parseQuantity(v);
      const e = q && fn(name, q);
      if (e) errs.push(e);
    }
  };
  each(item.min, (n, q) => minConstraint(type, n, q, request, limit));
  each(item.max, (n, q) => maxConstraint(type, n, q, request, limit));
  each(item.maxLimitRequestRatio, (n, q) => ratioConstraint(type, n, q, request, limit));
}

/** PodValidateLimitFunc. */
export function validatePodLimits(lr: LimitRange, pod: Pod): string[] {
  const errs: string[] = [];
  for (const item of lr.spec?.limits ?? []) {
    if (item.type === 'Container') {
      const containers = [...(Array.isArray(pod.spec?.containers) ? pod.spec.containers : []), ...(Array.isArray(pod.spec?.initContainers) ? pod.spec.initContainers : [])];
      for (const c of containers) checkBounds(errs, 'Container', item, parseList(c?.resources?.requests), parseList(c?.resources?.limits));
    }
    if (item.type === 'Pod') checkBounds(errs, 'Pod', item, podResources(pod, 'requests'), podResources(pod, 'limits'));
  }
  return errs;
}

function validatePvcLimits(lr: LimitRange, pvc: PersistentVolumeClaim): string[] {
  const errs: string[] = [];
  const requests = parseList(pvc.spec?.resources?.requests);
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'PersistentVolumeClaim') continue;
    for (const [name, v] of Object.entries(item.min ?? {})) {
      const q = parseQuantity(v);
      const e = q && minConstraint('PersistentVolumeClaim', name, q, requests, {});
      if (e) errs.push(e);
    }
    for (const [name, v] of Object.entries(item.max ?? {})) {
      const q = parseQuantity(v);
      const e = q && maxRequestConstraint('PersistentVolumeClaim', name, q, requests);
      if (e) errs.push(e);
    }
  }
  return errs;
}

/** The LimitRanger plugin. */
export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  admit(a, ctx) {
    if (handles(a) !== 'pod') return;
    for (const lr of listStored<LimitRange>(ctx, limitranges, a.namespace)) mutatePod(lr, a.object as Pod);
  },
  validate(a: AdmissionAttributes, ctx: AdmissionContext) {
    const kind = handles(a);
    if (!kind) return;
    for (const lr of listStored<LimitRange>(ctx, limitranges, a.namespace)) {
      const errs = kind === 'pod' ? validatePodLimits(lr, a.object as Pod) : validatePvcLimits(lr, a.object as KubeObject as PersistentVolumeClaim);
      if (errs.length > 0) throw admissionForbidden(a, aggregate(errs));
    }
  },
};
