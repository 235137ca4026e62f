import { describe, expect, it } from 'vitest';
import { apiSchemas } from '../api/schema/index';
import { unknownFields } from '../api/schema/fields';
import type { Status } from '../api/status';
import type { Pod } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import { isStream } from './request';
import type { ResourceDef } from './registry';
import { defaultPrinter } from './table';

const START = Date.parse('2026-01-01T00:00:00Z');
const PODS = '/api/v1/namespaces/default/pods';
const JSON_PATCH = 'application/json-patch+json';
const MERGE = 'application/merge-patch+json';
const SMP = 'application/strategic-merge-patch+json';

async function setup() {
  const store = new Store();
  const clock = new ManualClock(START);
  const api = new ApiServer({ store, clock, random: new Random(1), schemas: apiSchemas(), unknownFields });
  const call = async <T = Record<string, unknown>>(method: string, path: string, o: { body?: unknown; query?: Record<string, string>; type?: string } = {}) => {
    const headers: Record<string, string> = { 'user-agent': 'kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd' };
    if (o.type) headers['content-type'] = o.type;
    const res = await api.handle({ method, path, query: o.query ?? {}, headers, body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as T, headers: res.headers };
  };
  const patch = <T = Pod>(path: string, type: string, body: unknown, query: Record<string, string> = {}) => call<T>('PATCH', path, { body, type, query });
  await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'default' } } });
  const created = (await call<Pod>('POST', PODS, { body: { metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } }, query: { fieldManager: 'kubectl-create' } })).body;
  return { api, store, clock, call, patch, created };
}

describe('PATCH with each mechanism', () => {
  it('applies a merge patch and records the change for its field manager', async () => {
    const { patch, created } = await setup();
    const { status, body } = await patch(`${PODS}/web`, MERGE, { metadata: { labels: { tier: 'fe' } } }, { fieldManager: 'kubectl-label' });
    expect(status).toBe(200);
    expect(body.metadata.labels).toEqual({ app: 'web', tier: 'fe' });
    expect(Number(body.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
    expect(body.metadata.managedFields?.[1]).toEqual({ manager: 'kubectl-label', operation: 'Update', apiVersion: 'v1', time: '2026-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:tier': {} } } } });
  });

  it('applies a JSON patch; a failed test answers the generic 422', async () => {
    const { patch } = await setup();
    const ok = await patch(`${PODS}/web`, JSON_PATCH, [{ op: 'replace', path: '/metadata/labels/app', value: 'api' }]);
    expect(ok.body.metadata.labels).toEqual({ app: 'api' });
    const bad = await patch<Status>(`${PODS}/web`, JSON_PATCH, [{ op: 'test', path: '/metadata/labels/app', value: 'web' }]);
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server rejected our request due to an error in our request', reason: 'Invalid', details: {}, code: 422 });
  });

  it('applies a strategic merge patch by merge key; a missing key is kube\'s error', async () => {
    const { patch } = await setup();
    const ok = await patch(`${PODS}/web`, SMP, { spec: { containers: [{ name: 'c', image: 'nginx:1.28' }] } });
    expect(ok.status).toBe(200);
    expect(ok.body.spec.containers).toHaveLength(1);
    expect(ok.body.spec.containers[0]).toMatchObject({ name: 'c', image: 'nginx:1.28', imagePullPolicy: 'IfNotPresent' });
    const bad = await patch<Status>(`${PODS}/web`, SMP, { spec: { containers: [{ image: 'x' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('map: map[image:x] does not contain declared merge key: name');
    expect(bad.body.reason).toBeUndefined();
  });

  it('answers 415 for other content types, and refuses strategic merge patch for custom resources', async () => {
    const { api, patch, call } = await setup();
    const r = await patch<Status>(`${PODS}/web`, 'application/json', { metadata: {} });
    expect(r.status).toBe(415);
    expect(r.body.message).toBe('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml');
    const crd = { group: 'example.com', version: 'v1', resource: 'things', singular: 'thing', kind: 'Thing', namespaced: true, shortNames: [], categories: [], verbs: ['get', 'patch', 'create'], subresources: [], printer: defaultPrinter, custom: true } as ResourceDef;
    api.registry.add(crd);
    await call('POST', '/apis/example.com/v1/namespaces/default/things', { body: { metadata: { name: 't' }, spec: { a: 1 } } });
    const smp = await patch<Status>('/apis/example.com/v1/namespaces/default/things/t', SMP, { spec: { a: 2 } });
    expect(smp.status).toBe(415);
    expect(smp.body.message).toBe('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
    expect((await patch<Record<string, unknown>>('/apis/example.com/v1/namespaces/default/things/t', MERGE, { spec: { a: 2 } })).body['spec']).toEqual({ a: 2 });
  });

  it('goes through the update path: 404, validation, stale resourceVersion, name on the URL', async () => {
    const { patch } = await setup();
    expect((await patch<Status>(`${PODS}/nope`, MERGE, {})).body.message).toBe('pods "nope" not found');
    const invalid = await patch<Status>(`${PODS}/web`, MERGE, { spec: { restartPolicy: 'Never' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.message).toMatch(/^Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than/);
    const stale = await patch<Status>(`${PODS}/web`, MERGE, { metadata: { resourceVersion: '1', labels: { x: 'y' } } });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again');
    const renamed = await patch<Status>(`${PODS}/web`, JSON_PATCH, [{ op: 'replace', path: '/metadata/name', value: 'other' }]);
    expect(renamed.status).toBe(400);
    expect(renamed.body.message).toBe('the name of the object (other) does not match the name on the URL (web)');
  });

  it('writes nothing when nothing changes', async () => {
    const { patch, created } = await setup();
    const same = await patch(`${PODS}/web`, MERGE, { metadata: { labels: { app: 'web' } } }, { fieldManager: 'again' });
    expect(same.body.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect(same.body.metadata.managedFields?.map((e) => (e as { manager: string }).manager)).toEqual(['kubectl-create']);
  });

  it('patches status through pods/status only, recorded with subresource status', async () => {
    const { patch } = await setup();
    const { status, body } = await patch(`${PODS}/web/status`, MERGE, { status: { phase: 'Running' }, spec: { nodeName: 'sneaky' } }, { fieldManager: 'kubelet' });
    expect(status).toBe(200);
    expect(body.status?.phase).toBe('Running');
    expect(body.spec.nodeName).toBeUndefined();
    expect(body.metadata.managedFields?.find((e) => (e as { manager: string }).manager === 'kubelet')).toEqual({
      manager: 'kubelet',
      operation: 'Update',
      apiVersion: 'v1',
      time: '2026-01-01T00:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:status': { 'f:phase': {} } },
      subresource: 'status',
    });
  });
});

describe('PATCH options', () => {
  it('dryRun=All answers the patched object and stores nothing', async () => {
    const { patch, call, created } = await setup();
    const dry = await patch(`${PODS}/web`, MERGE, { metadata: { labels: { dry: 'run' } } }, { dryRun: 'All' });
    expect(dry.status).toBe(200);
    expect(dry.body.metadata.labels).toEqual({ app: 'web', dry: 'run' });
    expect(dry.body.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect((await call<Pod>('GET', `${PODS}/web`)).body.metadata.labels).toEqual({ app: 'web' });
  });

  it('fieldValidation: Strict fails, Warn (the default) warns, Ignore ignores', async () => {
    const { patch } = await setup();
    const strict = await patch<Status>(`${PODS}/web`, MERGE, { spec: { bogus: 1 } }, { fieldValidation: 'Strict' });
    expect(strict.status).toBe(422);
    expect(strict.body.message).toMatch(/^ "" is invalid: patch: Invalid value: "\{.*\}": strict decoding error: unknown field "spec.bogus"$/);
    const warn = await patch(`${PODS}/web`, MERGE, { extra: 1, metadata: { bogus: true } });
    expect(warn.status).toBe(200);
    expect(warn.headers['warning']).toEqual(['299 - "unknown field \\"metadata.bogus\\""', '299 - "unknown field \\"extra\\""']);
    const ignore = await patch(`${PODS}/web`, MERGE, { extra: 2 }, { fieldValidation: 'Ignore' });
    expect(ignore.headers['warning']).toBeUndefined();
  });

  it('refuses unsupported dryRun and fieldValidation values', async () => {
    const { patch } = await setup();
    const dry = await patch<Status>(`${PODS}/web`, MERGE, {}, { dryRun: 'Some' });
    expect(dry.status).toBe(422);
    expect(dry.body.message).toBe('PatchOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Some"}: supported values: "All"');
    const fv = await patch<Status>(`${PODS}/web`, MERGE, {}, { fieldValidation: 'Loose' });
    expect(fv.body.message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn"');
  });
});

describe('PATCH robustness', () => {
  it('answers 400, not 500, for a document nested too deeply to walk', async () => {
    const { patch } = await setup();
    const n = 20_000;
    const text = `{"metadata":{"annotations":{"k":"v"}},"spec":${'{"a":'.repeat(n)}"x"${'}'.repeat(n)}}`;
    const r = await patch<Status>(`${PODS}/web`, MERGE, text);
    expect(r.status).toBeLessThan(500);
  });
});
