import { describe, expect, it } from 'vitest';
import { testShell } from '../testing';
import type { ShellTransport } from '../types';

const resource = (plural: string, kind: string) => ({ resource: plural, responseKind: { group: '', version: 'v1', kind }, scope: 'Namespaced', singularResource: kind.toLowerCase(), verbs: ['get', 'list', 'create'] });

/** An API server whose /apis gains the group example.com once `crd` is set (a CRD created meanwhile). */
function server() {
  const state = { crd: false, discoveries: 0, requests: [] as string[] };
  const transport: ShellTransport = async (method, path, query) => {
    const q = new URLSearchParams(query).toString();
    state.requests.push(`${method} ${path}${q ? `?${q}` : ''}`);
    if (path === '/api') {
      state.discoveries++;
      return { status: 200, body: { kind: 'APIGroupDiscoveryList', items: [{ metadata: {}, versions: [{ version: 'v1', resources: [resource('pods', 'Pod')] }] }] } };
    }
    if (path === '/apis') return { status: 200, body: { kind: 'APIGroupDiscoveryList', items: state.crd ? [{ metadata: { name: 'example.com' }, versions: [{ version: 'v1', resources: [resource('widgets', 'Widget')] }] }] : [] } };
    if (path === '/apis/example.com/v1/namespaces/default/widgets' && method === 'GET') return { status: 200, body: { kind: 'WidgetList', apiVersion: 'example.com/v1', metadata: {}, items: [] } };
    if (path === '/apis/example.com/v1/namespaces/default/widgets/gear' && method === 'GET') return { status: 200, body: { kind: 'Widget', apiVersion: 'example.com/v1', metadata: { name: 'gear', namespace: 'default' } } };
    if (path === '/api/v1/namespaces' || path === '/api/v1/namespaces/default/pods') return { status: 200, body: { kind: 'List', apiVersion: 'v1', metadata: {}, items: [{ metadata: { name: 'default' } }] } };
    if (path === '/apis/example.com/v1/namespaces/default/widgets' && method === 'POST') return { status: 201, body: { kind: 'Widget', apiVersion: 'example.com/v1', metadata: { name: 'gear', namespace: 'default' } } };
    return { status: 404, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 } };
  };
  return { state, transport };
}

describe('discovery refreshed on a miss', () => {
  it('finds a custom resource whose CRD was created after the session read discovery, as kubectl resets its cache and retries', async () => {
    const { state, transport } = server();
    const sh = testShell({}, {}, transport);
    await sh.run('kubectl get pods -o name');
    expect(state.discoveries).toBe(1);
    state.crd = true;
    expect(await sh.run('kubectl get widget gear -o name')).toMatchObject({ out: 'widget.example.com/gear\n', err: '', code: 0 });
    expect(state.discoveries).toBe(2);
    // A type the server still lacks: discovery is read again, then kubectl's error.
    expect(await sh.run('kubectl get gadgets')).toMatchObject({ err: 'error: the server doesn\'t have a resource type "gadgets"\n', code: 1 });
    expect(state.discoveries).toBe(3);
  });

  it('maps a manifest of a kind created since (kubectl create -f) after fetching discovery again', async () => {
    const { state, transport } = server();
    const sh = testShell({ 'gear.json': JSON.stringify({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'gear' } }) }, {}, transport);
    await sh.run('kubectl get pods -o name');
    state.crd = true;
    expect(await sh.run('kubectl create -f gear.json')).toMatchObject({ out: 'widget.example.com/gear created\n', code: 0 });
  });
});

describe('kubectl get --raw', () => {
  it('sends the query string of the URI', async () => {
    const { state, transport } = server();
    const sh = testShell({}, {}, transport);
    await sh.run("kubectl get --raw '/api/v1/namespaces?limit=1&labelSelector=a%3Db'");
    expect(state.requests.at(-1)).toBe('GET /api/v1/namespaces?limit=1&labelSelector=a%3Db');
  });
});
