/**
 * The EndpointSlice reconciler (k8s.io/endpointslice reconciler.go), as a pure function: from
 * a service, its pods and the slices it owns, the slices to create, update and delete. Pods
 * are grouped by their resolved ports (one set of slices per port mapping); existing slices
 * keep the endpoints still desired (updated in place when conditions or topology change), are
 * filled up to `maxEndpointsPerSlice`, and new slices are made for the rest. A service with no
 * endpoints keeps one empty placeholder slice. Creates that would replace deletions become
 * updates of the slices to delete.
 */
import type { EndpointSlice, Node, Pod, Service } from '../../api/types';
import { canonicalJson } from '../util/hash';
import { findPort, isServiceIPSet, podIPv4, shouldPodBeInEndpoints, shouldSetHostname, HEADLESS_LABEL } from '../util/endpoints';
import { isPodReady } from '../util/pods';

/** The managed-by label and this controller's value. */
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
/** The controller's name in `endpointslice.kubernetes.io/managed-by`. */
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** The label naming a slice's service. */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** The zone label of nodes (v1.LabelTopologyZone). */
export const LABEL_ZONE = 'topology.kubernetes.io/zone';
/** --max-endpoints-per-slice's default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** One endpoint of a slice. */
export type SliceEndpoint = EndpointSlice['endpoints'][number];
/** One port of a slice. */
export type SlicePort = NonNullable<EndpointSlice['ports']>[number];

/** What the reconciler decided. */
export interface SliceChanges {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

/** podToEndpoint: the endpoint of a pod, with its conditions, node and zone. */
export function podToEndpoint(pod: Pod, node: Node | undefined, svc: Service): SliceEndpoint | undefined {
  const ip = podIPv4(pod);
  if (!ip) return undefined;
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ready = svc.spec['publishNotReadyAddresses'] === true || (serving && !terminating);
  const ep: SliceEndpoint = {
    addresses: [ip],
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' },
  };
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[LABEL_ZONE];
  if (zone) ep.zone = zone;
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec['hostname'] as string;
  return ep;
}

/** getEndpointPorts: the service's ports resolved for one pod (ports a pod cannot resolve are left out). */
export function endpointPorts(svc: Service, pod: Pod): SlicePort[] {
  const out: SlicePort[] = [];
  for (const sp of svc.spec.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const p: SlicePort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

function portKey(ports: readonly SlicePort[] | undefined): string {
  return (ports ?? []).map((p) => canonicalJson(p)).sort().join('|');
}

/** The identity of an endpoint in a set (hashEndpoint): addresses, hostname, target namespace and name. */
function endpointKey(ep: SliceEndpoint): string {
  return canonicalJson([[...ep.addresses].sort(), ep.hostname ?? '', ep.targetRef?.namespace ?? '', ep.targetRef?.name ?? '']);
}

/** EndpointsEqualBeyondHash: node, zone, conditions and target (without resourceVersion). */
function equalBeyondHash(a: SliceEndpoint, b: SliceEndpoint): boolean {
  const strip = (e: SliceEndpoint) => canonicalJson({ n: e.nodeName, z: e.zone, c: e.conditions ?? {}, t: e.targetRef ? { ...e.targetRef, resourceVersion: undefined } : undefined });
  return strip(a) === strip(b);
}

/** setEndpointSliceLabels: the service's labels (minus the reserved ones), the headless, service-name and managed-by labels; and whether the service's labels differ from the slice's. */
export function sliceLabels(slice: EndpointSlice | undefined, svc: Service): { labels: Record<string, string>; changed: boolean } {
  const reserved = (k: string) => k === LABEL_SERVICE_NAME || k === LABEL_MANAGED_BY || k === HEADLESS_LABEL;
  const fromSlice: Record<string, string> = {};
  for (const [k, v] of Object.entries(slice?.metadata.labels ?? {})) if (!reserved(k)) fromSlice[k] = v;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (!reserved(k)) labels[k] = v;
  const changed = canonicalJson(fromSlice) !== canonicalJson(labels);
  if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = '';
  labels[LABEL_SERVICE_NAME] = svc.metadata.name ?? '';
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return { labels, changed };
}

/** newEndpointSlice: an empty slice of the service (generateName `<service>-`, owned by it). */
export function newSlice(svc: Service, ports: SlicePort[] | undefined): EndpointSlice {
  const name = svc.metadata.name ?? '';
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: name.length + 1 <= 253 ? `${name}-` : name,
      namespace: svc.metadata.namespace ?? '',
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: [],
  };
  if (ports && ports.length > 0) slice.ports = ports;
  slice.metadata.labels = sliceLabels(slice, svc).labels;
  return slice;
}

/** Whether the slice is owned by the service (ownedBy). */
export function ownedBy(slice: EndpointSlice, svc: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some((o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * Reconcile (IPv4 only, as the cluster is single-stack): the changes that make `existing` (the
 * slices labelled for the service and managed by this controller) hold exactly the endpoints of
 * `pods`. `nodeOf` gives a pod's node (for the zone); pods on unknown nodes are skipped unless
 * the service publishes not-ready addresses. Returns also the names of pods skipped that way.
 */
export function reconcile(svc: Service, pods: readonly Pod[], existing: readonly EndpointSlice[], nodeOf: (name: string) => Node | undefined, maxPerSlice = MAX_ENDPOINTS_PER_SLICE): SliceChanges & { skipped: string[] } {
  const toDelete: EndpointSlice[] = [];
  const existingByPorts = new Map<string, EndpointSlice[]>();
  for (const s of existing) {
    if (s.addressType !== 'IPv4' || !ownedBy(s, svc)) {
      toDelete.push(s);
      continue;
    }
    const k = portKey(s.ports);
    existingByPorts.set(k, [...(existingByPorts.get(k) ?? []), s]);
  }
  const desired = new Map<string, { ports: SlicePort[]; endpoints: Map<string, SliceEndpoint> }>();
  const skipped: string[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(svc, pod);
    const k = portKey(ports);
    let group = desired.get(k);
    if (!group) desired.set(k, (group = { ports, endpoints: new Map() }));
    const node = nodeOf(pod.spec.nodeName ?? '');
    if (!node && svc.spec['publishNotReadyAddresses'] !== true) {
      skipped.push(pod.metadata.name ?? '');
      continue;
    }
    const ep = podToEndpoint(pod, node, svc);
    if (ep) group.endpoints.set(endpointKey(ep), ep);
  }
  const create: EndpointSlice[] = [];
  const update: EndpointSlice[] = [];
  for (const [k, group] of desired) {
    const r = byPortMapping(svc, existingByPorts.get(k) ?? [], group.endpoints, group.ports, maxPerSlice);
    create.push(...r.create);
    update.push(...r.update);
    toDelete.push(...r.delete);
  }
  for (const [k, slices] of existingByPorts) if (!desired.has(k)) toDelete.push(...slices);
  // No endpoints at all: keep (or make) one placeholder slice.
  if (existing.length === toDelete.length && create.length === 0) {
    const placeholder = newSlice(svc, undefined);
    const only = toDelete.length === 1 ? toDelete[0] : undefined;
    if (only && isPlaceholderOf(only, placeholder)) toDelete.length = 0;
    else create.push(placeholder);
  }
  // finalize: turn creates into updates of slices that would be deleted.
  for (let i = 0; i < toDelete.length && create.length > 0; ) {
    const victim = toDelete[i] as EndpointSlice;
    if (victim.addressType === 'IPv4' && ownedBy(victim, svc)) {
      const slice = create.pop() as EndpointSlice;
      slice.metadata = { ...clone(victim.metadata), labels: slice.metadata.labels };
      update.push(slice);
      toDelete.splice(i, 1);
    } else i++;
  }
  return { create, update, delete: toDelete, skipped };
}

function isPlaceholderOf(slice: EndpointSlice, placeholder: EndpointSlice): boolean {
  return (
    slice.metadata.namespace === placeholder.metadata.namespace &&
    canonicalJson(slice.metadata.labels ?? {}) === canonicalJson(placeholder.metadata.labels ?? {}) &&
    canonicalJson(slice.metadata.ownerReferences ?? []) === canonicalJson(placeholder.metadata.ownerReferences ?? []) &&
    (slice.endpoints ?? []).length === 0 &&
    (slice.ports ?? []).length === 0
  );
}

/** reconcileByPortMapping. */
function byPortMapping(svc: Service, existing: EndpointSlice[], desiredSet: Map<string, SliceEndpoint>, ports: SlicePort[], max: number): SliceChanges {
  const byName = new Map<string, EndpointSlice>();
  const unchanged: string[] = [];
  const toUpdate: string[] = [];
  const toDelete: string[] = [];
  for (const s of existing) {
    const name = s.metadata.name ?? '';
    byName.set(name, s);
    const kept: SliceEndpoint[] = [];
    let changed = false;
    for (const ep of s.endpoints ?? []) {
      const got = desiredSet.get(endpointKey(ep));
      if (!got) continue;
      kept.push(got);
      if (!equalBeyondHash(got, ep)) changed = true;
      desiredSet.delete(endpointKey(ep));
    }
    const { labels, changed: labelsChanged } = sliceLabels(s, svc);
    if (changed || (s.endpoints ?? []).length !== kept.length) {
      if (kept.length === 0) toDelete.push(name);
      else {
        byName.set(name, { ...clone(s), endpoints: kept, metadata: { ...clone(s.metadata), labels } });
        toUpdate.push(name);
      }
    } else if (labelsChanged) {
      byName.set(name, { ...clone(s), metadata: { ...clone(s.metadata), labels } });
      toUpdate.push(name);
    } else unchanged.push(name);
  }
  const pop = (): SliceEndpoint => {
    const [k, ep] = desiredSet.entries().next().value as [string, SliceEndpoint];
    desiredSet.delete(k);
    return ep;
  };
  // Fill the slices being updated, fullest first.
  if (desiredSet.size > 0 && toUpdate.length > 0) {
    const slices = toUpdate.map((n) => byName.get(n) as EndpointSlice).sort((a, b) => b.endpoints.length - a.endpoints.length);
    for (const s of slices) while (desiredSet.size > 0 && s.endpoints.length < max) s.endpoints.push(pop());
  }
  const create: EndpointSlice[] = [];
  while (desiredSet.size > 0) {
    let fill: EndpointSlice | undefined;
    if (desiredSet.size < max && unchanged.length > 0) {
      // getSliceToFill: the unchanged slice that would be closest to full.
      let closest = max;
      for (const n of unchanged) {
        const s = byName.get(n) as EndpointSlice;
        const diff = max - (desiredSet.size + s.endpoints.length);
        if (diff >= 0 && diff < closest) {
          closest = diff;
          fill = s;
        }
      }
    }
    if (!fill) fill = newSlice(svc, ports);
    else {
      fill = clone(fill);
      byName.set(fill.metadata.name ?? '', fill);
    }
    while (desiredSet.size > 0 && fill.endpoints.length < max) fill.endpoints.push(pop());
    const name = fill.metadata.name;
    if (name) {
      if (!toUpdate.includes(name)) toUpdate.push(name);
      unchanged.splice(unchanged.indexOf(name), 1);
    } else create.push(fill);
  }
  return { create, update: toUpdate.map((n) => byName.get(n) as EndpointSlice), delete: toDelete.map((n) => byName.get(n) as EndpointSlice) };
}
