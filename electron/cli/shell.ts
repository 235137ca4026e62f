/**
 * `kubelab shell`: the bundled shell in the current terminal (or the app's pty), over the pure
 * command engine in core/shell, talking HTTP to the API server named by a kubeconfig. Its
 * working directory is the workspace (`shellFiles.ts`), its history is kept per cluster
 * (`shellHistory.ts`), and the terminal loop (`shellLoop.ts`) does the line editing, Ctrl-R,
 * completion, continuation prompts, Ctrl-C and Ctrl-D.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ShellEngine, type ShellStream, type ShellTransport, type TransportResponse } from '../../core/shell/engine';
import { readKubeconfig, type KubeconfigTarget } from '../host/kubeconfig';
import { defaultDataDir } from '../host/paths';
import type { CommandSpec } from './commands';
import { sandboxedFiles } from './shellFiles';
import { HistoryFile, historyPath } from './shellHistory';
import { runShellLoop } from './shellLoop';
import { terminalEditor } from './editor';
import { wsExec } from './execClient';

/** An HTTP(S) agent for a kubeconfig's server. */
function agentFor(target: KubeconfigTarget): HttpAgent | HttpsAgent {
  return target.server.startsWith('https:') ? new HttpsAgent({ ca: target.ca, rejectUnauthorized: !target.insecure, keepAlive: true }) : new HttpAgent({ keepAlive: true });
}

function connectError(e: NodeJS.ErrnoException, url: URL): Error {
  if (e.code === 'ECONNREFUSED') return new Error(`The connection to the server ${url.host} was refused - did you specify the right host or port?`);
  return new Error(`Unable to connect to the server: ${e.message}`);
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** An HTTP(S) transport to the API server of a kubeconfig, with kubectl's connection errors. */
export function httpTransport(target: KubeconfigTarget): ShellTransport {
  const agent = agentFor(target);
  const send1 = (method: string, path: string, query: Record<string, string>, accept: string, send: Parameters<ShellTransport>[4], retried: boolean): Promise<TransportResponse> =>
    new Promise((resolvePromise, reject) => {
      const url = new URL(path, target.server);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      const headers: Record<string, string> = { accept, 'user-agent': 'kubelab-shell/0.1' };
      if (target.token) headers.authorization = `Bearer ${target.token}`;
      Object.assign(headers, send?.headers);
      if (send?.body !== undefined) {
        headers['content-type'] = send.contentType ?? 'application/json';
        // Node sends a DELETE's body without chunked encoding: the length must be explicit.
        headers['content-length'] = String(Buffer.byteLength(send.body));
      }
      const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = request(url, { method, headers, agent, timeout: 30_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: parseBody(Buffer.concat(chunks).toString('utf8')) }));
      });
      req.on('timeout', () => req.destroy(new Error('context deadline exceeded')));
      req.on('error', (e: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed while idle fails at once: the request never
        // reached it, so it is sent again once on a new connection (as Go's client does).
        if (!retried && req.reusedSocket && e.code === 'ECONNRESET') send1(method, path, query, accept, send, true).then(resolvePromise, reject);
        else reject(connectError(e, url));
      });
      req.end(send?.body);
    });
  return (method, path, query, accept, send) => send1(method, path, query, accept, send, false);
}

/** A streaming GET (watch: one JSON event a line; followed log: text chunks) to the kubeconfig's server. */
export function httpStream(target: KubeconfigTarget): ShellStream {
  const agent = agentFor(target);
  return (path, query, accept, onData) => {
    const url = new URL(path, target.server);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const headers: Record<string, string> = { accept, 'user-agent': 'kubelab-shell/0.1' };
    if (target.token) headers.authorization = `Bearer ${target.token}`;
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let stopped = false;
    let req: ClientRequest | undefined;
    const done = new Promise<TransportResponse | undefined>((resolvePromise, reject) => {
      req = request(url, { method: 'GET', headers, agent }, (res) => {
        const status = res.statusCode ?? 0;
        const text = !(res.headers['content-type'] ?? '').includes('json');
        if (status >= 400) {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolvePromise({ status, body: parseBody(Buffer.concat(chunks).toString('utf8')) }));
          return;
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text) return onData(chunk);
          buffer += chunk;
          let nl = buffer.indexOf('\n');
          while (nl >= 0) {
            const line = buffer.slice(0, nl).trim();
            buffer = buffer.slice(nl + 1);
            if (line) onData(parseBody(line));
            nl = buffer.indexOf('\n');
          }
        });
        res.on('end', () => resolvePromise(undefined));
        res.on('close', () => resolvePromise(undefined));
      });
      req.on('error', (e: NodeJS.ErrnoException) => (stopped ? resolvePromise(undefined) : reject(connectError(e, url))));
      req.end();
    });
    return {
      done,
      stop() {
        stopped = true;
        req?.destroy();
      },
    };
  };
}

/** The workspace on disk (kept in its own module). */
export { sandboxedFiles } from './shellFiles';

/** Every document of a YAML (or JSON) stream, as kubectl's decoder reads `-f` files. */
export function parseYamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length > 0) throw new Error(d.errors[0]?.message ?? 'invalid YAML');
    return d.toJS() as unknown;
  });
}

/** The shell subcommand. */
export const shellCommand: CommandSpec = {
  name: 'shell',
  summary: 'Run the bundled kubectl-like shell in this terminal.',
  options: {
    kubeconfig: { type: 'string', placeholder: 'FILE', help: 'kubeconfig to use (default: $KUBECONFIG, else the kubeconfig of the default lab)' },
    history: { type: 'string', placeholder: 'FILE', help: "history file (default: shell_history in the cluster's folder when run in its workspace, else in the data directory)" },
  },
  async run(values) {
    const path = resolve(typeof values.kubeconfig === 'string' ? values.kubeconfig : (process.env.KUBECONFIG?.split(':')[0] ?? join(defaultDataDir(), 'kubeconfig')));
    let target: KubeconfigTarget;
    try {
      target = readKubeconfig(path);
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 1;
    }
    const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
    const transport = httpTransport(target);
    // Each command line is told to the lab (lesson checks of the kind "the student ran ..."); a
    // server that is not a KubeLab answers 404, which is fine: nothing depends on the answer.
    const report = (line: string) => {
      if (line.trim() === '') return;
      transport('POST', '/lab/v1/commands', {}, 'application/json', { body: JSON.stringify({ line }), contentType: 'application/json' }).catch(() => undefined);
    };
    const cwd = process.cwd();
    const history = new HistoryFile(typeof values.history === 'string' ? resolve(values.history) : historyPath(cwd, defaultDataDir()));
    const terminal = process.stdout.isTTY ? { columns: () => process.stdout.columns || 80, rows: () => process.stdout.rows || 24 } : undefined;
    const engine = new ShellEngine(transport, { context: target.context, namespace: target.namespace, lastExit: 0, server: target.server, kubeconfig: path }, io, {
      stream: httpStream(target),
      pid: process.pid,
      files: sandboxedFiles(cwd),
      parseYaml: parseYamlDocuments,
      now: () => Date.now(),
      sleep: (ms) => new Promise<void>((r) => setTimeout(r, ms)),
      exec: wsExec(target),
      ...(process.stdin.isTTY ? { editor: terminalEditor() } : {}),
      ...(terminal ? { terminal } : {}),
      history,
    });
    return runShellLoop(engine, { history, report });
  },
};
