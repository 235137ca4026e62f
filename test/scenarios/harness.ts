/**
 * The harness of the scenario tests: a whole simulated cluster on a manual clock with a fixed
 * seed, driven through the API as a student would drive it, and read back as `kubectl get`
 * prints it (the API server's Table, printed by the bundled shell's printer).
 */
import type { KubeObject } from '../../core/api/types';
import { ManualClock } from '../../core/clock/clock';
import { Cluster, type ClusterOptions } from '../../core/cluster';
import type { Client, ResourceRef } from '../../core/client/client';
import { ShellEngine, type ShellTransport } from '../../core/shell/engine';

/** The virtual time every scenario starts at. */
export const SCENARIO_START = Date.parse('2026-03-01T09:00:00Z');

/** A running scenario. */
export interface Scenario {
  cluster: Cluster;
  clock: ManualClock;
  /** kubernetes-admin's client. */
  client: Client;
  /** Lets the cluster react: runs pending work, then advances virtual time by `ms` in steps of `stepMs`, letting it react after each step. */
  advance(ms: number, stepMs?: number): Promise<void>;
  /** Lets pending work run without moving the clock. */
  settle(): Promise<void>;
  /** Advances time until `check` returns a value (or throws after `maxMs` of virtual time). */
  until<T>(check: () => Promise<T | undefined> | T | undefined, maxMs?: number, stepMs?: number): Promise<T>;
  /** Runs a `kubectl ...` line with the bundled shell; resolves with what it printed (stdout, stderr). */
  kubectl(line: string): Promise<{ out: string; err: string; code: number }>;
  /** Every object of the store, as `resource/namespace/name → object` (for determinism checks). */
  dump(): Record<string, KubeObject>;
  stop(): void;
}

/** Starts a cluster (control plane + `workers`, default 2) with a seed (default 1). */
export async function scenario(options: Partial<Omit<ClusterOptions, 'clock'>> = {}): Promise<Scenario> {
  const clock = new ManualClock(SCENARIO_START);
  const cluster = new Cluster({ clock, seed: options.seed ?? 1, workers: options.workers ?? 2, ...(options.name ? { name: options.name } : {}), ...(options.usage ? { usage: options.usage } : {}), ...(options.shape ? { shape: options.shape } : {}) });
  const settle = async () => {
    let last = -1;
    for (let i = 0; i < 200; i++) {
      await new Promise<void>((r) => setImmediate(r));
      const rev = cluster.store.currentRevision();
      if (rev === last) return;
      last = rev;
    }
  };
  const advance = async (ms: number, stepMs = 100) => {
    await settle();
    for (let t = 0; t < ms; t += stepMs) {
      clock.advance(Math.min(stepMs, ms - t));
      await settle();
    }
  };
  await cluster.start();
  await advance(3000);
  const client = cluster.client();
  const transport: ShellTransport = async (method, path, query, accept, send) => {
    const headers: Record<string, string> = send?.contentType ? { accept, 'content-type': send.contentType } : { accept };
    const res = await cluster.handle({ method, path, query, headers, ...(send?.body !== undefined ? { body: send.body } : {}), user: { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });
    if ('stream' in res) throw new Error('unexpected stream');
    return { status: res.status, body: res.body };
  };
  return {
    cluster,
    clock,
    client,
    advance,
    settle,
    async until(check, maxMs = 600_000, stepMs = 100) {
      for (let t = 0; ; t += stepMs) {
        await settle();
        const v = await check();
        if (v !== undefined && v !== false) return v;
        if (t >= maxMs) throw new Error(`condition not met within ${maxMs} ms of virtual time`);
        clock.advance(stepMs);
      }
    },
    async kubectl(line) {
      let out = '';
      let err = '';
      const state = { context: 'kubelab', namespace: 'default', lastExit: 0 };
      const engine = new ShellEngine(transport, state, { out: (t) => (out += t), err: (t) => (err += t) });
      await engine.run(line);
      return { out, err, code: state.lastExit };
    },
    dump() {
      const out: Record<string, KubeObject> = {};
      for (const key of cluster.store.keysWithPrefix('/')) {
        const obj = cluster.store.get(key);
        if (obj) out[key] = obj;
      }
      return out;
    },
    stop: () => cluster.stop(),
  };
}

/** A reference to one namespaced object. */
export function ref(resource: string, namespace: string, name?: string, group?: string, version?: string): ResourceRef {
  return { resource, namespace, ...(name ? { name } : {}), ...(group ? { group } : {}), ...(version ? { version } : {}) };
}
