import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../apiserver/handler';
import { isStream } from '../../apiserver/request';
import { ManualClock } from '../../clock/clock';
import { Random } from '../../clock/random';
import { Store } from '../../storage/store';
import { ShellEngine, type ShellFiles, type ShellStream, type ShellTransport } from '../engine';

/** A shell over a bare ApiServer, with in-memory files and a stream for watches. */
async function setup(files: Record<string, string> = {}) {
  const server = new ApiServer({ store: new Store(), clock: new ManualClock(Date.parse('2026-01-01T00:00:00Z')), random: new Random(1) });
  const transport: ShellTransport = async (method, path, query, accept, send) => {
    const headers: Record<string, string> = send?.contentType ? { accept, 'content-type': send.contentType } : { accept };
    const res = await server.handle({ method, path, query, headers, ...(send?.body !== undefined ? { body: send.body } : {}) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body };
  };
  const stream: ShellStream = (path, query, accept, onData) => {
    let stop = () => undefined as void;
    let end = () => undefined as void;
    const done = (async () => {
      const res = await server.handle({ method: 'GET', path, query, headers: { accept } });
      if (!isStream(res)) return { status: res.status, body: (res as { body: unknown }).body };
      await new Promise<void>((resolve) => {
        end = resolve;
        stop = res.stream.start({ send: (e) => onData(e), end: resolve });
      });
      return undefined;
    })();
    return {
      done,
      stop() {
        stop();
        end();
      },
    };
  };
  const fs: ShellFiles = {
    readFile: async (p) => {
      const t = files[p];
      if (t === undefined) throw new Error(`the path "${p}" does not exist`);
      return t;
    },
    stat: async (p) => (files[p] !== undefined ? 'file' : Object.keys(files).some((f) => f.startsWith(`${p}/`)) ? 'dir' : undefined),
    readDir: async (p) => Object.keys(files).filter((f) => f.startsWith(`${p}/`)).map((f) => f.slice(p.length + 1)).sort(),
  };
  await server.handle({ method: 'POST', path: '/api/v1/namespaces', query: {}, headers: {}, body: JSON.stringify({ metadata: { name: 'default' } }) });
  let out = '';
  let err = '';
  const state = { context: 'kubelab', namespace: 'default', lastExit: 0 };
  const shell = new ShellEngine(transport, state, { out: (t) => (out += t), err: (t) => (err += t) }, { stream, files: fs, parseYaml: (t) => t.split(/^---$/m).map((d) => JSON.parse(d) as unknown) });
  const run = async (line: string, signal?: { aborted: boolean; addEventListener(t: 'abort', f: () => void): void }) => {
    out = '';
    err = '';
    await shell.run(line, signal);
    return { out, err, exit: state.lastExit };
  };
  return { run, state, server };
}

const cm = (name: string) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: 'b' } });

describe('kubectl create, label, annotate, scale, delete in the shell', () => {
  it('creates from files and directories, and says AlreadyExists with the file name', async () => {
    const { run } = await setup({ 'one.json': cm('one'), 'dir/a.json': cm('a'), 'dir/b.json': `${cm('b')}\n---\n${cm('c')}`, 'dir/skip.txt': 'x' });
    expect(await run('kubectl create -f one.json')).toEqual({ out: 'configmap/one created\n', err: '', exit: 0 });
    expect((await run('kubectl create -f dir')).out).toBe('configmap/a created\nconfigmap/b created\nconfigmap/c created\n');
    const again = await run('kubectl create -f one.json');
    expect(again.err).toBe('Error from server (AlreadyExists): error when creating "one.json": configmaps "one" already exists\n');
    expect(again.exit).toBe(1);
    expect((await run('kubectl create -f nope.json')).err).toBe('error: the path "nope.json" does not exist\n');
  });

  it('labels and annotates with --overwrite and key-, as kubectl words it', async () => {
    const { run } = await setup({ 'one.json': cm('one') });
    await run('kubectl create -f one.json');
    expect((await run('kubectl label cm one x=1')).out).toBe('configmap/one labeled\n');
    const conflict = await run('kubectl label cm one x=2');
    expect(conflict.err).toBe("error: 'x' already has a value (1), and --overwrite is false\n");
    expect((await run('kubectl label cm one x=2 --overwrite')).out).toBe('configmap/one labeled\n');
    expect((await run('kubectl get cm one -o jsonpath={.metadata.labels.x}')).out).toBe('2');
    expect((await run('kubectl label cm one x-')).out).toBe('configmap/one unlabeled\n');
    expect((await run('kubectl label cm one x-')).out).toBe('label "x" not found.\nconfigmap/one not labeled\n');
    expect((await run('kubectl annotate cm one note=hi')).out).toBe('configmap/one annotated\n');
  });

  it('deletes by name and by selector, and reports what is missing', async () => {
    const { run } = await setup({ 'one.json': cm('one') });
    await run('kubectl create -f one.json');
    await run('kubectl create configmap two --from-literal=k=v');
    await run('kubectl label cm two gone=yes');
    expect((await run('kubectl delete cm -l gone=yes')).out).toBe('configmap "two" deleted\n');
    expect((await run('kubectl delete cm one nope')).err).toBe('Error from server (NotFound): configmaps "nope" not found\n');
    expect((await run('kubectl get cm')).err).toBe('No resources found in default namespace.\n');
  });

  it('switches the namespace with config set-context --current', async () => {
    const { run, state } = await setup();
    expect((await run('kubectl config set-context --current --namespace=kube-system')).out).toBe('Context "kubelab" modified.\n');
    expect(state.namespace).toBe('kube-system');
  });
});

describe('kubectl get -w in the shell', () => {
  it('prints the table, then a row for each change, until Ctrl-C aborts it', async () => {
    const { run, server } = await setup({ 'one.json': cm('one') });
    await run('kubectl create -f one.json');
    const listeners: (() => void)[] = [];
    const signal = { aborted: false, addEventListener: (_t: 'abort', f: () => void) => listeners.push(f) };
    const watching = run('kubectl get cm -w', signal);
    await new Promise((r) => setTimeout(r, 20));
    await server.handle({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', query: {}, headers: {}, body: cm('two') });
    await new Promise((r) => setTimeout(r, 20));
    signal.aborted = true;
    for (const f of listeners) f();
    const r = await watching;
    expect(r.out.split('\n').map((l) => l.split(/ +/)[0])).toEqual(['NAME', 'one', 'two', '']);
    expect(r.exit).toBe(0);
  });
});
