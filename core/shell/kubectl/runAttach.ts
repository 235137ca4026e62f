/**
 * The attached part of `kubectl run` (`-i`, `-t`, `--attach`, `--rm`), as kubectl 1.32's
 * RunOptions.Run does it: wait for the pod to run and be ready (a completed pod shows its log
 * instead), attach to it, then — with restart policy Never or OnFailure and stdin closed after
 * the first attach — wait for the pod to complete and take its exit code (`pod default/x
 * terminated (Error)`); `--rm` deletes the pod at the very end (`pod "x" deleted`).
 */
import type { KubeObject, Pod } from '../../api/types';
import { attachTo } from './attach';
import type { Kubectl } from './context';
import { CommandError, serverError } from './errors';

type Condition = (type: string, pod: Pod) => boolean;

/** Watches one pod until `cond` holds; resolves with it (undefined when interrupted). */
async function waitForPod(k: Kubectl, ns: string, name: string, cond: Condition): Promise<Pod | undefined> {
  const path = `/api/v1/namespaces/${ns}/pods`;
  const fieldSelector = `metadata.name=${name}`;
  for (;;) {
    const list = await k.send('GET', path, { fieldSelector });
    if (list.status >= 400) throw new CommandError(serverError(list.body));
    const body = list.body as { items: Pod[]; metadata?: { resourceVersion?: string } };
    const first = body.items[0];
    if (first && cond('ADDED', first)) return first;
    const stream = k.deps.stream;
    if (!stream) throw new CommandError('error: watch is not supported by this terminal');
    let found: Pod | undefined;
    let failure: unknown;
    const handle = stream(path, { fieldSelector, watch: 'true', resourceVersion: body.metadata?.resourceVersion ?? '' }, 'application/json', (data) => {
      const ev = data as { type?: string; object?: Pod };
      if (found || failure || !ev.object || ev.type === 'BOOKMARK' || ev.type === 'ERROR') return;
      try {
        if (cond(ev.type ?? '', ev.object)) {
          found = ev.object;
          handle.stop();
        }
      } catch (e) {
        failure = e;
        handle.stop();
      }
    });
    const stop = () => handle.stop();
    k.signal?.addEventListener('abort', stop);
    if (k.signal?.aborted) stop();
    await handle.done;
    if (failure) throw failure;
    if (found) return found;
    if (k.signal?.aborted) return undefined;
  }
}

const deleted: Condition = (type) => {
  if (type === 'DELETED') throw new CommandError('Error from server (NotFound): pods "" not found');
  return false;
};

/** podRunningAndReady (a completed pod also ends the wait). */
const runningAndReady: Condition = (type, pod) => {
  deleted(type, pod);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return true;
  return phase === 'Running' && (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
};

const completed: Condition = (type, pod) => {
  deleted(type, pod);
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
};

const succeeded: Condition = (type, pod) => {
  deleted(type, pod);
  if (pod.status?.phase === 'Failed') throw new CommandError('error: pod ran to completion');
  return pod.status?.phase === 'Succeeded';
};

/** What `kubectl run` attaches with. */
export interface RunAttachOptions {
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  remove: boolean;
  leaveStdinOpen: boolean;
  restartPolicy: string;
}

/** Attaches to the pod `kubectl run` created, waits for its exit code when it should, removes it with `--rm`. */
export async function runAttached(k: Kubectl, created: KubeObject, o: RunAttachOptions): Promise<void> {
  const ns = created.metadata.namespace ?? k.state.namespace;
  const name = created.metadata.name ?? '';
  let failure: unknown;
  try {
    const pod = await waitForPod(k, ns, name, runningAndReady);
    if (!pod) return;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') await printLog(k, ns, name);
    else {
      try {
        await attachTo(k, pod, { container: '', stdin: o.stdin, tty: o.tty, quiet: o.quiet });
      } catch (e) {
        if (!(e instanceof CommandError) || e.code !== 1) throw e;
        k.io.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${e.message.replace(/^error: /, '')}\n`);
        await printLog(k, ns, name);
      }
    }
    const waitForExit = !o.leaveStdinOpen && (o.restartPolicy === 'Never' || o.restartPolicy === 'OnFailure');
    if (!waitForExit || k.signal?.aborted || k.exit === 130) return;
    const done = await waitForPod(k, ns, name, o.restartPolicy === 'OnFailure' ? succeeded : completed);
    if (!done || done.status?.phase === 'Succeeded') return;
    const term = done.status?.containerStatuses?.[0]?.state.terminated;
    if (!term || term.exitCode === 0) throw new CommandError(`error: pod ${ns}/${name} failed with unknown exit code`);
    throw new CommandError(`pod ${ns}/${name} terminated (${term.reason ?? ''})\n${term.message ?? ''}`.replace(/\n$/, ''), term.exitCode);
  } catch (e) {
    failure = e;
  } finally {
    if (o.remove) {
      const r = await k.send('DELETE', `/api/v1/namespaces/${ns}/pods/${name}`, {}, {});
      if (r.status < 400) k.io.out(`pod "${name}" deleted\n`);
      else if (r.status !== 404) k.io.err(`${serverError(r.body)}\n`);
    }
  }
  if (failure) throw failure;
}

async function printLog(k: Kubectl, ns: string, name: string): Promise<void> {
  const r = await k.send('GET', `/api/v1/namespaces/${ns}/pods/${name}/log`, {}, undefined, undefined, '*/*');
  if (r.status >= 400) throw new CommandError(serverError(r.body));
  k.io.out(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
}
