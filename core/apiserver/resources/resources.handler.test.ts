import { describe, expect, it } from 'vitest';
import type { Status } from '../../api/status';
import type { Deployment, Job, Service } from '../../api/types';
import { ManualClock } from '../../clock/clock';
import { Random } from '../../clock/random';
import { Store } from '../../storage/store';
import { ApiServer } from '../handler';
import { isStream } from '../request';
import type { Table } from '../table';

const START = Date.parse('2026-01-01T00:00:00Z');
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

/** An API server on a fresh store with the `default` namespace, and a clock to move. */
async function setup() {
  const clock = new ManualClock(START);
  const api = new ApiServer({ store: new Store(), clock, random: new Random(42) });
  const call = async <T = Record<string, unknown>>(method: string, path: string, o: { body?: unknown; accept?: string; query?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = o.accept ? { accept: o.accept } : {};
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await api.handle({ method, path, query: o.query ?? {}, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as T };
  };
  expect((await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'default' } } })).status).toBe(201);
  return { clock, call };
}

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
};
const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } };
const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { LOG_LEVEL: 'debug', MODE: 'lab' } };
const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34', command: ['perl', '-e', 'print 1'] }] } } } };

describe('built-in resources through ApiServer.handle', () => {
  it('creates a Deployment, a Service, a ConfigMap and a Job, defaulted as a real server does', async () => {
    const { call } = await setup();
    const d = await call<Deployment>('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment });
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { generation: 1 }, spec: { strategy: { type: 'RollingUpdate' }, revisionHistoryLimit: 10 }, status: {} });
    const s = await call<Service>('POST', '/api/v1/namespaces/default/services', { body: service });
    expect(s.status).toBe(201);
    expect(s.body.spec).toMatchObject({ type: 'ClusterIP', ipFamilies: ['IPv4'], ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });
    expect(s.body.spec.clusterIP).toMatch(/^10\./);
    expect((await call('POST', '/api/v1/namespaces/default/configmaps', { body: configMap })).status).toBe(201);
    const j = await call<Job>('POST', '/apis/batch/v1/namespaces/default/jobs', { body: job });
    expect(j.status).toBe(201);
    expect(j.body.spec.selector?.matchLabels?.['batch.kubernetes.io/controller-uid']).toBe(j.body.metadata.uid);
  });

  it('answers Tables with the real columns and cells', async () => {
    const { clock, call } = await setup();
    await call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment });
    const svc = (await call<Service>('POST', '/api/v1/namespaces/default/services', { body: service })).body;
    await call('POST', '/api/v1/namespaces/default/configmaps', { body: configMap });
    const created = (await call<Job>('POST', '/apis/batch/v1/namespaces/default/jobs', { body: job })).body;
    clock.advance(5 * 60_000);
    const table = async (path: string) => {
      const { status, body } = await call<Table>('GET', path, { accept: TABLE });
      expect(status).toBe(200);
      return { columns: body.columnDefinitions.map((c) => c.name), cells: body.rows.map((r) => r.cells) };
    };
    expect(await table('/apis/apps/v1/namespaces/default/deployments')).toEqual({
      columns: ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector'],
      cells: [['web', '0/3', 0, 0, '5m', 'nginx', 'nginx:1.27', 'app=web']],
    });
    expect(await table('/api/v1/namespaces/default/services')).toEqual({
      columns: ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector'],
      cells: [['web', 'ClusterIP', svc.spec.clusterIP, '<none>', '80/TCP', '5m', 'app=web']],
    });
    expect(await table('/api/v1/namespaces/default/configmaps/settings')).toEqual({ columns: ['Name', 'Data', 'Age'], cells: [['settings', 2, '5m']] });
    expect(await table('/apis/batch/v1/namespaces/default/jobs')).toEqual({
      columns: ['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector'],
      cells: [['pi', 'Running', '0/1', '', '5m', 'pi', 'perl:5.34', `batch.kubernetes.io/controller-uid=${created.metadata.uid}`]],
    });
  });

  it('answers 422 with the real message for a template the selector does not match', async () => {
    const { call } = await setup();
    const bad = { ...deployment, spec: { ...deployment.spec, template: { ...deployment.spec.template, metadata: { labels: { app: 'other' } } } } };
    const { status, body } = await call<Status>('POST', '/apis/apps/v1/namespaces/default/deployments', { body: bad });
    expect(status).toBe(422);
    expect(body.message).toBe('Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`');
    expect(body.details?.causes).toEqual([{ reason: 'FieldValueInvalid', message: 'Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`', field: 'spec.template.metadata.labels' }]);
  });

  it('refuses to change a Deployment selector or a Service cluster IP', async () => {
    const { call } = await setup();
    const d = (await call<Deployment>('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment })).body;
    const moved = { ...d, spec: { ...d.spec, selector: { matchLabels: { app: 'v2' } }, template: { ...d.spec.template, metadata: { labels: { app: 'v2' } } } } };
    const r1 = await call<Status>('PUT', '/apis/apps/v1/namespaces/default/deployments/web', { body: moved });
    expect([r1.status, r1.body.message]).toEqual([422, 'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"v2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable']);
    const s = (await call<Service>('POST', '/api/v1/namespaces/default/services', { body: service })).body;
    const r2 = await call<Status>('PUT', '/api/v1/namespaces/default/services/web', { body: { ...s, spec: { ...s.spec, clusterIP: '10.96.0.77' } } });
    expect([r2.status, r2.body.message]).toEqual([422, 'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.77"}: may not change once set']);
  });

  it('lists the new groups in discovery, autoscaling/v2 preferred', async () => {
    const { call } = await setup();
    const { body } = await call<{ groups: { name: string; preferredVersion: { version: string }; versions: { version: string }[] }[] }>('GET', '/apis');
    const names = body.groups.map((g) => g.name);
    for (const g of ['apps', 'batch', 'autoscaling', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'apiextensions.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io']) expect(names).toContain(g);
    const autoscaling = body.groups.find((g) => g.name === 'autoscaling');
    expect([autoscaling?.preferredVersion.version, autoscaling?.versions.map((v) => v.version)]).toEqual(['v2', ['v2', 'v1']]);
  });
});
