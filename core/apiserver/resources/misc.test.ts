import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../api/duration';
import type { CustomResourceDefinition, HorizontalPodAutoscaler, KubeObject, Lease, PodDisruptionBudget, RoleBinding } from '../../api/types';
import { Random } from '../../clock/random';
import type { ResourceDef, StrategyContext } from '../registry';
import { componentStatuses, componentstatuses } from './componentstatuses';
import { customresourcedefinitions } from './crds';
import { causeLines, simulateCreate, simulateUpdate } from './harness';
import { horizontalpodautoscalersV1, horizontalpodautoscalersV2 } from './hpa';
import { type HorizontalPodAutoscalerV1, hpaV1ToV2, hpaV2ToV1 } from './hpa-convert';
import { leases } from './leases';
import { poddisruptionbudgets } from './pdb';
import { clusterrolebindings, clusterroles, rolebindings, roles } from './rbac';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ctx = (): StrategyContext => ({ now: () => NOW, random: new Random(23) });
const columns = (def: ResourceDef) => def.printer.columns.map((c) => (c.priority ? `${c.name}*` : c.name));
const created = <T extends KubeObject>(def: ResourceDef, body: KubeObject) => simulateCreate<T>(def, body, ctx());
const at = (minutesAgo: number) => rfc3339(NOW - minutesAgo * 60_000);

describe('horizontalpodautoscalers', () => {
  const v2 = { metadata: { name: 'web' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5 } };

  it('prints NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE', () => {
    expect(columns(horizontalpodautoscalersV2)).toEqual(['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age']);
    const hpa = created<HorizontalPodAutoscaler>(horizontalpodautoscalersV2, v2).obj;
    hpa.metadata.creationTimestamp = at(30);
    expect(horizontalpodautoscalersV2.printer.cells(hpa, NOW)).toEqual(['web', 'Deployment/web', 'cpu: <unknown>/80%', '1', 5, 0, '30m']);
    hpa.status = { currentReplicas: 2, desiredReplicas: 2, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 43 } } }] };
    expect(horizontalpodautoscalersV2.printer.cells(hpa, NOW).slice(2, 6)).toEqual(['cpu: 43%/80%', '1', 5, 2]);
  });

  it('defaults minReplicas 1 and CPU at 80% in v2; v1 converts to the same', () => {
    const hpa = created<HorizontalPodAutoscaler>(horizontalpodautoscalersV2, v2).obj;
    expect(hpa.spec).toMatchObject({ minReplicas: 1, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] });
    expect(hpa.status).toEqual({ desiredReplicas: 0 });
    const v1 = created<HorizontalPodAutoscalerV1>(horizontalpodautoscalersV1, { metadata: { name: 'web' }, spec: { scaleTargetRef: v2.spec.scaleTargetRef, maxReplicas: 5, targetCPUUtilizationPercentage: 50 } }).obj;
    expect([v1.spec.minReplicas, v1.status]).toEqual([1, { currentReplicas: 0, desiredReplicas: 0 }]);
    expect(horizontalpodautoscalersV1.printer.cells({ ...v1, metadata: { ...v1.metadata, creationTimestamp: at(1) } }, NOW)[2]).toBe('cpu: <unknown>/50%');
  });

  it('round-trips between v1 and v2, carrying other metrics in annotations', () => {
    const stored = hpaV1ToV2({ metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 3, targetCPUUtilizationPercentage: 60 } });
    expect(stored.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }]);
    const mem: HorizontalPodAutoscaler = { metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }] } };
    const asV1 = hpaV2ToV1(mem);
    expect(asV1.spec.targetCPUUtilizationPercentage).toBeUndefined();
    expect(JSON.parse(asV1.metadata.annotations?.['autoscaling.alpha.kubernetes.io/metrics'] ?? '[]')).toEqual([{ type: 'Resource', resource: { name: 'memory', targetAverageValue: '100Mi' } }]);
    expect(hpaV1ToV2(asV1).spec.metrics).toEqual(mem.spec.metrics);
  });

  it('rejects maxReplicas below minReplicas', () => {
    expect(causeLines(created(horizontalpodautoscalersV2, { ...v2, spec: { ...v2.spec, minReplicas: 3, maxReplicas: 2 } }).causes)).toEqual(['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`']);
  });
});

describe('leases', () => {
  it('prints NAME HOLDER AGE and validates the duration', () => {
    expect(columns(leases)).toEqual(['Name', 'Holder', 'Age']);
    const lease: Lease = { metadata: { name: 'kube-scheduler', creationTimestamp: at(90) }, spec: { holderIdentity: 'cp_1a2b', leaseDurationSeconds: 15 } };
    expect(leases.printer.cells(lease, NOW)).toEqual(['kube-scheduler', 'cp_1a2b', '90m']);
    expect(causeLines(created(leases, { metadata: { name: 'l' }, spec: { leaseDurationSeconds: 0 } }).causes)).toEqual(['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']);
  });
});

describe('poddisruptionbudgets', () => {
  it('prints NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE', () => {
    expect(columns(poddisruptionbudgets)).toEqual(['Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions', 'Age']);
    const pdb = created<PodDisruptionBudget>(poddisruptionbudgets, { metadata: { name: 'web' }, spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } } } }).obj;
    pdb.metadata.creationTimestamp = at(4);
    expect(poddisruptionbudgets.printer.cells(pdb, NOW)).toEqual(['web', '50%', 'N/A', 0, '4m']);
    expect(pdb.status).toEqual({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 });
  });

  it('rejects both minAvailable and maxUnavailable', () => {
    expect(causeLines(created(poddisruptionbudgets, { metadata: { name: 'p' }, spec: { minAvailable: 1, maxUnavailable: 1 } }).causes)).toEqual(['spec: Invalid value: policy.PodDisruptionBudgetSpec{...}: minAvailable and maxUnavailable cannot be both set']);
  });
});

describe('rbac', () => {
  it('prints roles with NAME CREATED AT and bindings with their role and subjects', () => {
    expect(columns(roles)).toEqual(['Name', 'Created At']);
    expect(columns(clusterroles)).toEqual(['Name', 'Created At']);
    expect(columns(rolebindings)).toEqual(['Name', 'Role', 'Age', 'Users*', 'Groups*', 'ServiceAccounts*']);
    expect(columns(clusterrolebindings)).toEqual(columns(rolebindings));
    const rb = created<RoleBinding>(rolebindings, { metadata: { name: 'read' }, roleRef: { kind: 'Role', name: 'reader' }, subjects: [{ kind: 'User', name: 'alice' }, { kind: 'User', name: 'bob' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'dev' }, { kind: 'Group', name: 'ops' }] }).obj;
    rb.metadata.creationTimestamp = at(2);
    expect(rolebindings.printer.cells(rb, NOW)).toEqual(['read', 'Role/reader', '2m', 'alice, bob', 'ops', 'dev/ci']);
    expect(rb.roleRef.apiGroup).toBe('rbac.authorization.k8s.io');
    expect(rb.subjects?.[0]?.apiGroup).toBe('rbac.authorization.k8s.io');
  });

  it('validates rules and keeps the roleRef', () => {
    expect(causeLines(created(roles, { metadata: { name: 'r' }, rules: [{ verbs: ['get'] }] }).causes)).toEqual([
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
      'rules[0].resources: Required value: resource rules must supply at least one resource',
    ]);
    const old = created<RoleBinding>(clusterrolebindings, { metadata: { name: 'b' }, roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'x', namespace: 'd' }] }).obj;
    expect(causeLines(simulateUpdate(clusterrolebindings, { ...old, roleRef: { ...old.roleRef, name: 'edit' } }, old, ctx()).causes)).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    ]);
  });
});

describe('customresourcedefinitions', () => {
  const body = {
    metadata: { name: 'crontabs.stable.example.com' },
    spec: { group: 'stable.example.com', scope: 'Namespaced', names: { plural: 'crontabs', kind: 'CronTab', shortNames: ['ct'] }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }] },
  };

  it('prints NAME CREATED AT; defaults names, conversion, stored versions, generation', () => {
    expect(columns(customresourcedefinitions)).toEqual(['Name', 'Created At']);
    const { obj, causes } = created<CustomResourceDefinition>(customresourcedefinitions, body);
    expect(causes).toEqual([]);
    expect(obj.spec.names).toEqual({ plural: 'crontabs', kind: 'CronTab', shortNames: ['ct'], singular: 'crontab', listKind: 'CronTabList' });
    expect(obj.spec.conversion).toEqual({ strategy: 'None' });
    expect([obj.status, obj.metadata.generation]).toEqual([{ acceptedNames: { plural: '', kind: '' }, storedVersions: ['v1'] }, 1]);
  });

  it('requires the name to be plural.group', () => {
    expect(causeLines(created(customresourcedefinitions, { ...body, metadata: { name: 'crontab.stable.example.com' } }).causes)).toEqual(['metadata.name: Invalid value: "crontab.stable.example.com": must be spec.names.plural+"."+spec.group']);
  });
});

describe('componentstatuses', () => {
  it('prints NAME STATUS MESSAGE ERROR for the computed components', () => {
    expect(columns(componentstatuses)).toEqual(['Name', 'Status', 'Message', 'Error']);
    const rows = componentStatuses({ scheduler: false }).map((cs) => componentstatuses.printer.cells(cs, NOW));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([['scheduler', 'Unhealthy', ''], ['controller-manager', 'Healthy', 'ok'], ['etcd-0', 'Healthy', 'ok']]);
    expect(componentstatuses.verbs).toEqual(['get', 'list']);
  });
});
