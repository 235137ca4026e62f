/**
 * The lab host: one simulated cluster, its clock driver, and one loopback HTTP server that
 * serves the Kubernetes API, the lab API, the terminals (WebSocket) and the renderer.
 * The same code runs in Electron's main process and in `kubelab serve`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { badRequest, internalError, methodNotAllowed, pathNotFound, unauthorized, type Status } from '../../core/api/status';
import type { Cluster } from '../../core/cluster';
import { ApiServerDownError } from '../../core/faults';
import { ActiveCluster } from './activeCluster';
import { authenticated, originAllowed } from './auth';
import { sendStatus, serveApi } from './apiAdapter';
import { writeKubeconfig } from './kubeconfig';
import { ensurePki } from './pki';
import { polyglotServer } from './polyglot';
import { serveLabApi, type LabApiContext } from './labApi';
import { cliEntry, defaultDataDir, kubelabVersion, rendererDir } from './paths';
import { serveStatic } from './staticFiles';
import { TerminalManager } from './terminals';
import { RemoteCommandServer, isRemoteCommandPath, writeRawStatus } from './remoteCommand';
import { KUBERNETES_VERSION } from '../../core/api/types';
import type { ClusterShape } from '../../core/shape';

export { defaultDataDir };

/** Options of a lab host. */
export interface LabHostOptions {
  host?: string;
  /** 0 or absent: any free port. */
  port?: number;
  dataDir: string;
  workers?: number;
  seed?: number;
  /** The machines' shape of a new default cluster. */
  shape?: ClusterShape;
  rendererDir?: string;
}

/** A running lab host. */
export interface LabHost {
  /** The app's URL, with the token: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  /** The server's origin: `http://127.0.0.1:PORT`. */
  origin: string;
  /** The API's TLS address for kubectl: `https://127.0.0.1:PORT`. */
  apiServer: string;
  token: string;
  port: number;
  kubeconfig: string;
  /** The running cluster (another one after a switch). */
  readonly cluster: Cluster;
  /** The clusters of the data directory and the running one. */
  active: ActiveCluster;
  /** Problems found in the saved state and how they were handled, one sentence each. */
  warnings: string[];
  /** Stops the lab: writes its final snapshot and releases the data directory. */
  close(): Promise<void>;
}

const API_PREFIXES = ['/api', '/apis', '/version', '/openapi', '/healthz', '/livez', '/readyz', '/lab/'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const ADMIN = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

function isApiPath(p: string): boolean {
  return API_PREFIXES.some((prefix) => p === prefix || p.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || (prefix === '/lab/' && p === '/lab'));
}

/**
 * The URL of a request: its target is a path (`//x/y` is the path `//x/y`, not a host `x`, as Go
 * reads it); undefined when it is no URL at all.
 */
function requestUrl(target: string | undefined, origin: string): URL | undefined {
  const t = target ?? '/';
  try {
    return t.startsWith('/') ? new URL(`${origin}${t}`) : new URL(t, origin);
  } catch {
    return undefined;
  }
}

/** A raw HTTP answer with a Status body, for a socket no ServerResponse owns (a parse error, CONNECT). */
function rawStatus(socket: Duplex, status: Status): void {
  const body = JSON.stringify(status);
  const text = { 400: 'Bad Request', 405: 'Method Not Allowed', 431: 'Request Header Fields Too Large' }[status.code] ?? 'Error';
  socket.end(`HTTP/1.1 ${status.code} ${text}\r\nContent-Type: application/json\r\nCache-Control: no-cache, private\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Starts a lab host. */
export async function startLabHost(options: LabHostOptions): Promise<LabHost> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`KubeLab serves on the loopback interface only; "${host}" is not a loopback address (use 127.0.0.1)`);
  const dataDir = options.dataDir;
  mkdirSync(dataDir, { recursive: true });
  // The data directory's clusters (the current one restored from its saved state, or a new
  // `default` with the options' shape): refuses a directory another lab uses.
  const pki = await ensurePki(dataDir);
  const active = await ActiveCluster.start(dataDir, { seed: options.seed ?? 1, workers: options.workers ?? 2, ...(options.shape ? { shape: options.shape } : {}) }, kubelabVersion(), pki.caCert);

  const token = randomBytes(24).toString('base64url');
  const staticRoot = options.rendererDir ?? rendererDir();
  const openStreams = new Set<() => void>();
  let origin = '';
  let kubeconfig = '';

  const terminals = new TerminalManager(() => ({
    file: process.execPath,
    args: [cliEntry(), 'shell', '--kubeconfig', kubeconfig],
    // KUBECONFIG: what runs in the terminal (and what it starts) finds this lab as kubectl would.
    env: { ...(process.env as Record<string, string>), TERM: 'xterm-256color', COLORTERM: 'truecolor', KUBECONFIG: kubeconfig, ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
    cwd: active.workspace(),
  }));

  // kubectl exec and attach (WebSocket upgrades of pods/exec and pods/attach).
  const remoteCommands = new RemoteCommandServer();

  const labCtx: LabApiContext = {
    active,
    version: kubelabVersion(),
    info: () => {
      const o = active.cluster.options;
      return { version: kubelabVersion(), kubernetesVersion: KUBERNETES_VERSION.gitVersion, cluster: { name: active.name, seed: o.seed, workers: o.workers } };
    },
  };
  // After a switch or a reset, the open watches end: their clients list again, from the new cluster.
  active.onSwitch = () => {
    for (const finish of [...openStreams]) finish();
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = requestUrl(req.url, origin);
    if (!url) return sendStatus(res, badRequest(`the request target is not a URL path: ${JSON.stringify((req.url ?? '').slice(0, 200))}`).status);
    const path = url.pathname;
    if (isApiPath(path)) {
      if (!authenticated(req, token)) return sendStatus(res, unauthorized().status);
      if (path.startsWith('/lab/')) {
        serveLabApi(labCtx, req, res, url).catch((e: unknown) => {
          if (!res.headersSent) sendStatus(res, internalError((e as Error).message).status);
          else res.end();
        });
        return;
      }
      serveApi(req, res, url, ADMIN, (r) => active.handle(r), openStreams).catch((e: unknown) => {
        // A stopped kube-apiserver (a fault) drops the connection, as a dead server does.
        if (e instanceof ApiServerDownError) req.socket.destroy();
        else if (!res.headersSent) sendStatus(res, internalError((e as Error).message).status);
        else res.end();
      });
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(staticRoot, path, res, origin)) return;
    sendStatus(res, pathNotFound().status);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = requestUrl(req.url, origin);
    const refuse = (code: number, text: string) => {
      socket.end(`HTTP/1.1 ${code} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url && isRemoteCommandPath(url.pathname)) {
      if (!authenticated(req, token)) return writeRawStatus(socket, 401, unauthorized().status);
      void remoteCommands.upgrade(req, socket, head, url, ADMIN, (r) => active.handle(r));
      return;
    }
    if (!url || url.pathname !== '/lab/v1/terminals') return refuse(404, 'Not Found');
    if (!originAllowed(req, origin)) return refuse(403, 'Forbidden');
    if (!authenticated(req, token)) return refuse(401, 'Unauthorized');
    terminals.upgrade(req, socket, head, url.searchParams.get('session'));
  };
  const http = createServer(onRequest);
  const https = createHttpsServer({ key: pki.key, cert: pki.cert }, onRequest);
  for (const s of [http, https]) {
    s.on('upgrade', onUpgrade);
    // A request node:http cannot parse (an unknown method such as FOO, a malformed header) gets
    // a 400 before the connection closes, as Node documents for 'clientError' (431 for headers
    // too large, as Node answers them itself); a socket that cannot be written is dropped.
    s.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
      if (err.code === 'ECONNRESET' || !socket.writable) {
        socket.destroy();
        return;
      }
      if (err.code === 'HPE_HEADER_OVERFLOW') rawStatus(socket, { ...badRequest('request header fields too large').status, code: 431, reason: 'RequestHeaderFieldsTooLarge' });
      else rawStatus(socket, badRequest(`malformed HTTP request: ${err.code ?? err.message}`).status);
    });
    // CONNECT reaches a 'connect' listener, not the request handler; without one Node hangs up.
    s.on('connect', (_req: IncomingMessage, socket: Duplex) => rawStatus(socket, methodNotAllowed().status));
  }
  const server = polyglotServer(http, https);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (e) {
    await active.close().catch(() => undefined);
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '::1' ? '[::1]' : host;
  origin = `http://${urlHost}:${port}`;
  const apiServer = `https://${urlHost}:${port}`;
  kubeconfig = writeKubeconfig(dataDir, apiServer, token, pki.caCert);

  let closed: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    apiServer,
    token,
    port,
    kubeconfig,
    get cluster() {
      return active.cluster;
    },
    active,
    warnings: active.warnings,
    close() {
      closed ??= (async () => {
        terminals.closeAll();
        remoteCommands.closeAll();
        for (const finish of [...openStreams]) finish();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const socket of sockets) socket.destroy();
        });
        await active.close();
      })();
      return closed;
    },
  };
}
