/**
 * The bundled shell with pods/exec and pods/attach in process, for scenario tests: the stream
 * capability over the cluster's API server (the same RemoteCommand the host runs over its
 * WebSocket), watches for `run -it`, a workspace in memory for `kubectl cp`, and a scripted
 * terminal whose keystrokes a test types while a session runs.
 */
import { Kubectl } from '../../core/shell/kubectl/context';
import { Discovery } from '../../core/shell/kubectl/discovery';
import { CommandError } from '../../core/shell/kubectl/errors';
import { COMMANDS } from '../../core/shell/kubectl/commands';
import { runKubectl } from '../../core/shell/kubectl/root';
import { splitWords } from '../../core/shell/words';
import type { ShellDeps, ShellExec, ShellFiles, ShellStream, ShellTransport } from '../../core/shell/types';
import { isStream, type ApiRequest } from '../../core/apiserver/request';
import type { Scenario } from './harness';

const ADMIN = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

/** A terminal a test types into: what the session reads while it holds stdin. */
export interface ScriptedTerminal {
  /** Types keystrokes (or stdin bytes) into the session holding stdin; false when none does. */
  type(text: string): boolean;
  /** Ends stdin. */
  end(): void;
  /** Whether a session holds stdin now. */
  readonly held: boolean;
}

/** A shell with exec, its workspace and its terminal. */
export interface ExecShell {
  /** Runs a `kubectl ...` line to its end. */
  kubectl(line: string): Promise<{ out: string; err: string; code: number }>;
  /** Starts a `kubectl ...` line; the test drives the terminal and the clock meanwhile. */
  start(line: string): { out: () => string; err: () => string; done: Promise<number> };
  terminal: ScriptedTerminal;
  /** The workspace's files, by path. */
  files: Map<string, string>;
}

function request(s: Scenario, method: string, path: string, query: Record<string, string>, headers: Record<string, string>, body?: string, queryAll?: Record<string, string[]>): Promise<Awaited<ReturnType<Scenario['cluster']['handle']>>> {
  const req: ApiRequest = { method, path, query, headers, user: ADMIN, ...(body !== undefined ? { body } : {}), ...(queryAll ? { queryAll } : {}) };
  return s.cluster.handle(req);
}

/** A shell over the scenario's cluster with `exec` (a terminal when `tty`). */
export function execShell(s: Scenario, tty = true): ExecShell {
  const transport: ShellTransport = async (method, path, query, accept, send) => {
    const res = await request(s, method, path, query, send?.contentType ? { accept, 'content-type': send.contentType } : { accept }, send?.body);
    if (isStream(res)) throw new Error('unexpected stream');
    // Bytes (a log) arrive as text, as over HTTP.
    return { status: res.status, body: res.body instanceof Uint8Array ? new TextDecoder().decode(res.body) : res.body };
  };
  const stream: ShellStream = (path, query, accept, onData) => {
    let stop = () => undefined as void;
    const done = (async () => {
      const res = await request(s, 'GET', path, query, { accept });
      if (!isStream(res)) return { status: res.status, body: res.body };
      await new Promise<void>((resolve) => {
        const end = res.stream.start({ send: (e) => onData(e.object !== undefined && res.stream.text ? e.object : e), end: () => resolve() });
        stop = () => {
          end();
          resolve();
        };
      });
      return undefined;
    })();
    return { done, stop: () => stop() };
  };
  let holder: { data(t: string): void; end(): void } | undefined;
  const terminal: ScriptedTerminal = {
    type(text) {
      if (!holder) return false;
      holder.data(text);
      return true;
    },
    end() {
      holder?.end();
    },
    get held() {
      return holder !== undefined;
    },
  };
  const exec: ShellExec = {
    stdinIsTTY: tty,
    size: () => (tty ? { cols: 120, rows: 40 } : undefined),
    takeStdin(_raw, input) {
      holder = input;
      return () => {
        if (holder === input) holder = undefined;
      };
    },
    async open(path, query, output) {
      const first: Record<string, string> = {};
      const all: Record<string, string[]> = {};
      for (const [k, v] of query) {
        first[k] ??= v;
        (all[k] ??= []).push(v);
      }
      const res = await request(s, 'GET', path, first, { connection: 'Upgrade', upgrade: 'websocket' }, undefined, all);
      if (!isStream(res) || !res.stream.remote) return { status: res.status, body: isStream(res) ? {} : res.body };
      let finish: (st: Record<string, unknown> | undefined) => void = () => undefined;
      const done = new Promise<Record<string, unknown> | undefined>((r) => (finish = r));
      const control = res.stream.remote.start({ stdout: output.stdout, stderr: output.stderr, end: (st) => finish(st) });
      return {
        write: (t) => control.stdin(t),
        closeStdin: () => control.closeStdin(),
        resize: (c, r) => control.resize(c, r),
        done,
        close: () => {
          control.close();
          finish(undefined);
        },
      };
    },
  };
  const files = new Map<string, string>();
  const dirs = new Set<string>(['.']);
  const clean = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
  const ws: ShellFiles = {
    readFile: async (p) => {
      const v = files.get(clean(p));
      if (v === undefined) throw new Error(`the path "${p}" does not exist`);
      return v;
    },
    stat: async (p) => (files.has(clean(p)) ? 'file' : dirs.has(clean(p)) ? 'dir' : undefined),
    readDir: async (p) => {
      const prefix = clean(p) === '.' ? '' : `${clean(p)}/`;
      const names = new Set<string>();
      for (const k of [...files.keys(), ...dirs]) if (k.startsWith(prefix) && k !== clean(p) && k !== '.') names.add(k.slice(prefix.length).split('/')[0] as string);
      return [...names].sort();
    },
    writeFile: async (p, t) => void files.set(clean(p), t),
    mkdir: async (p) => {
      const parts = clean(p).split('/');
      for (let i = 1; i <= parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    },
  };
  const deps: ShellDeps = { exec, stream, files: ws };
  const discovery = new Discovery(transport);
  const start = (line: string) => {
    let out = '';
    let err = '';
    const state = { context: 'kubelab', namespace: 'default', lastExit: 0 };
    const k = new Kubectl(transport, state, { out: (t) => (out += t), err: (t) => (err += t) }, deps, discovery);
    const words = splitWords(line).words.slice(1);
    const done = runKubectl(k, words, COMMANDS).then(
      () => k.exit,
      (e: unknown) => {
        err += `${(e as Error).message}\n`;
        return e instanceof CommandError ? e.code : 1;
      },
    );
    return { out: () => out, err: () => err, done };
  };
  return {
    terminal,
    files,
    start,
    async kubectl(line) {
      const r = start(line);
      let code: number | undefined;
      void r.done.then((c) => (code = c));
      // Let the cluster run (virtual time) until the command ends.
      await s.until(() => (code !== undefined ? true : undefined), 120_000, 100);
      return { out: r.out(), err: r.err(), code: code as number };
    },
  };
}
