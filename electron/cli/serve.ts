/** `kubelab serve`: the lab host without a window. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { defaultDataDir, startLabHost } from '../host/labHost';
import { SHAPE_OPTIONS, shapeFromOptions } from './shapeOptions';
import { intOption, type CommandSpec } from './commands';

/** Opens a URL in the default browser; says so in one line when there is none. */
export function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const fail = () => process.stderr.write(`KubeLab: could not open a browser here; open the URL above in one.\n`);
  try {
    const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', fail);
    child.on('exit', (code) => code !== 0 && code !== null && fail());
    child.unref();
  } catch {
    fail();
  }
}

/** The serve subcommand. */
export const serveCommand: CommandSpec = {
  name: 'serve',
  summary: 'Start the lab without a window: the cluster, its API server and the UI on one loopback port.',
  options: {
    host: { type: 'string', placeholder: 'ADDR', help: 'loopback address to listen on (default 127.0.0.1)' },
    port: { type: 'string', placeholder: 'N', help: 'port to listen on (default 0: any free port)' },
    data: { type: 'string', placeholder: 'DIR', help: `data directory (default ${defaultDataDir()})` },
    nodes: { type: 'string', placeholder: 'N', help: 'worker nodes of a new cluster (default 2)' },
    seed: { type: 'string', placeholder: 'N', help: 'random seed of a new cluster (default 1)' },
    open: { type: 'boolean', help: 'open the UI in the default browser' },
    ...SHAPE_OPTIONS,
  },
  async run(values) {
    const port = intOption(serveCommand, 'port', values.port, 0, 65535) ?? 0;
    const workers = intOption(serveCommand, 'nodes', values.nodes, 0, 100) ?? 2;
    const seed = intOption(serveCommand, 'seed', values.seed, 0, 2 ** 32 - 1) ?? 1;
    const shape = shapeFromOptions(serveCommand, values);
    const dataDir = resolve(typeof values.data === 'string' ? values.data : defaultDataDir());
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    let lab;
    try {
      lab = await startLabHost({ host, port, dataDir, workers, seed, ...(shape ? { shape } : {}) });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const why = err.code === 'EADDRINUSE' ? `port ${port} is already in use (try --port 0)` : err.code === 'EACCES' ? `no permission to use port ${port}` : err.message;
      process.stderr.write(`KubeLab: could not start: ${why}\n`);
      return 1;
    }
    const running = lab;
    // The signal handlers are in place before the ready line, so a Ctrl-C right after it still
    // shuts down cleanly.
    const finished = new Promise<number>((done) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`KubeLab: ${signal} received, shutting down.\n`);
        running.close().then(
          () => done(0),
          () => done(1),
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    });
    for (const w of lab.warnings) process.stderr.write(`KubeLab: ${w}\n`);
    process.stdout.write(`KubeLab ready: ${lab.url}\n`);
    process.stderr.write(`kubeconfig: ${lab.kubeconfig}  (kubectl --kubeconfig ${lab.kubeconfig} get nodes)\n`);
    if (values.open) openBrowser(lab.url);
    return finished;
  },
};
