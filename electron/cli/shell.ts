/**
 * `kubelab shell`: the bundled shell in the current terminal (or the app's pty). A readline
 * front end — prompt, line editing, history, tab completion, Ctrl-C, Ctrl-D — over the pure
 * command engine in core/shell, talking HTTP to the API server named by a kubeconfig.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { ShellEngine, BUILTINS, type ShellTransport } from '../../core/shell/engine';
import { readKubeconfig, type KubeconfigTarget } from '../host/kubeconfig';
import { defaultDataDir } from '../host/paths';
import type { CommandSpec } from './commands';

/** An HTTP(S) transport to the API server of a kubeconfig, with kubectl's connection errors. */
export function httpTransport(target: KubeconfigTarget): ShellTransport {
  const agent = target.server.startsWith('https:') ? new HttpsAgent({ ca: target.ca, rejectUnauthorized: !target.insecure, keepAlive: true }) : new HttpAgent({ keepAlive: true });
  return (method, path, query, accept) =>
    new Promise((resolvePromise, reject) => {
      const url = new URL(path, target.server);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      const headers: Record<string, string> = { accept, 'user-agent': 'kubelab-shell/0.1' };
      if (target.token) headers.authorization = `Bearer ${target.token}`;
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, { method, headers, agent, timeout: 30_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Not JSON: passed on as text.
          }
          resolvePromise({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('timeout', () => req.destroy(new Error('context deadline exceeded')));
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'ECONNREFUSED') reject(new Error(`The connection to the server ${url.host} was refused - did you specify the right host or port?`));
        else reject(new Error(`Unable to connect to the server: ${e.message}`));
      });
      req.end();
    });
}

const KUBECTL_SUBCOMMANDS = ['get'];
const TYPES = ['nodes', 'pods', 'namespaces', 'no', 'po', 'ns', 'node', 'pod', 'namespace'];

/** Completes the word under the cursor (readline completer). */
export function complete(line: string): [string[], string] {
  const words = line.split(/\s+/);
  const current = words[words.length - 1] ?? '';
  const index = words.length - 1;
  let candidates: string[] = [];
  if (index === 0) candidates = [...BUILTINS, 'k'];
  else if ((words[0] === 'kubectl' || words[0] === 'k') && index === 1) candidates = KUBECTL_SUBCOMMANDS;
  else if ((words[0] === 'kubectl' || words[0] === 'k') && words[1] === 'get' && index === 2) candidates = TYPES;
  else if (current.startsWith('-')) candidates = ['-n', '--namespace', '-A', '--all-namespaces', '-o', '--no-headers'];
  const hits = candidates.filter((c) => c.startsWith(current)).map((c) => `${c} `);
  return [hits, current];
}

/** The shell subcommand. */
export const shellCommand: CommandSpec = {
  name: 'shell',
  summary: 'Run the bundled kubectl-like shell in this terminal.',
  options: {
    kubeconfig: { type: 'string', placeholder: 'FILE', help: 'kubeconfig to use (default: $KUBECONFIG, else the kubeconfig of the default lab)' },
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
    const engine = new ShellEngine(httpTransport(target), { context: target.context, namespace: target.namespace, lastExit: 0 }, io);
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY, historySize: 1000, completer: complete, removeHistoryDuplicates: true });
    const prompt = () => `${engine.state.context}:${engine.state.namespace}$ `;
    if (process.stdin.isTTY) process.stdout.write('KubeLab shell. Type "help" for the commands, "exit" or Ctrl-D to leave.\n');
    return new Promise<number>((done) => {
      let busy = false;
      rl.on('SIGINT', () => {
        // Ctrl-C drops the line being typed, as in bash.
        process.stdout.write('^C\n');
        if (rl.line) rl.write(null, { ctrl: true, name: 'u' });
        if (!busy) {
          rl.setPrompt(prompt());
          rl.prompt();
        }
      });
      rl.on('close', () => {
        if (process.stdin.isTTY) process.stdout.write('exit\n');
        done(engine.state.lastExit);
      });
      rl.on('line', (line) => {
        busy = true;
        rl.pause();
        engine
          .run(line)
          .then((r) => {
            if (r === 'exit') {
              rl.close();
              return;
            }
            if (r === 'clear') process.stdout.write('\x1b[H\x1b[2J\x1b[3J');
            busy = false;
            rl.resume();
            rl.setPrompt(prompt());
            rl.prompt();
          })
          .catch((e: unknown) => {
            process.stderr.write(`kubelab: ${(e as Error).message}\n`);
            busy = false;
            rl.resume();
            rl.prompt();
          });
      });
      rl.setPrompt(prompt());
      rl.prompt();
    });
  },
};
