import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../api/duration';
import type { DaemonSet, Deployment, KubeObject, ReplicaSet, ReplicationController, StatefulSet } from '../../api/types';
import { Random } from '../../clock/random';
import type { ResourceDef, StrategyContext } from '../registry';
import { controllerrevisions } from './controllerrevisions';
import { daemonsets } from './daemonsets';
import { deployments } from './deployments';
import { causeLines, simulateCreate, simulateUpdate } from './harness';
import { replicasets } from './replicasets';
import { replicationcontrollers } from './replicationcontrollers';
import { statefulsets } from './statefulsets';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ctx = (): StrategyContext => ({ now: () => NOW, random: new Random(3) });
const columns = (def: ResourceDef) => def.printer.columns.map((c) => (c.priority ? `${c.name}*` : c.name));
const template = (labels: Record<string, string>, image = 'nginx:1.27') => ({ metadata: { labels }, spec: { containers: [{ name: 'nginx', image }] } });
const created = <T extends KubeObject>(def: ResourceDef, body: KubeObject) => simulateCreate<T>(def, body, ctx());
const aged = <T extends KubeObject>(o: T): T => ({ ...o, metadata: { ...o.metadata, creationTimestamp: rfc3339(NOW - 5 * 60_000) } });

describe('deployments', () => {
  const body = { metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) } };

  it('prints NAME READY UP-TO-DATE AVAILABLE AGE, wide CONTAINERS IMAGES SELECTOR', () => {
    expect(columns(deployments)).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers*', 'Images*', 'Selector*']);
    const d = aged(created<Deployment>(deployments, body).obj);
    d.status = { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 };
    expect(deployments.printer.cells(d, NOW)).toEqual(['web', '2/3', 3, 2, '5m', 'nginx', 'nginx:1.27', 'app=web']);
  });

  it('defaults like apps/v1: RollingUpdate 25%/25%, 10 revisions, 600s, template defaults, empty status, generation 1', () => {
    const { obj, causes } = created<Deployment>(deployments, { metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) } });
    expect(causes).toEqual([]);
    expect(obj.spec).toMatchObject({ replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    expect(obj.spec.template).toMatchObject({ metadata: { creationTimestamp: null }, spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, securityContext: {} } });
    expect(obj.spec.template.spec.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} });
    expect(obj.spec.template.spec).not.toHaveProperty('enableServiceLinks');
    expect(obj.status).toEqual({});
    expect(obj.metadata.generation).toBe(1);
  });

  it('rejects a template whose labels the selector does not match, and negative replicas', () => {
    const { causes } = created(deployments, { ...body, spec: { ...body.spec, replicas: -1, template: template({ app: 'x' }) } });
    expect(causeLines(causes)).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]);
  });

  it('requires a selector, and then no template matches', () => {
    const { causes } = created(deployments, { metadata: { name: 'web' }, spec: { template: template({ app: 'web' }) } });
    expect(causeLines(causes)).toEqual(['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`']);
  });

  it('keeps the selector immutable, keeps status and bumps generation on spec or annotation change', () => {
    const old = created<Deployment>(deployments, body).obj;
    old.status = { replicas: 3 };
    const changed = simulateUpdate(deployments, { ...old, spec: { ...old.spec, selector: { matchLabels: { app: 'web2' } }, template: template({ app: 'web2' }) } }, old, ctx());
    expect(causeLines(changed.causes)).toEqual(['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable']);
    const scaled = simulateUpdate<Deployment>(deployments, { ...old, spec: { ...old.spec, replicas: 5 }, status: {} }, old, ctx()).obj;
    expect([scaled.metadata.generation, scaled.status]).toEqual([2, { replicas: 3 }]);
    const annotated = simulateUpdate(deployments, { ...old, metadata: { ...old.metadata, annotations: { a: 'b' } } }, old, ctx()).obj;
    expect(annotated.metadata.generation).toBe(2);
    expect(simulateUpdate(deployments, old, old, ctx()).obj.metadata.generation).toBe(1);
  });

  it('validates the rolling update parameters', () => {
    const { causes } = created(deployments, { ...body, spec: { ...body.spec, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } } });
    expect(causeLines(causes)).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0']);
  });
});

describe('replicasets', () => {
  const body = { metadata: { name: 'web-abc' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) } };

  it('prints NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR', () => {
    expect(columns(replicasets)).toEqual(['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers*', 'Images*', 'Selector*']);
    const rs = aged(created<ReplicaSet>(replicasets, body).obj);
    rs.status = { replicas: 2, readyReplicas: 1 };
    expect(replicasets.printer.cells(rs, NOW)).toEqual(['web-abc', 2, 2, 1, '5m', 'nginx', 'nginx:1.27', 'app=web']);
  });

  it('defaults replicas to 1 and status to replicas 0; selects on status.replicas', () => {
    const rs = created<ReplicaSet>(replicasets, { ...body, spec: { ...body.spec, replicas: undefined } }).obj;
    expect([rs.spec.replicas, rs.status]).toEqual([1, { replicas: 0 }]);
    expect(replicasets.selectableFields?.(rs)).toEqual({ 'status.replicas': '0' });
  });

  it('names deployments in the empty-selector message, as apps validation does', () => {
    const { causes } = created(replicasets, { ...body, spec: { ...body.spec, selector: {} } });
    expect(causeLines(causes)).toEqual(['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment']);
  });
});

describe('statefulsets', () => {
  const body = {
    metadata: { name: 'db' },
    spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: template({ app: 'db' }, 'postgres:16'), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] },
  };

  it('prints NAME READY AGE, wide CONTAINERS IMAGES', () => {
    expect(columns(statefulsets)).toEqual(['Name', 'Ready', 'Age', 'Containers*', 'Images*']);
    const sts = aged(created<StatefulSet>(statefulsets, body).obj);
    sts.status = { replicas: 2, readyReplicas: 1 };
    expect(statefulsets.printer.cells(sts, NOW)).toEqual(['db', '1/2', '5m', 'nginx', 'postgres:16']);
  });

  it('defaults policies, the update strategy, retention and the claim templates', () => {
    const sts = created<StatefulSet>(statefulsets, body).obj;
    expect(sts.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      revisionHistoryLimit: 10,
    });
    expect(sts.spec.volumeClaimTemplates?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', creationTimestamp: null }, spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
    expect(sts.status).toEqual({ replicas: 0, availableReplicas: 0 });
  });

  it('uses DNS-1123 label names and forbids updates beyond the mutable fields', () => {
    expect(causeLines(created(statefulsets, { ...body, metadata: { name: 'db.one' } }).causes)[0]).toMatch(/^metadata.name: Invalid value: "db.one": a lowercase RFC 1123 label must consist of/);
    const old = created<StatefulSet>(statefulsets, body).obj;
    const { causes } = simulateUpdate(statefulsets, { ...old, spec: { ...old.spec, serviceName: 'other' } }, old, ctx());
    expect(causeLines(causes)).toEqual(["spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"]);
  });
});

describe('daemonsets', () => {
  const body = { metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { ...template({ app: 'agent' }, 'fluentd'), spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'fluentd', image: 'fluentd' }] } } } };

  it('prints DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE, wide CONTAINERS IMAGES SELECTOR', () => {
    expect(columns(daemonsets)).toEqual(['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers*', 'Images*', 'Selector*']);
    const ds = aged(created<DaemonSet>(daemonsets, body).obj);
    ds.status = { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 };
    expect(daemonsets.printer.cells(ds, NOW)).toEqual(['agent', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '5m', 'fluentd', 'fluentd', 'app=agent']);
  });

  it('defaults RollingUpdate 1/0, counts the template generation in an annotation', () => {
    const ds = created<DaemonSet>(daemonsets, body).obj;
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(ds.status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
    const next = structuredClone(ds);
    next.spec.template.spec.containers[0]!.image = 'fluentd:2';
    const updated = simulateUpdate<DaemonSet>(daemonsets, next, ds, ctx()).obj;
    expect([updated.metadata.generation, updated.metadata.annotations?.['deprecated.daemonset.template.generation']]).toEqual([2, '2']);
  });

  it('rejects maxSurge together with maxUnavailable', () => {
    const { causes } = created(daemonsets, { ...body, spec: { ...body.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } } });
    expect(causeLines(causes)).toEqual(['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero']);
  });
});

describe('controllerrevisions', () => {
  it('prints NAME CONTROLLER REVISION AGE with the kind.group of the owner', () => {
    expect(columns(controllerrevisions)).toEqual(['Name', 'Controller', 'Revision', 'Age']);
    const cr = aged({ metadata: { name: 'db-7d8', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u', controller: true }] }, data: {}, revision: 2 });
    expect(controllerrevisions.printer.cells(cr, NOW)).toEqual(['db-7d8', 'statefulset.apps/db', 2, '5m']);
  });

  it('requires data', () => {
    expect(causeLines(created(controllerrevisions, { metadata: { name: 'r' }, revision: 1 }).causes)).toEqual(['data: Required value: data is mandatory']);
  });
});

describe('replicationcontrollers', () => {
  it('prints NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR', () => {
    expect(columns(replicationcontrollers)).toEqual(['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers*', 'Images*', 'Selector*']);
    const rc = aged(created<ReplicationController>(replicationcontrollers, { metadata: { name: 'old' }, spec: { replicas: 2, template: template({ app: 'old' }) } }).obj);
    expect(replicationcontrollers.printer.cells(rc, NOW)).toEqual(['old', 2, 0, 0, '5m', 'nginx', 'nginx:1.27', 'app=old']);
  });

  it('defaults the selector and labels from the template', () => {
    const rc = created<ReplicationController>(replicationcontrollers, { metadata: { name: 'old' }, spec: { template: template({ app: 'old' }) } }).obj;
    expect([rc.spec.selector, rc.metadata.labels, rc.spec.replicas, rc.status]).toEqual([{ app: 'old' }, { app: 'old' }, 1, { replicas: 0 }]);
  });

  it('rejects a pod template that does not restart Always', () => {
    const body = { metadata: { name: 'old' }, spec: { template: { ...template({ app: 'old' }), spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x' }] } } } };
    expect(causeLines(created(replicationcontrollers, body).causes)).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  });
});
