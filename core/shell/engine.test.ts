import { describe, expect, it } from 'vitest';
import { ApiServer } from '../apiserver/handler';
import { isStream } from '../apiserver/request';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ShellEngine, TABLE_ACCEPT, serverError, type ShellTransport } from './engine';

const START = Date.parse('2026-01-01T00:00:00Z');

/** A shell over a real ApiServer holding two nodes, pods in default and kube-system, and an empty namespace. */
async function setup() {
  const server = new ApiServer({ store: new Store(), clock: new ManualClock(START), random: new Random(1) });
  const requests: { method: string; path: string; accept: string }[] = [];
  const transport: ShellTransport = async (method, path, query, accept) => {
    requests.push({ method, path, accept });
    const res = await server.handle({ method, path, query, headers: { accept } });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body };
  };
  const post = async (path: string, body: unknown) => {
    const res = await server.handle({ method: 'POST', path, query: {}, headers: {}, body: JSON.stringify(body) });
    if (isStream(res) || res.status !== 201) throw new Error(`setup failed: ${path}`);
  };
  for (const name of ['default', 'kube-system', 'empty']) await post('/api/v1/namespaces', { metadata: { name } });
  const ready = { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.32.4' } };
  await post('/api/v1/nodes', { metadata: { name: 'cp', labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: {}, status: ready });
  await post('/api/v1/nodes', { metadata: { name: 'worker1' }, spec: {}, status: ready });
  const pod = (name: string) => ({ metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  await post('/api/v1/namespaces/default/pods', pod('web'));
  await post('/api/v1/namespaces/kube-system/pods', pod('etcd-cp'));
  let out = '';
  let err = '';
  const shell = new ShellEngine(transport, { context: 'kubelab', namespace: 'default', lastExit: 0 }, { out: (t) => (out += t), err: (t) => (err += t) });
  const run = async (line: string) => {
    out = '';
    err = '';
    const result = await shell.run(line);
    return { result, out, err, exit: shell.state.lastExit };
  };
  return { run, requests };
}

const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');

describe('ShellEngine kubectl get', () => {
  it('prints nodes as kubectl does, asking for a Table', async () => {
    const { run, requests } = await setup();
    const r = await run('kubectl get nodes');
    expect(r.err).toBe('');
    expect(r.exit).toBe(0);
    expect(r.out).toBe(lines('NAME      STATUS   ROLES           AGE   VERSION', 'cp        Ready    control-plane   0s    v1.32.4', 'worker1   Ready    <none>          0s    v1.32.4'));
    expect(requests.at(-1)).toEqual({ method: 'GET', path: '/api/v1/nodes', accept: TABLE_ACCEPT });
  });

  it('resolves short names, singular names and kinds', async () => {
    const { run } = await setup();
    const expected = (await run('kubectl get pods')).out;
    expect(expected).toBe(lines('NAME   READY   STATUS    RESTARTS   AGE', 'web    0/1     Pending   0          0s'));
    for (const t of ['po', 'pod', 'Pod', 'PODS']) expect((await run(`kubectl get ${t}`)).out).toBe(expected);
    expect((await run('k get no')).out).toContain('worker1');
  });

  it('lists every namespace with -A, with a NAMESPACE column', async () => {
    const { run } = await setup();
    expect((await run('kubectl get po -A')).out).toBe(
      lines('NAMESPACE     NAME      READY   STATUS    RESTARTS   AGE', 'default       web       0/1     Pending   0          0s', 'kube-system   etcd-cp   0/1     Pending   0          0s'),
    );
  });

  it('uses -n, --namespace= and -nNAME', async () => {
    const { run } = await setup();
    for (const flags of ['-n kube-system', '--namespace kube-system', '--namespace=kube-system', '-nkube-system', '-n=kube-system']) {
      expect((await run(`kubectl get pods ${flags}`)).out).toContain('etcd-cp');
    }
  });

  it('prints wide columns with -o wide, and no headers with --no-headers', async () => {
    const { run } = await setup();
    expect((await run('kubectl get pods -o wide')).out.split('\n')[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES');
    const bare = (await run('kubectl get pods -owide --no-headers')).out;
    expect(bare).not.toContain('NAME');
    expect(bare.split('\n').filter((l) => l).map((l) => l.split(/ +/))).toEqual([['web', '0/1', 'Pending', '0', '0s', '<none>', '<none>', '<none>', '<none>']]);
    // kubectl's tabwriter makes every column at least 6 wide, padding included.
    expect((await run('kubectl get pods --no-headers')).out).toBe('web   0/1   Pending   0     0s\n');
    const bad = await run('kubectl get pods -o yml');
    expect(bad.exit).toBe(1);
    expect(bad.err).toContain('unable to match a printer suitable for the output format "yml"');
  });

  it('gets objects by name, printing the server error for a missing one', async () => {
    const { run } = await setup();
    expect((await run('kubectl get pod/web')).out).toBe(lines('NAME   READY   STATUS    RESTARTS   AGE', 'web    0/1     Pending   0          0s'));
    const missing = await run('kubectl get pods nope');
    expect(missing.out).toBe('');
    expect(missing.err).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(missing.exit).toBe(1);
    const mixed = await run('kubectl get pods web nope');
    expect(mixed.out).toContain('web');
    expect(mixed.err).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('says so when there is nothing to list', async () => {
    const { run } = await setup();
    const r = await run('kubectl get pods -n empty');
    expect(r.out).toBe('');
    expect(r.err).toBe('No resources found in empty namespace.\n');
    expect(r.exit).toBe(0);
  });

  it('refuses an unknown resource type', async () => {
    const { run } = await setup();
    const r = await run('kubectl get foo');
    expect(r.err).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(r.exit).toBe(1);
  });

  it('refuses unknown flags and missing arguments with kubectl\'s words', async () => {
    const { run } = await setup();
    expect((await run('kubectl get pods --foo=bar')).err).toBe("Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    expect((await run('kubectl get pods -z')).err).toBe("Error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n");
    expect((await run('kubectl get pods -n')).err).toBe("Error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
    const noType = await run('kubectl get');
    expect(noType.err).toContain('error: Required resource not specified.');
    expect(noType.exit).toBe(1);
  });
});

describe('ShellEngine builtins', () => {
  it('exit and logout ask the front end to end the session; clear clears the screen; help lists kubectl', async () => {
    const { run } = await setup();
    expect((await run('exit')).result).toBe('exit');
    expect((await run('logout')).result).toBe('exit');
    expect((await run('clear')).out).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect((await run('help')).out).toContain('kubectl COMMAND');
  });

  it('reports an unknown command with exit code 127, and a later success resets it', async () => {
    const { run } = await setup();
    const r = await run('xyz --flag');
    expect(r.err).toBe('kubelab: xyz: command not found\nhint: this lab\'s shell runs kubectl and its own builtins, not this computer\'s programs; type "help" for the list\n');
    expect(r.exit).toBe(127);
    expect((await run('kubectl get nodes')).exit).toBe(0);
  });

  it('reports a quoting error with exit code 2', async () => {
    const { run } = await setup();
    const r = await run("kubectl get 'pods");
    expect(r.err).toBe("kubelab: unexpected EOF while looking for matching `''\n");
    expect(r.exit).toBe(2);
  });

  it('does nothing for a blank line or a comment', async () => {
    const { run } = await setup();
    expect(await run('   # nothing')).toEqual({ result: undefined, out: '', err: '', exit: 0 });
  });

  it('refuses unknown kubectl commands as cobra does, with suggestions', async () => {
    const { run } = await setup();
    const r = await run('kubectl gett pods');
    expect(r.err).toBe('Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\n');
    expect(r.exit).toBe(1);
    expect((await run('kubectl xyzzy')).err).toBe('Error: unknown command "xyzzy" for "kubectl"\n');
  });
});

describe('serverError', () => {
  it('prints a Status as kubectl does', () => {
    expect(serverError({ kind: 'Status', reason: 'Forbidden', message: 'nope' })).toBe('Error from server (Forbidden): nope');
    expect(serverError({ kind: 'Status', message: 'plain' })).toBe('Error from server: plain');
    expect(serverError('oops')).toBe('Error from server: "oops"');
  });
});
