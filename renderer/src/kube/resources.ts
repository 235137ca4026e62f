// The kinds the resources view lists: where to list them and the columns shown (pure).

/** An owner reference, as `metadata.ownerReferences` holds them. */
export interface OwnerReference {
  apiVersion?: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

/** Any Kubernetes object, as the resources view reads it. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    creationTimestamp?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    ownerReferences?: OwnerReference[];
    managedFields?: unknown[];
    deletionTimestamp?: string;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [field: string]: unknown;
}

/** A kind: its list path (all namespaces) and its columns after NAMESPACE and NAME. */
export interface ResourceKind {
  /** The resource (plural), as kubectl names it. */
  id: string;
  /** The Kind (`Pod`), as objects and owner references name it. */
  kind: string;
  /** The API group version's path: `/api/v1`, `/apis/apps/v1`. */
  base: string;
  /** The list path of every namespace. */
  path: string;
  namespaced: boolean;
  columns: { id: string; value(o: KubeObject): string }[];
}

/** The path of one object of a kind (PUT and GET), or of its namespace's list when `name` is empty. */
export function objectPath(kind: ResourceKind, namespace: string | undefined, name: string): string {
  const ns = kind.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${kind.base}${ns}/${kind.id}${name ? `/${encodeURIComponent(name)}` : ''}`;
}

/** The kind of `id` (a resource), or of a Kind name (`ReplicaSet`). */
export function kindOf(idOrKind: string): ResourceKind | undefined {
  return RESOURCE_KINDS.find((k) => k.id === idOrKind || k.kind === idOrKind);
}

function at(o: unknown, ...path: string[]): unknown {
  let v = o;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** The `IP:port` pairs of an Endpoints object's ready addresses. */
export function endpointAddresses(o: KubeObject): string[] {
  const subsets = (at(o, 'subsets') as { addresses?: { ip?: string }[]; ports?: { port?: number }[] }[] | undefined) ?? [];
  return subsets.flatMap((s) => (s.addresses ?? []).flatMap((a) => ((s.ports ?? []).length ? (s.ports ?? []).map((p) => `${a.ip ?? ''}:${p.port ?? ''}`) : [a.ip ?? ''])));
}

function count(v: unknown): string {
  return typeof v === 'number' ? String(v) : '0';
}

export const RESOURCE_KINDS: ResourceKind[] = [
  {
    id: 'pods',
    kind: 'Pod',
    base: '/api/v1',
    path: '/api/v1/pods',
    namespaced: true,
    columns: [
      { id: 'status', value: (o) => (o.metadata as { deletionTimestamp?: string }).deletionTimestamp ? 'Terminating' : str(at(o, 'status', 'phase')) },
      { id: 'node', value: (o) => str(at(o, 'spec', 'nodeName')) },
      { id: 'ip', value: (o) => str(at(o, 'status', 'podIP')) },
    ],
  },
  {
    id: 'deployments',
    kind: 'Deployment',
    base: '/apis/apps/v1',
    path: '/apis/apps/v1/deployments',
    namespaced: true,
    columns: [
      { id: 'ready', value: (o) => `${count(at(o, 'status', 'readyReplicas'))}/${count(at(o, 'spec', 'replicas'))}` },
      { id: 'upToDate', value: (o) => count(at(o, 'status', 'updatedReplicas')) },
      { id: 'available', value: (o) => count(at(o, 'status', 'availableReplicas')) },
    ],
  },
  {
    id: 'replicasets',
    kind: 'ReplicaSet',
    base: '/apis/apps/v1',
    path: '/apis/apps/v1/replicasets',
    namespaced: true,
    columns: [
      { id: 'desired', value: (o) => count(at(o, 'spec', 'replicas')) },
      { id: 'current', value: (o) => count(at(o, 'status', 'replicas')) },
      { id: 'ready', value: (o) => count(at(o, 'status', 'readyReplicas')) },
    ],
  },
  {
    id: 'services',
    kind: 'Service',
    base: '/api/v1',
    path: '/api/v1/services',
    namespaced: true,
    columns: [
      { id: 'type', value: (o) => str(at(o, 'spec', 'type')) },
      { id: 'clusterIP', value: (o) => str(at(o, 'spec', 'clusterIP')) },
      {
        id: 'ports',
        value: (o) =>
          ((at(o, 'spec', 'ports') as { port?: number; protocol?: string }[] | undefined) ?? []).map((p) => `${p.port ?? ''}/${p.protocol ?? 'TCP'}`).join(','),
      },
    ],
  },
  {
    id: 'nodes',
    kind: 'Node',
    base: '/api/v1',
    path: '/api/v1/nodes',
    namespaced: false,
    columns: [
      {
        id: 'status',
        value: (o) => {
          const ready = ((at(o, 'status', 'conditions') as { type: string; status: string }[] | undefined) ?? []).find((c) => c.type === 'Ready');
          return ready?.status === 'True' ? 'Ready' : 'NotReady';
        },
      },
      { id: 'version', value: (o) => str(at(o, 'status', 'nodeInfo', 'kubeletVersion')) },
    ],
  },
  {
    id: 'events',
    kind: 'Event',
    base: '/api/v1',
    path: '/api/v1/events',
    namespaced: true,
    columns: [
      { id: 'type', value: (o) => str(o.type) },
      { id: 'reason', value: (o) => str(o.reason) },
      { id: 'object', value: (o) => `${str(at(o, 'involvedObject', 'kind')).toLowerCase()}/${str(at(o, 'involvedObject', 'name'))}` },
      { id: 'message', value: (o) => str(o.message) },
    ],
  },
  {
    id: 'statefulsets',
    kind: 'StatefulSet',
    base: '/apis/apps/v1',
    path: '/apis/apps/v1/statefulsets',
    namespaced: true,
    columns: [{ id: 'ready', value: (o) => `${count(at(o, 'status', 'readyReplicas'))}/${count(at(o, 'spec', 'replicas'))}` }],
  },
  {
    id: 'daemonsets',
    kind: 'DaemonSet',
    base: '/apis/apps/v1',
    path: '/apis/apps/v1/daemonsets',
    namespaced: true,
    columns: [
      { id: 'desired', value: (o) => count(at(o, 'status', 'desiredNumberScheduled')) },
      { id: 'ready', value: (o) => count(at(o, 'status', 'numberReady')) },
    ],
  },
  {
    id: 'jobs',
    kind: 'Job',
    base: '/apis/batch/v1',
    path: '/apis/batch/v1/jobs',
    namespaced: true,
    columns: [{ id: 'completions', value: (o) => `${count(at(o, 'status', 'succeeded'))}/${count(at(o, 'spec', 'completions'))}` }],
  },
  {
    id: 'endpoints',
    kind: 'Endpoints',
    base: '/api/v1',
    path: '/api/v1/endpoints',
    namespaced: true,
    columns: [{ id: 'endpoints', value: (o) => endpointAddresses(o).join(',') }],
  },
  {
    id: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    base: '/api/v1',
    path: '/api/v1/persistentvolumeclaims',
    namespaced: true,
    columns: [
      { id: 'status', value: (o) => str(at(o, 'status', 'phase')) },
      { id: 'volume', value: (o) => str(at(o, 'spec', 'volumeName')) },
      { id: 'capacity', value: (o) => str(at(o, 'status', 'capacity', 'storage')) },
    ],
  },
  {
    id: 'persistentvolumes',
    kind: 'PersistentVolume',
    base: '/api/v1',
    path: '/api/v1/persistentvolumes',
    namespaced: false,
    columns: [
      { id: 'capacity', value: (o) => str(at(o, 'spec', 'capacity', 'storage')) },
      { id: 'status', value: (o) => str(at(o, 'status', 'phase')) },
      { id: 'claim', value: (o) => (at(o, 'spec', 'claimRef', 'name') ? `${str(at(o, 'spec', 'claimRef', 'namespace'))}/${str(at(o, 'spec', 'claimRef', 'name'))}` : '') },
    ],
  },
  {
    id: 'configmaps',
    kind: 'ConfigMap',
    base: '/api/v1',
    path: '/api/v1/configmaps',
    namespaced: true,
    columns: [{ id: 'data', value: (o) => String(Object.keys((o.data as Record<string, unknown> | undefined) ?? {}).length) }],
  },
  { id: 'namespaces', kind: 'Namespace', base: '/api/v1', path: '/api/v1/namespaces', namespaced: false, columns: [{ id: 'status', value: (o) => str(at(o, 'status', 'phase')) }] },
];

/** `namespace/name`, or the name of a cluster-scoped object. */
export function objectKey(o: KubeObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name ?? ''}` : (o.metadata.name ?? '');
}
