import { describe, expect, it } from 'vitest';
import { encodeProtobufObject, PROTOBUF_MEDIA_TYPE } from '../api/protobuf/envelope';
import { apiSchemas } from '../api/schema/index';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import { isStream } from './request';

const PB = { 'content-type': PROTOBUF_MEDIA_TYPE, accept: `${PROTOBUF_MEDIA_TYPE}, application/json` };

async function setup() {
  const api = new ApiServer({ store: new Store(), clock: new ManualClock(Date.parse('2026-01-01T00:00:00Z')), random: new Random(1) });
  const call = async (method: string, path: string, body?: Record<string, unknown> | Uint8Array, headers: Record<string, string> = PB) => {
    const bytes = body instanceof Uint8Array ? body : body ? encodeProtobufObject(body, apiSchemas()) : undefined;
    const res = await api.handle({ method, path, query: {}, headers, ...(bytes ? { bodyBytes: bytes } : {}) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  await api.handle({ method: 'POST', path: '/api/v1/namespaces', query: {}, headers: {}, body: JSON.stringify({ metadata: { name: 'default' } }) });
  return { call };
}

describe('ApiServer with protobuf bodies', () => {
  it('creates and replaces from protobuf, answering JSON', async () => {
    const { call } = await setup();
    const created = await call('POST', '/api/v1/namespaces/default/configmaps', { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cfg' }, data: { a: '1' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { a: '1' } });
    const replaced = await call('PUT', '/api/v1/namespaces/default/configmaps/cfg', { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cfg', resourceVersion: created.body.metadata.resourceVersion }, data: { a: '2' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.data).toEqual({ a: '2' });
  });

  it('deletes with protobuf DeleteOptions', async () => {
    const { call } = await setup();
    await call('POST', '/api/v1/namespaces/default/configmaps', { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cfg' } });
    const stale = await call('DELETE', '/api/v1/namespaces/default/configmaps/cfg', { kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { uid: 'not-it' } });
    expect(stale.status).toBe(409);
    const gone = await call('DELETE', '/api/v1/namespaces/default/configmaps/cfg', { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 });
    expect(gone.status).toBe(200);
  });

  it('answers 400 to a malformed body or a kind without a protobuf form, 415 to a protobuf patch', async () => {
    const { call } = await setup();
    const bad = await call('POST', '/api/v1/namespaces/default/configmaps', Uint8Array.of(0x6b, 0x38, 0x73, 0x00, 0x0a, 0x05, 0x0a));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: expect.stringMatching(/^the object provided is unrecognized/) });
    const noMagic = await call('POST', '/api/v1/namespaces/default/configmaps', Uint8Array.of(0x7b, 0x7d));
    expect(noMagic.body.message).toMatch(/expected prefix \[107 56 115 0\]/);
    const patch = await call('PATCH', '/api/v1/namespaces/default/configmaps/cfg', Uint8Array.of(0x6b, 0x38, 0x73, 0x00));
    expect(patch.status).toBe(415);
  });
});
