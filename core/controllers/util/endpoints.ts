/**
 * Helpers shared by the Endpoints and EndpointSlice controllers, after k8s.io/endpointslice
 * util (ShouldPodBeInEndpoints, ShouldSetHostname, GetServicesToUpdateOnPodChange, the
 * TriggerTimeTracker) and pkg/api/v1/pod FindPort.
 */
import type { Pod, Service, ServicePort } from '../../api/types';
import { rfc3339 } from '../../api/duration';
import { isPodReady } from './pods';

/** The annotation with the time of the change that led to the endpoints (v1.EndpointsLastChangeTriggerTime). */
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** The label on Endpoints and EndpointSlices of a headless service (v1.IsHeadlessService). */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** Whether the pod belongs in endpoints: not finished, has an IP, and (unless `includeTerminating`) is not being deleted. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP && (pod.status?.podIPs ?? []).length === 0) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** Whether the endpoint carries the pod's hostname (`spec.hostname` set and `spec.subdomain` = the service). */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  const hostname = pod.spec['hostname'];
  return typeof hostname === 'string' && hostname.length > 0 && pod.spec['subdomain'] === svc.metadata.name && svc.metadata.namespace === pod.metadata.namespace;
}

/** Whether the service has a cluster IP (not headless). */
export function isServiceIPSet(svc: Service): boolean {
  return svc.spec.clusterIP !== 'None' && !!svc.spec.clusterIP;
}

/**
 * FindPort: the container port a service port targets — a number as is, a name looked up in
 * the pod's containers (and restartable init containers) with the same protocol.
 */
export function findPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  const protocol = port.protocol ?? 'TCP';
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  for (const c of pod.spec.initContainers ?? []) {
    if (c['restartPolicy'] !== 'Always') continue;
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

/** The pod's IPv4 address, if any. */
export function podIPv4(pod: Pod): string | undefined {
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip);
  if (ips.length === 0 && pod.status?.podIP) ips.push(pod.status.podIP);
  return ips.find((ip) => !ip.includes(':'));
}

/** Whether `selector` (a service's map selector) matches `labels`. */
export function selectorMatches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}

/** The keys (`ns/name`) of the services in `services` whose selector matches `labels` (a nil selector matches nothing). */
export function servicesForLabels(services: readonly Service[], labels: Record<string, string> | undefined): Set<string> {
  const out = new Set<string>();
  for (const s of services) if (s.spec.selector && selectorMatches(s.spec.selector, labels)) out.add(`${s.metadata.namespace ?? ''}/${s.metadata.name ?? ''}`);
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * podEndpointsChanged: whether a pod update may change its endpoint (deletion, readiness, IPs)
 * and whether it may change which services select it (labels, hostname, subdomain).
 */
export function podEndpointsChanged(old: Pod, cur: Pod): { podChanged: boolean; labelsChanged: boolean } {
  const labelsChanged = !sameJson(old.metadata.labels, cur.metadata.labels) || old.spec['hostname'] !== cur.spec['hostname'] || old.spec['subdomain'] !== cur.spec['subdomain'];
  const ips = (p: Pod) => (p.status?.podIPs ?? []).map((x) => x.ip).join(',');
  const podChanged = old.metadata.deletionTimestamp !== cur.metadata.deletionTimestamp || isPodReady(old) !== isPodReady(cur) || ips(old) !== ips(cur);
  return { podChanged, labelsChanged };
}

/**
 * GetServicesToUpdateOnPodChange: the services to sync after a pod update — those selecting
 * the new labels, plus (when the labels changed) those that selected the old ones: all of them
 * when the pod itself changed, else only those in one set but not the other.
 */
export function servicesToUpdateOnPodChange(services: readonly Service[], old: Pod, cur: Pod): Set<string> {
  if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return new Set();
  const { podChanged, labelsChanged } = podEndpointsChanged(old, cur);
  if (!podChanged && !labelsChanged) return new Set();
  const now = servicesForLabels(services, cur.metadata.labels);
  if (!labelsChanged) return now;
  const before = servicesForLabels(services, old.metadata.labels);
  if (podChanged) return new Set([...now, ...before]);
  const out = new Set<string>();
  for (const k of now) if (!before.has(k)) out.add(k);
  for (const k of before) if (!now.has(k)) out.add(k);
  return out;
}

/**
 * The TriggerTimeTracker: the time of the change that caused an endpoints update — the
 * service's creation on its first sync, then the earliest Ready transition among the pods whose
 * Ready transition changed since the last sync (none: the annotation is removed).
 */
export class TriggerTimeTracker {
  private readonly states = new Map<string, { service: number; pods: Map<string, number> }>();

  /** ComputeEndpointLastChangeTriggerTime: the RFC 3339 time to annotate, or undefined. */
  compute(svc: Service, pods: readonly Pod[]): string | undefined {
    const key = `${svc.metadata.namespace ?? ''}/${svc.metadata.name ?? ''}`;
    const state = this.states.get(key);
    let min: number | undefined;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      const t = ready?.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : NaN;
      if (Number.isNaN(t)) continue;
      podTimes.set(pod.metadata.name ?? '', t);
      if (t > (state?.pods.get(pod.metadata.name ?? '') ?? -Infinity)) min = min === undefined ? t : Math.min(min, t);
    }
    const created = Date.parse(svc.metadata.creationTimestamp ?? '') || 0;
    if (state && created > state.service) min = min === undefined ? created : Math.min(min, created);
    this.states.set(key, { service: created, pods: podTimes });
    if (!state) return rfc3339(created);
    return min === undefined ? undefined : rfc3339(min);
  }

  /** Forgets a deleted service. */
  delete(namespace: string, name: string): void {
    this.states.delete(`${namespace}/${name}`);
  }
}
