import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../apiserver/handler';
import { isStream } from '../../apiserver/request';
import { ManualClock } from '../../clock/clock';
import { Random } from '../../clock/random';
import { Store } from '../../storage/store';
import { ShellEngine, type ShellTransport } from '../engine';

const START = Date.parse('2026-01-01T00:00:00Z');

/** A shell over a bare ApiServer (no controllers), whose client clock reads START + 10 minutes. */
async function setup() {
  const server = new ApiServer({ store: new Store(), clock: new ManualClock(START), random: new Random(1) });
  const transport: ShellTransport = async (method, path, query, accept, send) => {
    const headers: Record<string, string> = send?.contentType ? { accept, 'content-type': send.contentType } : { accept };
    const res = await server.handle({ method, path, query, headers, ...(send?.body !== undefined ? { body: send.body } : {}) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body };
  };
  const post = async (path: string, obj: unknown) => {
    const res = await server.handle({ method: 'POST', path, query: {}, headers: { 'content-type': 'application/json' }, body: JSON.stringify(obj) });
    if (isStream(res) || res.status >= 300) throw new Error(`POST ${path}: ${JSON.stringify(isStream(res) ? res : res.body)}`);
    return res.body as { metadata: { uid: string } };
  };
  await post('/api/v1/namespaces', { metadata: { name: 'default' } });
  let out = '';
  let err = '';
  const state = { context: 'kubelab', namespace: 'default', lastExit: 0 };
  const shell = new ShellEngine(transport, state, { out: (t) => (out += t), err: (t) => (err += t) }, { now: () => START + 10 * 60_000 });
  const run = async (line: string) => {
    out = '';
    err = '';
    await shell.run(line);
    return { out, err, exit: state.lastExit };
  };
  return { run, post };
}

const pod = (name: string, extra: Record<string, unknown> = {}) => ({ metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...extra } });

describe('kubectl describe in the shell', () => {
  it('breaks a role down to one verb a rule, merges them per resource and sorts them as kubectl does', async () => {
    const { run, post } = await setup();
    await post('/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', {
      metadata: { name: 'reader' },
      rules: [
        { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['list'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] },
        { apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'], verbs: ['update'] },
      ],
    });
    const r = await run('kubectl describe role reader');
    expect(r.out).toBe(
      [
        'Name:         reader',
        'Labels:       <none>',
        'Annotations:  <none>',
        'PolicyRule:',
        '  Resources         Non-Resource URLs  Resource Names  Verbs',
        '  ---------         -----------------  --------------  -----',
        '  pods/log          []                 []              [get list]',
        '  pods              []                 []              [get list]',
        '  deployments.apps  []                 []              [list get]',
        '  configmaps        []                 [a]             [update]',
        '',
      ].join('\n'),
    );
  });

  it('shows the size of a secret’s values, never the values', async () => {
    const { run, post } = await setup();
    await post('/api/v1/namespaces/default/secrets', { metadata: { name: 'creds' }, data: { password: 'czNjcjN0IQ==' } });
    const r = await run('kubectl describe secret creds');
    expect(r.out).toContain('Type:  Opaque\n\nData\n====\npassword:  7 bytes\n');
    expect(r.out).not.toContain('s3cr3t');
  });

  it('describes the objects whose names start with a prefix when none has the name', async () => {
    const { run, post } = await setup();
    for (const name of ['web-1', 'web-2', 'db']) await post('/api/v1/namespaces/default/pods', pod(name));
    const r = await run('kubectl describe pods web');
    expect([...r.out.matchAll(/^Name: +(\S+)$/gm)].map((m) => m[1])).toEqual(['web-1', 'web-2']);
    expect(r.out).not.toContain('db');
    // kubectl prints each object a prefix matched followed by an empty line.
    expect(r.out).toMatch(/Events: +<none>\n\nName: +web-2\n[^]*Events: +<none>\n\n$/);
    const missing = await run('kubectl describe pods nope');
    expect(missing).toEqual({ out: '', err: 'Error from server (NotFound): pods "nope" not found\n', exit: 1 });
  });

  it('prints the found objects and then an error per missing one', async () => {
    const { run, post } = await setup();
    await post('/api/v1/namespaces/default/pods', pod('web-1'));
    const r = await run('kubectl describe pods web-1 nope nope2');
    expect(r.out).toMatch(/^Name: +web-1\n/);
    expect(r.err).toBe('Error from server (NotFound): pods "nope" not found\nError from server (NotFound): pods "nope2" not found\n');
    expect(r.exit).toBe(1);
  });

  it('rejects what kubectl’s resource builder rejects', async () => {
    const { run } = await setup();
    expect((await run('kubectl describe pods -l app=web web-1')).err).toBe('error: name cannot be provided when a selector is specified\n');
    expect((await run('kubectl describe pod web-1 -A')).err).toBe('error: a resource cannot be retrieved by name across all namespaces\n');
    expect((await run('kubectl describe pods,svc web-1')).err).toBe('error: you may only specify a single resource type\n');
    expect((await run('kubectl describe')).err).toBe('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect((await run('kubectl describe pv')).err).toBe('No resources found in default namespace.\n');
    expect((await run('kubectl describe pods -A')).err).toBe('No resources found\n');
  });

  it('lists an object’s events with their ages at the client’s time, unless --show-events=false', async () => {
    const { run, post } = await setup();
    const created = await post('/api/v1/namespaces/default/pods', pod('web-1'));
    await post('/api/v1/namespaces/default/events', {
      metadata: { name: 'web-1.1' },
      involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: created.metadata.uid },
      reason: 'BackOff',
      message: 'Back-off pulling image "nginx:9"',
      type: 'Warning',
      source: { component: 'kubelet' },
      count: 3,
      firstTimestamp: new Date(START + 5 * 60_000).toISOString(),
      lastTimestamp: new Date(START + 8 * 60_000).toISOString(),
    });
    const shown = await run('kubectl describe pod web-1');
    expect(shown.out).toContain('Events:\n  Type     Reason   Age              From     Message\n  ----     ------   ----             ----     -------\n  Warning  BackOff  2m (x3 over 5m)  kubelet  Back-off pulling image "nginx:9"\n');
    const hidden = await run('kubectl describe pod web-1 --show-events=false');
    expect(hidden.out).not.toContain('Events');
    expect(hidden.out.endsWith('node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n')).toBe(true);
  });

  it('shows a node’s pods with their requests and limits as a share of what it can allocate', async () => {
    const { run, post } = await setup();
    await post('/api/v1/nodes', { metadata: { name: 'n1', labels: { 'node-role.kubernetes.io/worker': '' } }, status: { capacity: { cpu: '2', memory: '4Gi', pods: '110' }, allocatable: { cpu: '2', memory: '4Gi', pods: '110' } } });
    const resources = { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '2Gi' } };
    await post('/api/v1/namespaces/default/pods', { metadata: { name: 'big' }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx:1.27', resources }] } });
    const r = await run('kubectl describe node n1');
    expect(r.out).toContain('Roles:              worker\n');
    expect(r.out).toContain('Lease:              Failed to get lease: leases.coordination.k8s.io "n1" not found\n');
    expect(r.out).toMatch(/Non-terminated Pods: +\(1 in total\)\n/);
    expect(r.out).toMatch(/ {2}default +big +500m \(25%\) +1 \(50%\) +1Gi \(25%\) +2Gi \(50%\) +10m\n/);
    expect(r.out).toMatch(/ {2}cpu +500m \(25%\) +1 \(50%\)\n {2}memory +1Gi \(25%\) +2Gi \(50%\)\n {2}ephemeral-storage +0 \(0%\) +0 \(0%\)\n/);
  });

  it('describes a kind without a describer of its own field by field (the generic describer)', async () => {
    const { run, post } = await setup();
    await post('/apis/coordination.k8s.io/v1/namespaces/default/leases', { metadata: { name: 'lock' }, spec: { holderIdentity: 'a', leaseDurationSeconds: 15 } });
    const r = await run('kubectl describe lease lock');
    expect(r.out).toMatch(/^Name: +lock\nNamespace: +default\nLabels: +<none>\nAnnotations: +<none>\nAPI Version: +coordination\.k8s\.io\/v1\nKind: +Lease\nMetadata:\n {2}Creation Timestamp: +2026-01-01T00:00:00Z\n/);
    expect(r.out).toMatch(/Spec:\n {2}Holder Identity: +a\n {2}Lease Duration Seconds: +15\nEvents: +<none>\n$/);
  });
});
