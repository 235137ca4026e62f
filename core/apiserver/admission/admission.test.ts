import { describe, expect, it } from 'vitest';
import type { Status } from '../../api/status';
import type { PersistentVolumeClaim, Pod, ResourceQuota } from '../../api/types';
import { ManualClock } from '../../clock/clock';
import { Random } from '../../clock/random';
import { Store } from '../../storage/store';
import { ApiServer } from '../handler';
import { isStream } from '../request';
import { CLUSTER_ADMISSION } from './chain';

const START = Date.parse('2026-01-01T00:00:00Z');
const NS = '/api/v1/namespaces/dev';

/** A cluster's API server (every admission plugin) with namespace dev and its default service account. */
async function setup() {
  const api = new ApiServer({ store: new Store(), clock: new ManualClock(START), random: new Random(7), admission: CLUSTER_ADMISSION });
  const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, query: Record<string, string> = {}) => {
    const res = await api.handle({ method, path, query, headers: {}, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (isStream(res)) throw new Error('stream');
    return { status: res.status, body: res.body as T };
  };
  await call('POST', '/api/v1/namespaces', { metadata: { name: 'dev' } });
  await call('POST', `${NS}/serviceaccounts`, { metadata: { name: 'default' } });
  const pod = (name: string, spec: Record<string, unknown> = {}, containers: Record<string, unknown>[] = [{ name: 'nginx', image: 'nginx' }]) => call<Pod>('POST', `${NS}/pods`, { metadata: { name }, spec: { containers, ...spec } });
  return { api, call, pod };
}

describe('LimitRanger', () => {
  it('fills requests and limits from the LimitRange and says so in an annotation', async () => {
    const { call, pod } = await setup();
    await call('POST', `${NS}/limitranges`, { metadata: { name: 'lr' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' } }] } });
    const { body } = await pod('web', {}, [{ name: 'nginx', image: 'nginx', resources: { requests: { memory: '64Mi' } } }]);
    expect(body.spec.containers[0]?.resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '64Mi' } });
    expect(body.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu request for container nginx; cpu, memory limit for container nginx');
    expect(body.status?.qosClass).toBe('Burstable');
  });

  it('refuses containers and pods outside min, max and the limit/request ratio', async () => {
    const { call, pod } = await setup();
    await call('POST', `${NS}/limitranges`, { metadata: { name: 'lr' }, spec: { limits: [{ type: 'Container', min: { cpu: '50m' }, max: { cpu: '1', memory: '1Gi' }, maxLimitRequestRatio: { cpu: '4' } }, { type: 'Pod', max: { cpu: '1500m' } }] } });
    const over = await pod('big', {}, [{ name: 'app', image: 'nginx', resources: { limits: { cpu: '2', memory: '2Gi' } } }]);
    expect(over.status).toBe(403);
    expect((over.body as unknown as Status).message).toBe('pods "big" is forbidden: [maximum cpu usage per Container is 1, but limit is 2, maximum memory usage per Container is 1Gi, but limit is 2Gi, maximum cpu usage per Pod is 1500m, but limit is 2]');
    const ratio = await pod('ratio', {}, [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }]);
    expect((ratio.body as unknown as Status).message).toBe('pods "ratio" is forbidden: cpu max limit to request ratio per Container is 4, but provided ratio is 10.000000');
    const small = await pod('small', {}, [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '10m' }, limits: { cpu: '20m', memory: '1Gi' } } }]);
    expect((small.body as unknown as Status).message).toBe('pods "small" is forbidden: minimum cpu usage per Container is 50m, but request is 10m');
  });

  it('bounds the storage a claim requests', async () => {
    const { call } = await setup();
    await call('POST', `${NS}/limitranges`, { metadata: { name: 'storage' }, spec: { limits: [{ type: 'PersistentVolumeClaim', max: { storage: '2Gi' } }] } });
    const res = await call<Status>('POST', `${NS}/persistentvolumeclaims`, { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } } });
    expect(res.body.message).toBe('persistentvolumeclaims "data" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi');
  });
});

describe('ServiceAccount', () => {
  it('runs a pod as default and mounts the projected kube-api-access token volume', async () => {
    const { pod } = await setup();
    const { body } = await pod('web');
    expect(body.spec['serviceAccountName']).toBe('default');
    expect(body.spec['serviceAccount']).toBe('default');
    const volumes = body.spec['volumes'] as { name: string; projected: { sources: unknown[]; defaultMode: number } }[];
    expect(volumes).toHaveLength(1);
    expect(volumes[0]?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volumes[0]?.projected.defaultMode).toBe(420);
    expect(volumes[0]?.projected.sources).toEqual([
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ]);
    expect(body.spec.containers[0]?.['volumeMounts']).toEqual([{ name: volumes[0]?.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
  });

  it('refuses a pod whose service account is missing, naming the generateName before the name exists', async () => {
    const { call } = await setup();
    const res = await call<Status>('POST', `${NS}/pods`, { metadata: { generateName: 'web-' }, spec: { serviceAccountName: 'robot', containers: [{ name: 'c', image: 'nginx' }] } });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('pods "web-" is forbidden: error looking up service account dev/robot: serviceaccount "robot" not found');
  });

  it('mounts nothing when automounting is off, and leaves mirror pods alone', async () => {
    const { call, pod } = await setup();
    await call('POST', `${NS}/serviceaccounts`, { metadata: { name: 'quiet' }, automountServiceAccountToken: false });
    expect((await pod('quiet', { serviceAccountName: 'quiet' })).body.spec['volumes']).toBeUndefined();
    const mirror = await call<Pod>('POST', `${NS}/pods`, { metadata: { name: 'etcd', annotations: { 'kubernetes.io/config.mirror': 'x' } }, spec: { containers: [{ name: 'c', image: 'etcd' }] } });
    expect(mirror.status).toBe(201);
    expect(mirror.body.spec['serviceAccountName']).toBeUndefined();
  });
});

describe('Priority and DefaultStorageClass', () => {
  it('resolves priorityClassName to priority, and refuses missing classes and stated priorities', async () => {
    const { call, pod } = await setup();
    expect((await pod('plain')).body.spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    await call('POST', '/apis/scheduling.k8s.io/v1/priorityclasses', { metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'Never' });
    expect((await pod('high', { priorityClassName: 'high' })).body.spec).toMatchObject({ priority: 1000, preemptionPolicy: 'Never' });
    expect(((await pod('nope', { priorityClassName: 'nope' })).body as unknown as Status).message).toBe('pods "nope" is forbidden: no PriorityClass with name nope was found');
    expect(((await pod('stated', { priorityClassName: 'high', priority: 5 })).body as unknown as Status).message).toBe(
      'pods "stated" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
    );
  });

  it('uses the global default class, and allows only one', async () => {
    const { call, pod } = await setup();
    await call('POST', '/apis/scheduling.k8s.io/v1/priorityclasses', { metadata: { name: 'normal' }, value: 10, globalDefault: true });
    expect((await pod('web')).body.spec).toMatchObject({ priorityClassName: 'normal', priority: 10 });
    const second = await call<Status>('POST', '/apis/scheduling.k8s.io/v1/priorityclasses', { metadata: { name: 'other' }, value: 20, globalDefault: true });
    expect(second.body.message).toBe('priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass normal is already marked as default. Only one default can exist');
    const reserved = await call<Status>('POST', '/apis/scheduling.k8s.io/v1/priorityclasses', { metadata: { name: 'system-mine' }, value: 1 });
    expect(reserved.body.message).toBe("PriorityClass.scheduling.k8s.io \"system-mine\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class");
  });

  it('gives a claim without a class the newest default StorageClass', async () => {
    const { call, api } = await setup();
    await call('POST', '/apis/storage.k8s.io/v1/storageclasses', { metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'rancher.io/local-path' });
    const claim = (name: string, spec: Record<string, unknown> = {}) => call<PersistentVolumeClaim>('POST', `${NS}/persistentvolumeclaims`, { metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } });
    expect((await claim('a')).body.spec.storageClassName).toBe('standard');
    expect((await claim('b', { storageClassName: '' })).body.spec.storageClassName).toBe('');
    expect(api.registry.get('scheduling.k8s.io', 'v1', 'priorityclasses')?.printer.columns.map((c) => c.name)).toEqual(['Name', 'Value', 'Global-Default', 'Age', 'PreemptionPolicy']);
  });
});

describe('ResourceQuota', () => {
  /** A quota with its status as the quota controller writes it. */
  async function quota(call: Awaited<ReturnType<typeof setup>>['call'], hard: Record<string, string>, used: Record<string, string>) {
    const created = await call<ResourceQuota>('POST', `${NS}/resourcequotas`, { metadata: { name: 'compute-quota' }, spec: { hard } });
    await call('PUT', `${NS}/resourcequotas/compute-quota/status`, { ...created.body, status: { hard, used } });
  }

  it('refuses what exceeds a quota with the real message and charges what it admits', async () => {
    const { call, pod } = await setup();
    await quota(call, { pods: '2', 'requests.cpu': '1' }, { pods: '1', 'requests.cpu': '0' });
    const ok = await pod('a', {}, [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '250m' } } }]);
    expect(ok.status).toBe(201);
    const after = await call<ResourceQuota>('GET', `${NS}/resourcequotas/compute-quota`);
    expect(after.body.status?.used).toEqual({ pods: '2', 'requests.cpu': '250m' });
    const over = await pod('b', {}, [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '100m' } } }]);
    expect(over.status).toBe(403);
    expect((over.body as unknown as Status).message).toBe('pods "b" is forbidden: exceeded quota: compute-quota, requested: pods=1, used: pods=2, limited: pods=2');
  });

  it('wants compute resources stated when a quota limits them, and known usage', async () => {
    const { call, pod } = await setup();
    await quota(call, { 'limits.cpu': '2', 'limits.memory': '1Gi' }, { 'limits.cpu': '0', 'limits.memory': '0' });
    const res = await pod('web');
    expect((res.body as unknown as Status).message).toBe('pods "web" is forbidden: failed quota: compute-quota: must specify limits.cpu for: nginx; limits.memory for: nginx');
    await call('PUT', `${NS}/resourcequotas/compute-quota`, { ...(await call<ResourceQuota>('GET', `${NS}/resourcequotas/compute-quota`)).body, spec: { hard: { pods: '3' } } });
    const stale = await call<ResourceQuota>('GET', `${NS}/resourcequotas/compute-quota`);
    await call('PUT', `${NS}/resourcequotas/compute-quota/status`, { ...stale.body, status: { hard: { pods: '3' }, used: {} } });
    expect(((await pod('x')).body as unknown as Status).message).toBe('pods "x" is forbidden: status unknown for quota: compute-quota, resources: pods');
  });

  it('counts objects (count/configmaps, services.nodeports) and charges nothing on a dry run', async () => {
    const { call } = await setup();
    await quota(call, { 'count/configmaps': '1', 'services.nodeports': '1' }, { 'count/configmaps': '0', 'services.nodeports': '0' });
    expect((await call('POST', `${NS}/configmaps`, { metadata: { name: 'a' } }, { dryRun: 'All' })).status).toBe(201);
    expect((await call('POST', `${NS}/configmaps`, { metadata: { name: 'a' } })).status).toBe(201);
    expect((await call<Status>('POST', `${NS}/configmaps`, { metadata: { name: 'b' } })).body.message).toBe('configmaps "b" is forbidden: exceeded quota: compute-quota, requested: count/configmaps=1, used: count/configmaps=1, limited: count/configmaps=1');
    const svc = await call<Status>('POST', `${NS}/services`, { metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] } });
    expect(svc.body.message).toBe('services "s" is forbidden: exceeded quota: compute-quota, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1');
  });
});
