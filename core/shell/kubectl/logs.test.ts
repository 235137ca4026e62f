import { describe, expect, it } from 'vitest';
import { testShell } from '../testing';
import type { ShellStream, ShellTransport } from '../types';

const T0 = '2026-01-01T09:00:00Z';
const T1 = '2026-01-01T09:01:00Z';

function pod(name: string, labels: Record<string, string>, opts: { containers?: string[]; ready?: string; created?: string; node?: string } = {}) {
  return {
    metadata: { name, namespace: 'default', labels, creationTimestamp: opts.created ?? T0 },
    spec: { containers: (opts.containers ?? ['app']).map((c) => ({ name: c, image: 'busybox' })), nodeName: opts.node ?? 'worker' },
    status: { phase: 'Running', conditions: opts.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: opts.ready }] : [] },
  };
}

const PODS = [pod('web-a', { app: 'web' }, { ready: T1 }), pod('web-b', { app: 'web' }, { ready: T0 }), pod('web-c', { app: 'web' }, { ready: T0, created: T1 }), pod('two', { app: 'two' }, { containers: ['main', 'side'], ready: T0 })];
const DEPLOY = { kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } } } };

const api = (kind: string, plural: string) => ({ resource: plural, responseKind: { kind }, scope: 'Namespaced', singularResource: kind.toLowerCase(), verbs: ['get', 'list'] });

function server() {
  const requests: string[] = [];
  const matches = (p: (typeof PODS)[number], selector: string) => selector.split(',').every((s) => p.metadata.labels[s.split('=')[0] as string] === s.split('=')[1]);
  const logOf = (name: string, container: string, tail?: string) => {
    const lines = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((i) => `${name} ${container} line ${i}\n`);
    return (tail !== undefined ? lines.slice(-Number(tail)) : lines).join('');
  };
  const transport: ShellTransport = async (method, path, query) => {
    requests.push(`${path}${query['tailLines'] ? ` tail=${query['tailLines']}` : ''}${query['container'] ? ` c=${query['container']}` : ''}`);
    if (path === '/api') return { status: 200, body: { items: [{ metadata: {}, versions: [{ version: 'v1', resources: [api('Pod', 'pods')] }] }] } };
    if (path === '/apis') return { status: 200, body: { items: [{ metadata: { name: 'apps' }, versions: [{ version: 'v1', resources: [{ ...api('Deployment', 'deployments'), shortNames: ['deploy'] }] }] }] } };
    if (path === '/apis/apps/v1/namespaces/default/deployments/web') return { status: 200, body: DEPLOY };
    if (path === '/api/v1/namespaces/default/pods') return { status: 200, body: { items: PODS.filter((p) => matches(p, query['labelSelector'] ?? '')) } };
    const m = /^\/api\/v1\/namespaces\/default\/pods\/([^/]+)(\/log)?$/.exec(path);
    const p = PODS.find((x) => x.metadata.name === m?.[1]);
    if (m && p && !m[2]) return { status: 200, body: p };
    if (m && p) return { status: 200, body: logOf(p.metadata.name, query['container'] ?? '', query['tailLines']) };
    return { status: 404, body: { kind: 'Status', status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 } };
  };
  const followed: string[] = [];
  const stream: ShellStream = (path, query, _accept, onData) => {
    followed.push(path);
    const name = /pods\/([^/]+)\/log/.exec(path)?.[1] ?? '';
    onData(`${name} ${query['container'] ?? ''} followed\npartial `);
    onData('end');
    return { done: Promise.resolve(undefined), stop: () => undefined };
  };
  return { requests, followed, transport, stream };
}

describe('kubectl logs', () => {
  it('-l reads the last 10 lines of every matching pod, in the list order, with --prefix on each line', async () => {
    const s = server();
    const sh = testShell({}, { stream: s.stream }, s.transport);
    const r = await sh.run('kubectl logs -l app=web');
    expect(r.out.split('\n').length - 1).toBe(30);
    expect(r.out.split('\n')[0]).toBe('web-a app line 3');
    expect(s.requests.filter((q) => q.includes('/log'))).toEqual(['/api/v1/namespaces/default/pods/web-a/log tail=10 c=app', '/api/v1/namespaces/default/pods/web-b/log tail=10 c=app', '/api/v1/namespaces/default/pods/web-c/log tail=10 c=app']);
    expect((await sh.run('kubectl logs -l app=web --prefix --tail=1')).out).toBe('[pod/web-a/app] web-a app line 12\n[pod/web-b/app] web-b app line 12\n[pod/web-c/app] web-c app line 12\n');
  });

  it('-l with several containers: the default one with its notice, or all of them', async () => {
    const s = server();
    const sh = testShell({}, { stream: s.stream }, s.transport);
    expect(await sh.run('kubectl logs -l app=two --tail=1')).toMatchObject({ out: 'two main line 12\n', err: 'Defaulted container "main" out of: main, side\n' });
    expect((await sh.run('kubectl logs -l app=two --tail=1 --all-containers --prefix')).out).toBe('[pod/two/main] two main line 12\n[pod/two/side] two side line 12\n');
  });

  it('-f follows up to --max-log-requests streams at once (5 by default), whole lines with their prefix', async () => {
    const s = server();
    const sh = testShell({}, { stream: s.stream }, s.transport);
    expect(await sh.run('kubectl logs -l app=web -f --max-log-requests=2')).toMatchObject({ out: '', err: 'error: you are attempting to follow 3 log streams, but maximum allowed concurrency is 2, use --max-log-requests to increase the limit\n', code: 1 });
    const r = await sh.run('kubectl logs -l app=web -f --prefix');
    expect(r.out).toBe('[pod/web-a/app] web-a app followed\n[pod/web-b/app] web-b app followed\n[pod/web-c/app] web-c app followed\n[pod/web-a/app] partial end[pod/web-b/app] partial end[pod/web-c/app] partial end');
    expect(s.followed).toHaveLength(3);
  });

  it('deploy/NAME picks the pod ready the longest (ByLogging) and says so when it had a choice', async () => {
    const s = server();
    const sh = testShell({}, { stream: s.stream }, s.transport);
    // web-b and web-c became ready first; web-b is the older of the two.
    expect(await sh.run('kubectl logs deploy/web --tail=1')).toMatchObject({ out: 'web-b app line 12\n', err: 'Found 3 pods, using pod/web-b\n', code: 0 });
  });

  it('answers as kubectl to what it refuses', async () => {
    const s = server();
    const sh = testShell({}, { stream: s.stream }, s.transport);
    expect((await sh.run('kubectl logs -l app=web web-a')).err).toBe("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
    expect((await sh.run('kubectl logs -l app=nope')).err).toBe('No resources found in default namespace.\n');
    expect((await sh.run('kubectl logs web-a -c app --all-containers')).err).toBe('error: --all-containers=true should not be specified with container name app\n');
    expect((await sh.run('kubectl logs deploy/nope')).err).toBe('error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"\n');
  });
});
