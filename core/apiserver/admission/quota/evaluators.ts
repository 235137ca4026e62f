/**
 * Quota evaluators (pkg/quota/v1/evaluator/core and generic): what an object counts against a
 * ResourceQuota — pods (`pods`, `count/pods`, `requests.cpu`, `limits.memory`, ...), services
 * (`services.nodeports`, `services.loadbalancers`), persistent volume claims
 * (`requests.storage`, per storage class), the legacy object counts (`configmaps`, `secrets`,
 * ...) and `count/<resource>.<group>` for everything else — which operations change usage, which
 * quota scopes an object falls in, and the pod constraints (`must specify limits.cpu for: nginx`).
 */
import type { KubeObject, PersistentVolumeClaim, Pod, ResourceQuota, Service } from '../../../api/types';
import { parseQuantity } from '../../resources/quantity';
import { addLists, count, podResources, type ResourceList } from '../quantities';

/** What counts an object against quota. */
export interface Evaluator {
  /** The group/resource it evaluates. */
  group: string;
  resource: string;
  /** Whether an operation of this kind can change usage (Handles). */
  handles(operation: 'CREATE' | 'UPDATE'): boolean;
  /** The quota resource names it knows, out of `names` (MatchingResources). */
  matchingResources(names: string[]): string[];
  /** What one object uses (Usage). */
  usage(obj: KubeObject, now: number): ResourceList;
  /** Whether the object falls in every scope of the quota. */
  matchesScopes(quota: ResourceQuota, obj: KubeObject): boolean;
  /** Why the object does not satisfy the quota's constraints on `required`, if it does not. */
  constraints(required: string[], obj: KubeObject): string | undefined;
}

/** The `count/<resource>[.<group>]` name of a resource. */
export function countName(group: string, resource: string): string {
  return group ? `count/${resource}.${group}` : `count/${resource}`;
}

const POD_COMPUTE = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'ephemeral-storage', 'requests.ephemeral-storage', 'limits.ephemeral-storage']);
const VALIDATION_SET = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** podComputeUsageHelper. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: ResourceList = { pods: count(1) };
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    if (requests[r]) {
      out[r] = requests[r];
      out[`requests.${r}`] = requests[r];
    }
    if (limits[r]) out[`limits.${r}`] = limits[r];
  }
  for (const [k, v] of Object.entries(requests)) {
    if (k.startsWith('hugepages-')) {
      out[k] = v;
      out[`requests.${k}`] = v;
    } else if (k.includes('/') && !k.startsWith('kubernetes.io/') && !k.startsWith('requests.')) out[`requests.${k}`] = v;
  }
  return out;
}

function podTerminal(pod: Pod, now: number): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return true;
  const del = pod.metadata.deletionTimestamp;
  if (del && pod.metadata.deletionGracePeriodSeconds !== undefined) return now > Date.parse(del) + pod.metadata.deletionGracePeriodSeconds * 1000;
  return false;
}

function isBestEffort(pod: Pod): boolean {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  return all.every((c) => {
    const names = [...Object.keys(c?.resources?.requests ?? {}), ...Object.keys(c?.resources?.limits ?? {})];
    return !names.some((n) => n === 'cpu' || n === 'memory');
  });
}

interface ScopeRequirement {
  scopeName: string;
  operator: string;
  values?: string[];
}

function scopeRequirements(quota: ResourceQuota): ScopeRequirement[] {
  const out: ScopeRequirement[] = (quota.spec?.scopes ?? []).map((s) => ({ scopeName: s, operator: 'Exists' }));
  const sel = quota.spec?.scopeSelector as { matchExpressions?: ScopeRequirement[] } | undefined;
  out.push(...(sel?.matchExpressions ?? []));
  return out;
}

function podMatchesScope(req: ScopeRequirement, pod: Pod): boolean {
  switch (req.scopeName) {
    case 'Terminating':
      return typeof pod.spec?.['activeDeadlineSeconds'] === 'number' && (pod.spec['activeDeadlineSeconds'] as number) >= 0;
    case 'NotTerminating':
      return !(typeof pod.spec?.['activeDeadlineSeconds'] === 'number' && (pod.spec['activeDeadlineSeconds'] as number) >= 0);
    case 'BestEffort':
      return isBestEffort(pod);
    case 'NotBestEffort':
      return !isBestEffort(pod);
    case 'PriorityClass': {
      const name = String(pod.spec?.['priorityClassName'] ?? '');
      const values = req.values ?? [];
      if (req.operator === 'In') return values.includes(name);
      if (req.operator === 'NotIn') return !values.includes(name);
      if (req.operator === 'Exists') return name !== '';
      if (req.operator === 'DoesNotExist') return name === '';
      return false;
    }
    default:
      return false;
  }
}

const podEvaluator: Evaluator = {
  group: '',
  resource: 'pods',
  handles: (op) => op === 'CREATE',
  matchingResources: (names) => names.filter((n) => n === 'pods' || n === 'count/pods' || POD_COMPUTE.has(n) || n.startsWith('hugepages-') || n.startsWith('requests.')),
  usage(obj, now) {
    const pod = obj as Pod;
    const base: ResourceList = { 'count/pods': count(1) };
    if (podTerminal(pod, now)) return base;
    return addLists(base, computeUsage(podResources(pod, 'requests'), podResources(pod, 'limits')));
  },
  matchesScopes: (quota, obj) => scopeRequirements(quota).every((r) => podMatchesScope(r, obj as Pod)),
  constraints(required, obj) {
    const pod = obj as Pod;
    const needed = required.filter((r) => VALIDATION_SET.has(r));
    const missing = new Map<string, Set<string>>();
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      const has = computeUsage(podResourcesOf(c, 'requests'), podResourcesOf(c, 'limits'));
      for (const r of needed) if (!has[r]) (missing.get(r) ?? missing.set(r, new Set()).get(r))?.add(c.name);
    }
    if (missing.size === 0) return undefined;
    const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...(missing.get(r) ?? [])].sort().join(',')}`);
    return `must specify ${parts.join('; ')}`;
  },
};

function podResourcesOf(c: Pod['spec']['containers'][number], which: 'requests' | 'limits'): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(c?.resources?.[which] ?? {})) {
    const q = parseQuantity(v);
    if (q) out[k] = q;
  }
  return out;
}

const serviceEvaluator: Evaluator = {
  group: '',
  resource: 'services',
  handles: () => true,
  matchingResources: (names) => names.filter((n) => ['services', 'count/services', 'services.nodeports', 'services.loadbalancers'].includes(n)),
  usage(obj) {
    const svc = obj as Service;
    const ports = Array.isArray(svc.spec?.ports) ? svc.spec.ports.length : 0;
    const type = svc.spec?.type ?? 'ClusterIP';
    const out: ResourceList = { services: count(1), 'count/services': count(1), 'services.nodeports': count(0), 'services.loadbalancers': count(0) };
    if (type === 'NodePort') out['services.nodeports'] = count(ports);
    if (type === 'LoadBalancer') {
      out['services.loadbalancers'] = count(1);
      if ((svc.spec as { allocateLoadBalancerNodePorts?: boolean }).allocateLoadBalancerNodePorts !== false) out['services.nodeports'] = count(ports);
    }
    return out;
  },
  matchesScopes: (quota) => scopeRequirements(quota).length === 0,
  constraints: () => undefined,
};

const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

const pvcEvaluator: Evaluator = {
  group: '',
  resource: 'persistentvolumeclaims',
  handles: () => true,
  matchingResources: (names) => names.filter((n) => ['persistentvolumeclaims', 'count/persistentvolumeclaims', 'requests.storage'].includes(n) || n.includes(STORAGE_CLASS_SUFFIX)),
  usage(obj) {
    const pvc = obj as PersistentVolumeClaim;
    const out: ResourceList = { persistentvolumeclaims: count(1), 'count/persistentvolumeclaims': count(1) };
    const storage = parseQuantity(pvc.spec?.resources?.requests?.['storage']);
    const cls = pvc.spec?.storageClassName ?? '';
    if (cls) out[`${cls}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`] = count(1);
    if (storage) {
      out['requests.storage'] = storage;
      if (cls) out[`${cls}${STORAGE_CLASS_SUFFIX}requests.storage`] = storage;
    }
    return out;
  },
  matchesScopes: (quota) => scopeRequirements(quota).length === 0,
  constraints: () => undefined,
};

/** The legacy names of object counts (`configmaps` alongside `count/configmaps`). */
const LEGACY_COUNT = new Set(['configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas']);

/** NewObjectCountEvaluator: one object, counted on create. */
function objectCountEvaluator(group: string, resource: string): Evaluator {
  const names = [countName(group, resource)];
  if (group === '' && LEGACY_COUNT.has(resource)) names.push(resource);
  return {
    group,
    resource,
    handles: (op) => op === 'CREATE',
    matchingResources: (hard) => hard.filter((n) => names.includes(n)),
    usage: () => Object.fromEntries(names.map((n) => [n, count(1)])),
    matchesScopes: (quota) => scopeRequirements(quota).length === 0,
    constraints: () => undefined,
  };
}

/** The evaluator of a group/resource. */
export function evaluatorFor(group: string, resource: string): Evaluator {
  if (group === '' && resource === 'pods') return podEvaluator;
  if (group === '' && resource === 'services') return serviceEvaluator;
  if (group === '' && resource === 'persistentvolumeclaims') return pvcEvaluator;
  return objectCountEvaluator(group, resource);
}
