/**
 * One valid object per built-in resource: the seeds the fuzzer mutates. Each is accepted by a
 * real API server as it stands (checked by the fuzz test before it starts mutating).
 */

type Obj = Record<string, unknown>;

const podSpec = (): Obj => ({
  containers: [
    {
      name: 'app',
      image: 'nginx:1.27',
      ports: [{ containerPort: 80, name: 'http' }],
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
      env: [{ name: 'A', value: 'b' }],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    },
  ],
  volumes: [{ name: 'data', emptyDir: {} }],
  restartPolicy: 'Always',
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
});

const template = (labels: Obj): Obj => ({ metadata: { labels }, spec: podSpec() });

/** Builders of a valid object, by `group/resource` (core group: empty). */
export const BUILDERS: Record<string, (name: string) => Obj> = {
  '/pods': (name) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name, tier: 'fuzz' }, annotations: { note: 'fuzz' } }, spec: podSpec() }),
  '/services': (name) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }], type: 'ClusterIP' } }),
  '/configmaps': (name) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { 'key.txt': 'value', other: 'x' } }),
  '/secrets': (name) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: 'Opaque', data: { password: 'cGFzc3dvcmQ=' }, stringData: { user: 'admin' } }),
  '/serviceaccounts': (name) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } }),
  '/namespaces': (name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { fuzz: 'true' } } }),
  '/nodes': (name) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: { unschedulable: true, taints: [{ key: 'fuzz', effect: 'NoSchedule' }] } }),
  '/endpoints': (name) => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name }, subsets: [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80, protocol: 'TCP' }] }] }),
  '/events': (name) => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name },
    involvedObject: { kind: 'Pod', name: 'x', namespace: 'fuzz' },
    reason: 'Fuzzed',
    message: 'a fuzzed event',
    type: 'Normal',
    source: { component: 'fuzzer' },
    count: 1,
    firstTimestamp: '2026-01-01T00:00:00Z',
    lastTimestamp: '2026-01-01T00:00:00Z',
  }),
  '/persistentvolumes': (name) => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/tmp/x' }, persistentVolumeReclaimPolicy: 'Retain' } }),
  '/persistentvolumeclaims': (name) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }),
  '/resourcequotas': (name) => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec: { hard: { pods: '1000', 'requests.cpu': '1000' } } }),
  '/limitranges': (name) => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name }, spec: { limits: [{ type: 'Container', max: { cpu: '64' }, min: { cpu: '1m' } }] } }),
  '/replicationcontrollers': (name) => ({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name }, spec: { replicas: 0, selector: { app: name }, template: template({ app: name }) } }),
  'apps/deployments': (name) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: { replicas: 0, selector: { matchLabels: { app: name } }, template: template({ app: name }), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } } },
  }),
  'apps/replicasets': (name) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name }, spec: { replicas: 0, selector: { matchLabels: { app: name } }, template: template({ app: name }) } }),
  'apps/statefulsets': (name) => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name }, spec: { replicas: 0, serviceName: name, selector: { matchLabels: { app: name } }, template: template({ app: name }) } }),
  'apps/daemonsets': (name) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name }, spec: { selector: { matchLabels: { app: name } }, template: { ...template({ app: name }), spec: { ...podSpec(), nodeSelector: { fuzz: 'nowhere' } } } } }),
  'apps/controllerrevisions': (name) => ({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name }, revision: 1, data: { spec: { template: {} } } }),
  'batch/jobs': (name) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { suspend: true, template: { spec: { ...podSpec(), restartPolicy: 'Never' } }, backoffLimit: 1 } }),
  'batch/cronjobs': (name) => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name }, spec: { schedule: '*/5 * * * *', suspend: true, jobTemplate: { spec: { template: { spec: { ...podSpec(), restartPolicy: 'OnFailure' } } } } } }),
  'autoscaling/horizontalpodautoscalers': (name) => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: 1, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
  }),
  'networking.k8s.io/ingresses': (name) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name },
    spec: { rules: [{ host: 'example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: 80 } } } }] } }] },
  }),
  'networking.k8s.io/ingressclasses': (name) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name }, spec: { controller: 'example.com/ingress' } }),
  'networking.k8s.io/networkpolicies': (name) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name }, spec: { podSelector: { matchLabels: { app: name } }, policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] } }),
  'policy/poddisruptionbudgets': (name) => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec: { minAvailable: 1, selector: { matchLabels: { app: name } } } }),
  'rbac.authorization.k8s.io/roles': (name) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] }),
  'rbac.authorization.k8s.io/rolebindings': (name) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name },
    subjects: [{ kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' }],
    roleRef: { kind: 'Role', name, apiGroup: 'rbac.authorization.k8s.io' },
  }),
  'rbac.authorization.k8s.io/clusterroles': (name) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules: [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['*'] }] }),
  'rbac.authorization.k8s.io/clusterrolebindings': (name) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name },
    subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'fuzz' }],
    roleRef: { kind: 'ClusterRole', name: 'view', apiGroup: 'rbac.authorization.k8s.io' },
  }),
  'storage.k8s.io/storageclasses': (name) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner: 'example.com/fuzz', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' }),
  'coordination.k8s.io/leases': (name) => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name }, spec: { holderIdentity: name, leaseDurationSeconds: 40 } }),
  'discovery.k8s.io/endpointslices': (name) => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, labels: { 'kubernetes.io/service-name': name } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }],
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
  }),
  'events.k8s.io/events': (name) => ({
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { name },
    eventTime: '2026-01-01T00:00:00.000000Z',
    reportingController: 'example.com/fuzzer',
    reportingInstance: 'fuzzer-1',
    action: 'Fuzz',
    reason: 'Fuzzed',
    regarding: { kind: 'Pod', name: 'x', namespace: 'fuzz' },
    type: 'Normal',
    note: 'a fuzzed event',
  }),
  'apiextensions.k8s.io/customresourcedefinitions': (name) => {
    const plural = name.replace(/[^a-z]/g, '') || 'things';
    return {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.fuzz.example.com` },
      spec: {
        group: 'fuzz.example.com',
        scope: 'Namespaced',
        names: { plural, singular: `${plural}s`.slice(0, -1), kind: 'Thing', listKind: 'ThingList' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } } }],
      },
    };
  },
};

/** The builder of a resource, if there is one. */
export function builderFor(group: string, resource: string): ((name: string) => Obj) | undefined {
  return BUILDERS[`${group}/${resource}`];
}
