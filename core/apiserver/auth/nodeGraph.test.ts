import { describe, expect, it } from 'vitest';
import type { Status } from '../../api/status';
import { ManualClock } from '../../clock/clock';
import { Random } from '../../clock/random';
import { Client } from '../../client/client';
import { bootstrapCluster } from '../../controllers/bootstrap';
import { Store } from '../../storage/store';
import { ApiServer } from '../handler';
import { isStream, type UserInfo } from '../request';

const ADMIN: UserInfo = { name: 'system:apiserver', groups: ['system:masters'] };
const node = (n: string): UserInfo => ({ name: `system:node:${n}`, groups: ['system:nodes', 'system:authenticated'] });

async function setup() {
  const api = new ApiServer({ store: new Store(), clock: new ManualClock(Date.parse('2026-01-01T00:00:00Z')), random: new Random(1) });
  const call = async (method: string, path: string, user: UserInfo, body?: unknown, contentType = 'application/json') => {
    const res = await api.handle({ method, path, query: {}, headers: { 'content-type': contentType }, user, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as Status };
  };
  for (const name of ['default', 'dev', 'kube-system']) await call('POST', '/api/v1/namespaces', ADMIN, { metadata: { name } });
  await bootstrapCluster(new Client((r) => api.handle(r), { name: 'system:apiserver', groups: ['system:masters'] }));
  return call;
}

const POD = {
  metadata: { name: 'web', namespace: 'dev' },
  spec: {
    imagePullSecrets: [{ name: 'pull' }],
    volumes: [{ name: 'c', configMap: { name: 'conf' } }, { name: 'd', persistentVolumeClaim: { claimName: 'data' } }, { name: 'p', projected: { sources: [{ secret: { name: 'proj' } }] } }],
    containers: [{ name: 'app', image: 'nginx', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'env', key: 'k' } } }], envFrom: [{ configMapRef: { name: 'envfrom' } }] }],
  },
};

describe('the Node authorizer graph', () => {
  it('lets a kubelet get what a pod on its node references, only while the pod is there', async () => {
    const call = await setup();
    const get = (n: string, what: string) => call('GET', `/api/v1/namespaces/dev/${what}`, node(n));
    await call('POST', '/api/v1/namespaces/dev/pods', ADMIN, POD);
    // Not bound yet: no node has a relationship with anything.
    expect((await get('n1', 'configmaps/conf')).body.message).toBe(`configmaps "conf" is forbidden: User "system:node:n1" cannot get resource "configmaps" in API group "" in the namespace "dev": no relationship found between node 'n1' and this object`);
    await call('POST', '/api/v1/namespaces/dev/pods/web/binding', ADMIN, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'web' }, target: { name: 'n1' } });
    for (const what of ['secrets/pull', 'configmaps/conf', 'persistentvolumeclaims/data', 'secrets/proj', 'secrets/env', 'configmaps/envfrom']) {
      expect((await get('n1', what)).status, what).toBe(404);
      expect((await get('n2', what)).status, what).toBe(403);
    }
    // Names of another kind or namespace are no relationship.
    expect((await get('n1', 'secrets/conf')).status).toBe(403);
    expect((await call('GET', '/api/v1/namespaces/default/configmaps/conf', node('n1'))).status).toBe(403);
    await call('DELETE', '/api/v1/namespaces/dev/pods/web', ADMIN, { gracePeriodSeconds: 0 });
    expect((await get('n1', 'configmaps/conf')).status).toBe(403);
  });
});
