import { describe, expect, it } from 'vitest';
import { apiVersionOf } from '../registry';
import { BUILTIN_RESOURCES } from './index';

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** `kubectl api-resources -o wide` of a v1.32 cluster for these resources: name, short names, apiVersion, namespaced, kind, categories. */
const EXPECTED: [string, string, string, boolean, string, string][] = [
  ['componentstatuses', 'cs', 'v1', false, 'ComponentStatus', ''],
  ['configmaps', 'cm', 'v1', true, 'ConfigMap', ''],
  ['endpoints', 'ep', 'v1', true, 'Endpoints', ''],
  ['events', 'ev', 'v1', true, 'Event', ''],
  ['limitranges', 'limits', 'v1', true, 'LimitRange', ''],
  ['namespaces', 'ns', 'v1', false, 'Namespace', ''],
  ['nodes', 'no', 'v1', false, 'Node', ''],
  ['persistentvolumeclaims', 'pvc', 'v1', true, 'PersistentVolumeClaim', ''],
  ['persistentvolumes', 'pv', 'v1', false, 'PersistentVolume', ''],
  ['pods', 'po', 'v1', true, 'Pod', 'all'],
  ['replicationcontrollers', 'rc', 'v1', true, 'ReplicationController', 'all'],
  ['resourcequotas', 'quota', 'v1', true, 'ResourceQuota', ''],
  ['secrets', '', 'v1', true, 'Secret', ''],
  ['serviceaccounts', 'sa', 'v1', true, 'ServiceAccount', ''],
  ['services', 'svc', 'v1', true, 'Service', 'all'],
  ['customresourcedefinitions', 'crd,crds', 'apiextensions.k8s.io/v1', false, 'CustomResourceDefinition', 'api-extensions'],
  ['controllerrevisions', '', 'apps/v1', true, 'ControllerRevision', ''],
  ['daemonsets', 'ds', 'apps/v1', true, 'DaemonSet', 'all'],
  ['deployments', 'deploy', 'apps/v1', true, 'Deployment', 'all'],
  ['replicasets', 'rs', 'apps/v1', true, 'ReplicaSet', 'all'],
  ['statefulsets', 'sts', 'apps/v1', true, 'StatefulSet', 'all'],
  ['horizontalpodautoscalers', 'hpa', 'autoscaling/v2', true, 'HorizontalPodAutoscaler', 'all'],
  ['horizontalpodautoscalers', 'hpa', 'autoscaling/v1', true, 'HorizontalPodAutoscaler', 'all'],
  ['cronjobs', 'cj', 'batch/v1', true, 'CronJob', 'all'],
  ['jobs', '', 'batch/v1', true, 'Job', 'all'],
  ['leases', '', 'coordination.k8s.io/v1', true, 'Lease', ''],
  ['endpointslices', '', 'discovery.k8s.io/v1', true, 'EndpointSlice', ''],
  ['events', 'ev', 'events.k8s.io/v1', true, 'Event', ''],
  ['ingressclasses', '', 'networking.k8s.io/v1', false, 'IngressClass', ''],
  ['ingresses', 'ing', 'networking.k8s.io/v1', true, 'Ingress', ''],
  ['networkpolicies', 'netpol', 'networking.k8s.io/v1', true, 'NetworkPolicy', ''],
  ['poddisruptionbudgets', 'pdb', 'policy/v1', true, 'PodDisruptionBudget', ''],
  ['clusterrolebindings', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRoleBinding', ''],
  ['clusterroles', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRole', ''],
  ['rolebindings', '', 'rbac.authorization.k8s.io/v1', true, 'RoleBinding', ''],
  ['roles', '', 'rbac.authorization.k8s.io/v1', true, 'Role', ''],
  ['storageclasses', 'sc', 'storage.k8s.io/v1', false, 'StorageClass', ''],
  ['selfsubjectreviews', '', 'authentication.k8s.io/v1', false, 'SelfSubjectReview', ''],
  ['localsubjectaccessreviews', '', 'authorization.k8s.io/v1', true, 'LocalSubjectAccessReview', ''],
  ['selfsubjectaccessreviews', '', 'authorization.k8s.io/v1', false, 'SelfSubjectAccessReview', ''],
  ['selfsubjectrulesreviews', '', 'authorization.k8s.io/v1', false, 'SelfSubjectRulesReview', ''],
  ['subjectaccessreviews', '', 'authorization.k8s.io/v1', false, 'SubjectAccessReview', ''],
  ['priorityclasses', 'pc', 'scheduling.k8s.io/v1', false, 'PriorityClass', ''],
];

const SUBRESOURCES: Record<string, string[]> = {
  'v1/pods': ['status', 'binding', 'eviction', 'log', 'exec', 'attach'],
  'v1/nodes': ['status'],
  'v1/namespaces': ['status', 'finalize'],
  'v1/services': ['status'],
  'v1/persistentvolumes': ['status'],
  'v1/persistentvolumeclaims': ['status'],
  'v1/resourcequotas': ['status'],
  'v1/replicationcontrollers': ['scale', 'status'],
  'apps/v1/deployments': ['scale', 'status'],
  'apps/v1/replicasets': ['scale', 'status'],
  'apps/v1/statefulsets': ['scale', 'status'],
  'apps/v1/daemonsets': ['status'],
  'batch/v1/jobs': ['status'],
  'batch/v1/cronjobs': ['status'],
  'autoscaling/v2/horizontalpodautoscalers': ['status'],
  'autoscaling/v1/horizontalpodautoscalers': ['status'],
  'networking.k8s.io/v1/ingresses': ['status'],
  'policy/v1/poddisruptionbudgets': ['status'],
  'apiextensions.k8s.io/v1/customresourcedefinitions': ['status'],
};

describe('discovery data of the built-in resources', () => {
  const byKey = new Map(BUILTIN_RESOURCES.map((d) => [`${apiVersionOf(d)}/${d.resource}`, d]));

  it('serves exactly the resources of the table, once each', () => {
    expect([...byKey.keys()].sort()).toEqual(EXPECTED.map(([name, , av]) => `${av}/${name}`).sort());
    expect(byKey.size).toBe(BUILTIN_RESOURCES.length);
  });

  it.each(EXPECTED)('%s (%s, %s) has the real names, scope, kind and categories', (name, short, av, namespaced, kind, categories) => {
    const def = byKey.get(`${av}/${name}`);
    expect(def).toBeDefined();
    expect({ short: def?.shortNames.join(','), namespaced: def?.namespaced, kind: def?.kind, categories: def?.categories.join(','), singular: def?.singular }).toEqual({
      short,
      namespaced,
      kind,
      categories,
      singular: name === 'endpoints' ? 'endpoints' : kind.toLowerCase(),
    });
  });

  it('lists the real verbs (get and list only for componentstatuses, no deletecollection on namespaces, create only for reviews)', () => {
    for (const def of BUILTIN_RESOURCES) {
      const review = def.group === 'authorization.k8s.io' || def.group === 'authentication.k8s.io';
      const expected = def.resource === 'componentstatuses' ? ['get', 'list'] : def.resource === 'namespaces' ? ALL.filter((v) => v !== 'deletecollection') : review ? ['create'] : ALL;
      expect([def.resource, def.verbs]).toEqual([def.resource, expected]);
    }
  });

  it('lists the subresources served, and scale paths where there is a scale subresource', () => {
    for (const def of BUILTIN_RESOURCES) {
      const key = `${apiVersionOf(def)}/${def.resource}`;
      expect([key, [...def.subresources].sort()]).toEqual([key, [...(SUBRESOURCES[key] ?? [])].sort()]);
      expect([key, def.scale !== undefined]).toEqual([key, def.subresources.includes('scale')]);
    }
  });

  it('names the OpenAPI definition of every kind', () => {
    for (const def of BUILTIN_RESOURCES) {
      const group = def.group === '' ? 'core' : def.group.split('.')[0];
      if (def.group === 'apiextensions.k8s.io') expect(def.schemaName).toBe('io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition');
      else expect(def.schemaName).toBe(`io.k8s.api.${group}.${def.version}.${def.kind}`);
    }
  });

  it('keeps a generation where the real strategies do', () => {
    const withGeneration = BUILTIN_RESOURCES.filter((d) => d.hasGeneration).map((d) => `${apiVersionOf(d)}/${d.resource}`).sort();
    expect(withGeneration).toEqual(
      [
        'apiextensions.k8s.io/v1/customresourcedefinitions', 'apps/v1/daemonsets', 'apps/v1/deployments', 'apps/v1/replicasets', 'apps/v1/statefulsets', 'batch/v1/cronjobs', 'batch/v1/jobs',
        'discovery.k8s.io/v1/endpointslices', 'networking.k8s.io/v1/ingressclasses', 'networking.k8s.io/v1/ingresses', 'networking.k8s.io/v1/networkpolicies', 'policy/v1/poddisruptionbudgets', 'v1/replicationcontrollers',
      ].sort(),
    );
  });

  it('orders autoscaling v2 before v1, so that v2 is the preferred version', () => {
    const versions = BUILTIN_RESOURCES.filter((d) => d.group === 'autoscaling').map((d) => d.version);
    expect(versions).toEqual(['v2', 'v1']);
  });
});
