import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../api/duration';
import type { KubeObject, LimitRange, PersistentVolume, PersistentVolumeClaim, ResourceQuota, StorageClass } from '../../api/types';
import { Random } from '../../clock/random';
import type { ResourceDef, StrategyContext } from '../registry';
import { causeLines, simulateCreate, simulateUpdate } from './harness';
import { limitranges, resourcequotas } from './quota';
import { storageclasses } from './storageclasses';
import { persistentvolumeclaims, persistentvolumes } from './volumes';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ctx = (): StrategyContext => ({ now: () => NOW, random: new Random(17) });
const columns = (def: ResourceDef) => def.printer.columns.map((c) => (c.priority ? `${c.name}*` : c.name));
const created = <T extends KubeObject>(def: ResourceDef, body: KubeObject) => simulateCreate<T>(def, body, ctx());
const at = (minutesAgo: number) => rfc3339(NOW - minutesAgo * 60_000);

describe('persistentvolumes', () => {
  const body = { metadata: { name: 'pv1' }, spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], hostPath: { path: '/data' }, storageClassName: 'manual' } };

  it('prints the real columns, VOLUMEMODE wide', () => {
    expect(columns(persistentvolumes)).toEqual(['Name', 'Capacity', 'Access Modes', 'Reclaim Policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass', 'Reason', 'Age', 'VolumeMode*']);
    const pv = created<PersistentVolume>(persistentvolumes, body).obj;
    pv.metadata.creationTimestamp = at(10);
    pv.spec.claimRef = { namespace: 'default', name: 'data' };
    pv.status = { phase: 'Bound' };
    expect(persistentvolumes.printer.cells(pv, NOW)).toEqual(['pv1', '10Gi', 'RWO,ROX', 'Retain', 'Bound', 'default/data', 'manual', '<unset>', '', '10m', 'Filesystem']);
  });

  it('defaults Retain, Filesystem and a Pending phase with its transition time', () => {
    const pv = created<PersistentVolume>(persistentvolumes, body).obj;
    expect([pv.spec.persistentVolumeReclaimPolicy, pv.spec.volumeMode, pv.status]).toEqual(['Retain', 'Filesystem', { phase: 'Pending', lastPhaseTransitionTime: rfc3339(NOW) }]);
  });

  it('requires a volume source, capacity and access modes', () => {
    expect(causeLines(created(persistentvolumes, { metadata: { name: 'pv1' }, spec: {} }).causes)).toEqual([
      'spec.accessModes: Required value',
      'spec.capacity: Required value',
      'spec.capacity: Unsupported value: core.ResourceList{}: supported values: "storage"',
      'spec: Required value: must specify a volume type',
    ]);
  });
});

describe('persistentvolumeclaims', () => {
  const body = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard' } };

  it('prints NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE, VOLUMEMODE wide', () => {
    expect(columns(persistentvolumeclaims)).toEqual(['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode*']);
    const pvc = created<PersistentVolumeClaim>(persistentvolumeclaims, body).obj;
    pvc.metadata.creationTimestamp = at(1);
    expect(persistentvolumeclaims.printer.cells(pvc, NOW)).toEqual(['data', 'Pending', '', '', '', 'standard', '<unset>', '60s', 'Filesystem']);
    pvc.spec.volumeName = 'pvc-123';
    pvc.status = { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1024Mi' } };
    expect(persistentvolumeclaims.printer.cells(pvc, NOW).slice(1, 5)).toEqual(['Bound', 'pvc-123', '1Gi', 'RWO']);
  });

  it('defaults Filesystem and a Pending phase', () => {
    const pvc = created<PersistentVolumeClaim>(persistentvolumeclaims, body).obj;
    expect([pvc.spec.volumeMode, pvc.status]).toEqual(['Filesystem', { phase: 'Pending' }]);
  });

  it('requires a storage request and keeps the spec immutable', () => {
    expect(causeLines(created(persistentvolumeclaims, { metadata: { name: 'd' }, spec: { accessModes: ['ReadWriteOnce'] } }).causes)).toEqual(['spec.resources[storage]: Required value']);
    const old = created<PersistentVolumeClaim>(persistentvolumeclaims, body).obj;
    expect(causeLines(simulateUpdate(persistentvolumeclaims, { ...old, spec: { ...old.spec, accessModes: ['ReadWriteMany'] } }, old, ctx()).causes)).toEqual([
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ]);
  });
});

describe('storageclasses', () => {
  const body = { metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' };

  it('prints NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE, (default) on the default class', () => {
    expect(columns(storageclasses)).toEqual(['Name', 'Provisioner', 'ReclaimPolicy', 'VolumeBindingMode', 'AllowVolumeExpansion', 'Age']);
    const sc = created<StorageClass>(storageclasses, body).obj;
    sc.metadata.creationTimestamp = at(60 * 24 * 3);
    expect(storageclasses.printer.cells(sc, NOW)).toEqual(['standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '3d']);
  });

  it('defaults Delete and Immediate, forbids changing the provisioner', () => {
    const sc = created<StorageClass>(storageclasses, { metadata: { name: 'fast' }, provisioner: 'example.com/ssd' }).obj;
    expect([sc.reclaimPolicy, sc.volumeBindingMode]).toEqual(['Delete', 'Immediate']);
    expect(causeLines(simulateUpdate(storageclasses, { ...sc, provisioner: 'example.com/hdd' }, sc, ctx()).causes)).toEqual(['provisioner: Forbidden: updates to provisioner are forbidden.']);
  });
});

describe('resourcequotas', () => {
  it('prints NAME REQUEST LIMIT AGE from status', () => {
    expect(columns(resourcequotas)).toEqual(['Name', 'Request', 'Limit', 'Age']);
    const rq: ResourceQuota = { metadata: { name: 'q', creationTimestamp: at(1) }, status: { hard: { pods: '10', 'requests.cpu': '2', 'limits.memory': '2048Mi' }, used: { pods: '1', 'requests.cpu': '500m' } } };
    expect(resourcequotas.printer.cells(rq, NOW)).toEqual(['q', 'pods: 1/10, requests.cpu: 500m/2', 'limits.memory: 0/2Gi', '60s']);
  });

  it('clears status on create and rejects non-quota resources', () => {
    const { obj, causes } = created<ResourceQuota>(resourcequotas, { metadata: { name: 'q' }, spec: { hard: { pods: '10', nodes: '3' } }, status: { used: { pods: '9' } } });
    expect(obj.status).toEqual({});
    expect(causeLines(causes)).toEqual(['spec.hard[nodes]: Invalid value: "nodes": must be a standard resource for quota']);
  });
});

describe('limitranges', () => {
  it('prints with the default NAME / CREATED AT columns', () => {
    expect(columns(limitranges)).toEqual(['Name', 'Created At']);
    expect(limitranges.printer.cells({ metadata: { name: 'lr', creationTimestamp: at(1) } }, NOW)).toEqual(['lr', at(1)]);
  });

  it('defaults container limits from max and requests from the default', () => {
    const lr = created<LimitRange>(limitranges, { metadata: { name: 'lr' }, spec: { limits: [{ type: 'Container', max: { cpu: '1' }, min: { memory: '64Mi' } }] } }).obj;
    expect(lr.spec.limits[0]).toMatchObject({ default: { cpu: '1' }, defaultRequest: { cpu: '1', memory: '64Mi' } });
  });

  it('rejects min above max', () => {
    const body = { metadata: { name: 'lr' }, spec: { limits: [{ type: 'Pod', max: { cpu: '500m' }, min: { cpu: '1' } }] } };
    expect(causeLines(created(limitranges, body).causes)).toEqual(['spec.limits[0].min[cpu]: Invalid value: "1": min value 1 is greater than max value 500m']);
  });
});
