/**
 * A bundled shell over a scenario's API server, with watch streams, for the commands that follow
 * the cluster (`kubectl wait`, `rollout status`, `port-forward`): `drive` runs the virtual clock
 * on while one of them is in flight; the wall-clock timers they ask for (`--timeout`) fire only
 * when the test says so.
 */
import { ShellEngine, type ShellTransport } from '../../core/shell/engine';
import { clusterStream } from '../../electron/cli/lessonReplay';
import type { Scenario } from './harness';

const ADMIN = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

export interface Shell {
  run(line: string, signal?: AbortSignal): Promise<{ out: string; err: string; code: number }>;
  /** Fires the wall-clock timers asked for so far (kubectl wait's --timeout). */
  fireTimers(): void;
}

/** A shell over the scenario's API server, with watches, and timers the test fires itself (or none: `timers: false`, a front end without a clock). */
export function shellFor(s: Scenario, options: { timers?: boolean } = {}): Shell {
  const headersOf = (accept: string, contentType?: string, extra: Record<string, string> = {}) => ({ accept, ...(contentType ? { 'content-type': contentType } : {}), ...extra });
  const transport: ShellTransport = async (method, path, query, accept, send) => {
    const res = await s.cluster.handle({ method, path, query, headers: headersOf(accept, send?.contentType, send?.headers), ...(send?.body !== undefined ? { body: send.body } : {}), user: ADMIN });
    if ('stream' in res) throw new Error('unexpected stream');
    return { status: res.status, body: res.body };
  };
  const stream = clusterStream(s.cluster, ADMIN);
  const timers: (() => void)[] = [];
  let out = '';
  let err = '';
  const state = { context: 'kubelab', namespace: 'default', lastExit: 0 };
  const engine = new ShellEngine(transport, state, { out: (t) => (out += t), err: (t) => (err += t) }, { stream, ...(options.timers === false ? {} : { sleep: () => new Promise<void>((r) => timers.push(r)) }) });
  return {
    async run(line, signal) {
      out = '';
      err = '';
      await engine.run(line, signal);
      return { out, err, code: state.lastExit };
    },
    fireTimers() {
      for (const t of timers.splice(0)) t();
    },
  };
}

/** Runs the cluster on until `p` settles. */
export async function drive<T>(s: Scenario, p: Promise<T>, maxMs = 120_000): Promise<T> {
  let settled = false;
  void p.finally(() => (settled = true));
  for (let t = 0; t < maxMs && !settled; t += 500) await s.advance(500);
  return p;
}

