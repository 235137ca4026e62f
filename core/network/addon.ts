/**
 * The identity of kind's CNI (kindnet, which enforces NetworkPolicies since kind 0.24): the
 * `kindnet` ServiceAccount in kube-system and its ClusterRole and binding, as kind's manifest
 * creates them. The network agent reads pods, namespaces and policies as this account.
 */
import type { KubeObject } from '../api/types';

/** The objects giving the network agent its identity. */
export function kindnetRbac(): { resource: string; group?: string; object: KubeObject }[] {
  const rbac = 'rbac.authorization.k8s.io';
  return [
    { resource: 'serviceaccounts', object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kindnet', namespace: 'kube-system' } } },
    {
      resource: 'clusterroles',
      group: rbac,
      object: {
        apiVersion: `${rbac}/v1`,
        kind: 'ClusterRole',
        metadata: { name: 'kindnet' },
        rules: [
          { apiGroups: [''], resources: ['nodes'], verbs: ['list', 'watch', 'patch'] },
          { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
          { apiGroups: [''], resources: ['namespaces', 'pods'], verbs: ['list', 'watch'] },
          { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['list', 'watch'] },
        ],
      },
    },
    {
      resource: 'clusterrolebindings',
      group: rbac,
      object: {
        apiVersion: `${rbac}/v1`,
        kind: 'ClusterRoleBinding',
        metadata: { name: 'kindnet' },
        roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: 'kindnet' },
        subjects: [{ kind: 'ServiceAccount', name: 'kindnet', namespace: 'kube-system' }],
      },
    },
  ];
}
