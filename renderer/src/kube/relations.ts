// How objects relate (pure): the trees of the relations view — Deployment → ReplicaSets →
// Pods, Service → Endpoints → Pods, PersistentVolumeClaim → PersistentVolume (and the pods
// that mount the claim) — and, for one object, its owners, dependents and linked objects.
import { endpointAddresses, kindOf, type KubeObject } from './resources';

/** An object as a link: enough to open it (its kind's resource, namespace, name). */
export interface ObjectRef {
  /** The resource (`pods`), as RESOURCE_KINDS names it. */
  resource: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** What a tree node says about its object, for the view to translate. */
export type RelationSummary =
  | { key: 'replicas'; ready: number; desired: number }
  | { key: 'phase'; phase: string }
  | { key: 'service'; type: string; clusterIP: string }
  | { key: 'addresses'; count: number }
  | { key: 'none' };

/** One node of a relations tree. */
export interface RelationNode {
  ref: ObjectRef;
  summary: RelationSummary;
  /** Why the link to the parent exists (an owner reference, a selector, an address, a bound volume…). */
  via: 'owner' | 'endpoints' | 'address' | 'volumeName' | 'claim' | 'root';
  children: RelationNode[];
}

/** The objects the relations are drawn from, by resource. */
export type ObjectsByResource = Partial<Record<string, KubeObject[]>>;

function refOf(o: KubeObject, resource: string): ObjectRef {
  const kind = kindOf(resource)?.kind ?? o.kind ?? resource;
  return { resource, kind, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}), name: o.metadata.name ?? '' };
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

function at(o: unknown, ...path: string[]): unknown {
  let v = o;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

function byName(a: KubeObject, b: KubeObject): number {
  return `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`);
}

function ownedBy(o: KubeObject, owner: KubeObject): boolean {
  const uid = owner.metadata.uid;
  return uid !== undefined && (o.metadata.ownerReferences ?? []).some((r) => r.uid === uid);
}

/** A pod's phase as kubectl shows it (Terminating while being deleted). */
export function podPhase(o: KubeObject): string {
  return o.metadata.deletionTimestamp ? 'Terminating' : String(at(o, 'status', 'phase') ?? 'Unknown');
}

function podNode(pod: KubeObject, via: RelationNode['via']): RelationNode {
  return { ref: refOf(pod, 'pods'), summary: { key: 'phase', phase: podPhase(pod) }, via, children: [] };
}

/** The tree of each Deployment: its ReplicaSets (newest revision first), each with its Pods. */
export function deploymentTrees(all: ObjectsByResource, namespace = ''): RelationNode[] {
  const inNs = (o: KubeObject) => !namespace || o.metadata.namespace === namespace;
  const rss = (all.replicasets ?? []).filter(inNs);
  const pods = (all.pods ?? []).filter(inNs);
  const revision = (rs: KubeObject) => Number((rs.metadata as { annotations?: Record<string, string> }).annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  return (all.deployments ?? [])
    .filter(inNs)
    .sort(byName)
    .map((d) => ({
      ref: refOf(d, 'deployments'),
      summary: { key: 'replicas', ready: num(at(d, 'status', 'readyReplicas')), desired: num(at(d, 'spec', 'replicas')) },
      via: 'root',
      children: rss
        .filter((rs) => ownedBy(rs, d))
        .sort((a, b) => revision(b) - revision(a) || byName(a, b))
        .map((rs) => ({
          ref: refOf(rs, 'replicasets'),
          summary: { key: 'replicas', ready: num(at(rs, 'status', 'readyReplicas')), desired: num(at(rs, 'spec', 'replicas')) },
          via: 'owner',
          children: pods.filter((p) => ownedBy(p, rs)).sort(byName).map((p) => podNode(p, 'owner')),
        })),
    }));
}

/** The pods an Endpoints object's addresses point at (ready or not), by their targetRef. */
function endpointPods(ep: KubeObject, pods: KubeObject[]): KubeObject[] {
  const subsets = (at(ep, 'subsets') as { addresses?: unknown[]; notReadyAddresses?: unknown[] }[] | undefined) ?? [];
  const names = new Set<string>();
  for (const s of subsets) {
    for (const a of [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]) {
      const ref = at(a, 'targetRef') as { kind?: string; name?: string } | undefined;
      if (ref?.kind === 'Pod' && ref.name) names.add(ref.name);
    }
  }
  return pods.filter((p) => p.metadata.namespace === ep.metadata.namespace && names.has(p.metadata.name ?? '')).sort(byName);
}

/** The tree of each Service: its Endpoints (same name), with the Pods behind their addresses. */
export function serviceTrees(all: ObjectsByResource, namespace = ''): RelationNode[] {
  const inNs = (o: KubeObject) => !namespace || o.metadata.namespace === namespace;
  const endpoints = (all.endpoints ?? []).filter(inNs);
  const pods = all.pods ?? [];
  return (all.services ?? [])
    .filter(inNs)
    .sort(byName)
    .map((svc) => ({
      ref: refOf(svc, 'services'),
      summary: { key: 'service', type: String(at(svc, 'spec', 'type') ?? 'ClusterIP'), clusterIP: String(at(svc, 'spec', 'clusterIP') ?? '') },
      via: 'root',
      children: endpoints
        .filter((ep) => ep.metadata.namespace === svc.metadata.namespace && ep.metadata.name === svc.metadata.name)
        .map((ep) => ({
          ref: refOf(ep, 'endpoints'),
          summary: { key: 'addresses', count: endpointAddresses(ep).length },
          via: 'endpoints',
          children: endpointPods(ep, pods).map((p) => podNode(p, 'address')),
        })),
    }));
}

function claimsOf(pod: KubeObject): string[] {
  const volumes = (at(pod, 'spec', 'volumes') as { persistentVolumeClaim?: { claimName?: string } }[] | undefined) ?? [];
  return volumes.flatMap((v) => (v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : []));
}

/** The tree of each PersistentVolumeClaim: its bound PersistentVolume and the Pods that mount it. */
export function storageTrees(all: ObjectsByResource, namespace = ''): RelationNode[] {
  const inNs = (o: KubeObject) => !namespace || o.metadata.namespace === namespace;
  const pvs = all.persistentvolumes ?? [];
  const pods = all.pods ?? [];
  return (all.persistentvolumeclaims ?? [])
    .filter(inNs)
    .sort(byName)
    .map((pvc) => {
      const volume = String(at(pvc, 'spec', 'volumeName') ?? '');
      const pv = volume ? pvs.find((v) => v.metadata.name === volume) : undefined;
      const users = pods.filter((p) => p.metadata.namespace === pvc.metadata.namespace && claimsOf(p).includes(pvc.metadata.name ?? '')).sort(byName);
      const children: RelationNode[] = [];
      if (pv) children.push({ ref: refOf(pv, 'persistentvolumes'), summary: { key: 'phase', phase: String(at(pv, 'status', 'phase') ?? '') }, via: 'volumeName', children: [] });
      children.push(...users.map((p) => podNode(p, 'claim')));
      return { ref: refOf(pvc, 'persistentvolumeclaims'), summary: { key: 'phase', phase: String(at(pvc, 'status', 'phase') ?? '') }, via: 'root' as const, children };
    });
}

/** One object's neighbours: who owns it, what it owns, and what it points at or is pointed at by. */
export interface Related {
  owners: ObjectRef[];
  dependents: ObjectRef[];
  linked: ObjectRef[];
}

function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.resource === b.resource && a.namespace === b.namespace && a.name === b.name;
}

function unique(refs: ObjectRef[]): ObjectRef[] {
  return refs.filter((r, i) => refs.findIndex((x) => sameRef(x, r)) === i);
}

/** `o`'s owners (its owner references), its dependents and its links among `all`. */
export function relatedOf(o: KubeObject, resource: string, all: ObjectsByResource): Related {
  const ns = o.metadata.namespace;
  const owners = (o.metadata.ownerReferences ?? []).map((r) => {
    const kind = kindOf(r.kind);
    return { resource: kind?.id ?? '', kind: r.kind, ...(ns && kind?.namespaced !== false ? { namespace: ns } : {}), name: r.name };
  });
  const dependents: ObjectRef[] = [];
  for (const [res, objects] of Object.entries(all)) {
    for (const d of objects ?? []) if (ownedBy(d, o)) dependents.push(refOf(d, res));
  }
  const linked: ObjectRef[] = [];
  const name = o.metadata.name ?? '';
  const find = (res: string, n: string, namespace?: string) => (all[res] ?? []).find((x) => x.metadata.name === n && x.metadata.namespace === namespace);
  const link = (res: string, n: string, namespace?: string) => {
    const x = find(res, n, namespace);
    if (x) linked.push(refOf(x, res));
  };
  if (resource === 'services') link('endpoints', name, ns);
  if (resource === 'endpoints') {
    link('services', name, ns);
    linked.push(...endpointPods(o, all.pods ?? []).map((p) => refOf(p, 'pods')));
  }
  if (resource === 'pods') {
    for (const ep of all.endpoints ?? []) if (endpointPods(ep, [o]).length) linked.push(refOf(ep, 'endpoints'));
    for (const claim of claimsOf(o)) link('persistentvolumeclaims', claim, ns);
    const node = String(at(o, 'spec', 'nodeName') ?? '');
    if (node) linked.push({ resource: 'nodes', kind: 'Node', name: node });
  }
  if (resource === 'persistentvolumeclaims') {
    const volume = String(at(o, 'spec', 'volumeName') ?? '');
    if (volume) link('persistentvolumes', volume);
    for (const p of all.pods ?? []) if (p.metadata.namespace === ns && claimsOf(p).includes(name)) linked.push(refOf(p, 'pods'));
  }
  if (resource === 'persistentvolumes') {
    const claim = at(o, 'spec', 'claimRef') as { name?: string; namespace?: string } | undefined;
    if (claim?.name) link('persistentvolumeclaims', claim.name, claim.namespace);
  }
  return { owners: unique(owners), dependents: unique(dependents), linked: unique(linked) };
}
