import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import type { KubeletStreams, RemoteCommandControl, RemoteProcess } from './remoteCommand';
import { isStream, type ApiRequest } from './request';

const PODS = '/api/v1/namespaces/default/pods';
const UPGRADE = { connection: 'Upgrade', upgrade: 'websocket' };

/** A process that echoes stdin on stdout and exits with the number it reads. */
function echo(): RemoteProcess & { input: string[] } {
  let out: (s: 'stdout' | 'stderr', t: string) => void = () => undefined;
  let exit: (c: number) => void = () => undefined;
  const p = {
    input: [] as string[],
    write: (t: string) => {
      p.input.push(t);
      out('stdout', t);
      if (/^\d+$/.test(t)) exit(Number(t));
    },
    closeStdin: () => exit(0),
    resize: () => undefined,
    onOutput: (fn: typeof out) => (out = fn),
    onExit: (fn: typeof exit) => (exit = fn),
    close: () => undefined,
  };
  return p;
}

async function setup(kubelet?: Partial<KubeletStreams>) {
  const api = new ApiServer({ store: new Store(), clock: new ManualClock(0), random: new Random(1), nodes: (n) => (n === 'n1' && kubelet ? { containerLogs: () => ({ text: '' }), ...kubelet } : undefined) });
  const call = (req: Partial<ApiRequest> & { method: string; path: string }) => api.handle({ query: {}, headers: {}, ...req });
  await call({ method: 'POST', path: '/api/v1/namespaces', body: JSON.stringify({ metadata: { name: 'default' } }) });
  const pod = async (name: string, containers: string[], node?: string) => {
    await call({ method: 'POST', path: PODS, body: JSON.stringify({ metadata: { name }, spec: { containers: containers.map((c) => ({ name: c, image: 'busybox' })) } }) });
    if (node) await call({ method: 'POST', path: `${PODS}/${name}/binding`, body: JSON.stringify({ target: { kind: 'Node', name: node } }) });
  };
  const refusal = async (req: Partial<ApiRequest> & { method: string; path: string }) => {
    const res = await call(req);
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, message: (res.body as { message?: string }).message };
  };
  return { call, pod, refusal };
}

/** Runs a remote command to its end: what it printed and the final Status. */
function run(control: (c: RemoteCommandControl) => void, start: (sink: Parameters<NonNullable<ReturnType<typeof remoteOf>>['start']>[0]) => RemoteCommandControl) {
  let out = '';
  let status: Record<string, unknown> | undefined;
  const c = start({ stdout: (t) => (out += t), stderr: (t) => (out += `[err]${t}`), end: (s) => (status = s) });
  control(c);
  return { out, status };
}

function remoteOf(res: Awaited<ReturnType<ApiServer['handle']>>) {
  return isStream(res) ? res.stream.remote : undefined;
}

describe('pods/exec and pods/attach', () => {
  it('refuses as kube-apiserver does before any upgrade', async () => {
    const { pod, refusal } = await setup();
    await pod('one', ['a'], 'n1');
    await pod('two', ['a', 'b'], 'n1');
    await pod('loose', ['a']);
    expect(await refusal({ method: 'GET', path: `${PODS}/none/exec`, headers: UPGRADE })).toEqual({ status: 404, message: 'pods "none" not found' });
    expect(await refusal({ method: 'GET', path: `${PODS}/one/exec`, query: { container: 'x' }, headers: UPGRADE })).toEqual({ status: 400, message: 'container x is not valid for pod one' });
    expect(await refusal({ method: 'GET', path: `${PODS}/two/exec`, headers: UPGRADE })).toEqual({ status: 400, message: 'a container name must be specified for pod two, choose one of: [a b]' });
    expect(await refusal({ method: 'GET', path: `${PODS}/loose/exec`, headers: UPGRADE })).toEqual({ status: 400, message: 'pod loose does not have a host assigned' });
    expect(await refusal({ method: 'POST', path: `${PODS}/one/exec`, query: { command: 'ls' } })).toEqual({ status: 400, message: 'Upgrade request required' });
    expect(await refusal({ method: 'PUT', path: `${PODS}/one/attach`, headers: UPGRADE })).toMatchObject({ status: 405 });
  });

  it('an upgraded exec runs the command with every argument, and reports its exit code on the error channel', async () => {
    const proc = echo();
    let argv: string[] = [];
    const { pod, call } = await setup({ execStream: (_ns, _pod, _c, a) => ((argv = a), { ok: true, session: proc }) });
    await pod('one', ['a'], 'n1');
    const res = await call({ method: 'GET', path: `${PODS}/one/exec`, query: { command: 'sh' }, queryAll: { command: ['sh', '-c', 'read x'], stdin: ['true'], stdout: ['true'], stderr: ['true'] }, headers: UPGRADE });
    const remote = remoteOf(res);
    expect(remote?.options).toMatchObject({ stdin: true, stdout: true, stderr: true, tty: false, container: 'a' });
    const r = run((c) => {
      c.stdin('hi');
      c.stdin('3');
    }, (sink) => (remote as NonNullable<typeof remote>).start(sink));
    expect(argv).toEqual(['sh', '-c', 'read x']);
    expect(r.out).toBe('hi3');
    expect(r.status).toEqual({ metadata: {}, status: 'Failure', message: 'command terminated with non-zero exit code: command terminated with exit code 3', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '3' }] } });
    const ok = run((c) => c.closeStdin(), (sink) => (remote as NonNullable<typeof remote>).start(sink));
    expect(ok.status).toEqual({ metadata: {}, status: 'Success' });
  });

  it('what fails after the upgrade comes back as an internal error Status', async () => {
    const { pod, call } = await setup({ execStream: (_ns, _p, c, argv) => (argv[0] === 'bash' ? { ok: false, stage: 'exec', message: 'error executing command in container: boom' } : { ok: false, stage: 'upgrade', message: `container not found (${JSON.stringify(c)})` }) });
    await pod('one', ['a'], 'n1');
    await pod('elsewhere', ['a'], 'n2');
    const start = async (name: string, command: string) => {
      const res = await call({ method: 'GET', path: `${PODS}/${name}/exec`, query: { command }, headers: UPGRADE });
      return run(() => undefined, (sink) => (remoteOf(res) as NonNullable<ReturnType<typeof remoteOf>>).start(sink)).status;
    };
    expect(await start('one', 'ls')).toMatchObject({ reason: 'InternalError', code: 500, message: 'Internal error occurred: unable to upgrade connection: container not found ("a")' });
    expect(await start('one', 'bash')).toMatchObject({ message: 'Internal error occurred: Internal error occurred: error executing command in container: boom' });
    expect(await start('elsewhere', 'ls')).toMatchObject({ message: 'Internal error occurred: dial tcp n2:10250: connect: connection refused' });
  });
});
