import { describe, expect, it } from 'vitest';
import { deploymentTrees, relatedOf, serviceTrees, storageTrees, type ObjectsByResource } from './relations';
import type { KubeObject } from './resources';

function obj(name: string, extra: Partial<KubeObject> & { uid?: string; owner?: string; namespace?: string } = {}): KubeObject {
  const { uid, owner, namespace = 'default', ...rest } = extra;
  return {
    metadata: { name, namespace, uid: uid ?? `uid-${name}`, ...(owner ? { ownerReferences: [{ kind: 'X', name: owner, uid: `uid-${owner}` }] } : {}) },
    ...rest,
  };
}

const deployment = obj('web', { spec: { replicas: 2 }, status: { readyReplicas: 1 } });
const oldRs = { ...obj('web-1', { owner: 'web', spec: { replicas: 0 } }), metadata: { ...obj('web-1', { owner: 'web' }).metadata, annotations: { 'deployment.kubernetes.io/revision': '1' } } };
const newRs = { ...obj('web-2', { owner: 'web', spec: { replicas: 2 }, status: { readyReplicas: 1 } }), metadata: { ...obj('web-2', { owner: 'web' }).metadata, annotations: { 'deployment.kubernetes.io/revision': '2' } } };
const pods = [obj('web-2-a', { owner: 'web-2', status: { phase: 'Running' } }), obj('web-2-b', { owner: 'web-2', status: { phase: 'Pending' } }), obj('lonely', { status: { phase: 'Running' } })];
const all: ObjectsByResource = {
  deployments: [deployment],
  replicasets: [oldRs, newRs],
  pods: [...pods, obj('db-0', { status: { phase: 'Running' }, spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }] } })],
  services: [obj('web', { spec: { type: 'ClusterIP', clusterIP: '10.96.0.20' } })],
  endpoints: [
    obj('web', {
      subsets: [{ addresses: [{ ip: '10.244.1.2', targetRef: { kind: 'Pod', name: 'web-2-a' } }], notReadyAddresses: [{ ip: '10.244.2.3', targetRef: { kind: 'Pod', name: 'web-2-b' } }], ports: [{ port: 80 }] }],
    }),
  ],
  persistentvolumeclaims: [obj('data-db-0', { spec: { volumeName: 'pvc-123' }, status: { phase: 'Bound' } })],
  persistentvolumes: [obj('pvc-123', { namespace: '', spec: { claimRef: { namespace: 'default', name: 'data-db-0' } }, status: { phase: 'Bound' } })],
};
all.persistentvolumes = [{ ...(all.persistentvolumes?.[0] as KubeObject), metadata: { name: 'pvc-123', uid: 'uid-pv' } }];

describe('relations', () => {
  it('draws Deployment → ReplicaSets (newest revision first) → Pods by owner references', () => {
    const [tree] = deploymentTrees(all);
    expect(tree?.summary).toEqual({ key: 'replicas', ready: 1, desired: 2 });
    expect(tree?.children.map((c) => c.ref.name)).toEqual(['web-2', 'web-1']);
    expect(tree?.children[0]?.children.map((p) => [p.ref.name, p.summary])).toEqual([
      ['web-2-a', { key: 'phase', phase: 'Running' }],
      ['web-2-b', { key: 'phase', phase: 'Pending' }],
    ]);
    expect(tree?.children[1]?.children).toEqual([]);
    expect(deploymentTrees(all, 'kube-system')).toEqual([]);
  });

  it('draws Service → Endpoints → the pods behind its addresses, ready or not', () => {
    const [tree] = serviceTrees(all);
    expect(tree?.summary).toEqual({ key: 'service', type: 'ClusterIP', clusterIP: '10.96.0.20' });
    expect(tree?.children[0]?.ref).toMatchObject({ resource: 'endpoints', kind: 'Endpoints', name: 'web' });
    expect(tree?.children[0]?.summary).toEqual({ key: 'addresses', count: 1 });
    expect(tree?.children[0]?.children.map((p) => p.ref.name)).toEqual(['web-2-a', 'web-2-b']);
  });

  it('draws PersistentVolumeClaim → its bound PersistentVolume and the pods that mount it', () => {
    const [tree] = storageTrees(all);
    expect(tree?.children.map((c) => [c.ref.kind, c.ref.name, c.via])).toEqual([
      ['PersistentVolume', 'pvc-123', 'volumeName'],
      ['Pod', 'db-0', 'claim'],
    ]);
  });

  it('finds an object’s owners, dependents and linked objects', () => {
    const rs = relatedOf(newRs, 'replicasets', all);
    // An owner of a kind the lab does not list has no resource to open.
    expect(rs.owners).toEqual([{ resource: '', kind: 'X', namespace: 'default', name: 'web' }]);
    expect(rs.dependents.map((d) => d.name)).toEqual(['web-2-a', 'web-2-b']);
    const pod = relatedOf({ ...(pods[0] as KubeObject), spec: { nodeName: 'kubelab-worker' } }, 'pods', all);
    expect(pod.linked).toEqual([
      { resource: 'endpoints', kind: 'Endpoints', namespace: 'default', name: 'web' },
      { resource: 'nodes', kind: 'Node', name: 'kubelab-worker' },
    ]);
    const svc = relatedOf(all.services?.[0] as KubeObject, 'services', all);
    expect(svc.linked.map((l) => l.kind)).toEqual(['Endpoints']);
    const pvc = relatedOf(all.persistentvolumeclaims?.[0] as KubeObject, 'persistentvolumeclaims', all);
    expect(pvc.linked.map((l) => `${l.kind}/${l.name}`)).toEqual(['PersistentVolume/pvc-123', 'Pod/db-0']);
  });

  it('names an owner of a known kind by its resource', () => {
    const pod = { ...obj('p'), metadata: { ...obj('p').metadata, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-2', uid: 'uid-web-2' }] } };
    expect(relatedOf(pod, 'pods', all).owners).toEqual([{ resource: 'replicasets', kind: 'ReplicaSet', namespace: 'default', name: 'web-2' }]);
  });
});
