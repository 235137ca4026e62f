// The kinds the resources view lists: where to list them and the columns shown (pure).

/** Any Kubernetes object, as the resources view reads it. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name?: string; namespace?: string; uid?: string; creationTimestamp?: string; resourceVersion?: string };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [field: string]: unknown;
}

/** A kind: its list path (all namespaces) and its columns after NAMESPACE and NAME. */
export interface ResourceKind {
  id: string;
  path: string;
  namespaced: boolean;
  columns: { id: string; value(o: KubeObject): string }[];
}

function at(o: unknown, ...path: string[]): unknown {
  let v = o;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function count(v: unknown): string {
  return typeof v === 'number' ? String(v) : '0';
}

export const RESOURCE_KINDS: ResourceKind[] = [
  {
    id: 'pods',
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
    id: 'configmaps',
    path: '/api/v1/configmaps',
    namespaced: true,
    columns: [{ id: 'data', value: (o) => String(Object.keys((o.data as Record<string, unknown> | undefined) ?? {}).length) }],
  },
  { id: 'namespaces', path: '/api/v1/namespaces', namespaced: false, columns: [{ id: 'status', value: (o) => str(at(o, 'status', 'phase')) }] },
];

/** `namespace/name`, or the name of a cluster-scoped object. */
export function objectKey(o: KubeObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name ?? ''}` : (o.metadata.name ?? '');
}
