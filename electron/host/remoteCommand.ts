/**
 * `kubectl exec` and `kubectl attach` over WebSockets: the upgrade of
 * `/api/v1/namespaces/NS/pods/NAME/exec|attach` with the remote command stream protocols
 * `v5.channel.k8s.io` (kubectl 1.30+, which tries WebSockets first) and `v4.channel.k8s.io`, as
 * kube-apiserver 1.32 serves them (staging/src/k8s.io/apiserver/pkg/util/proxy/websocket.go and
 * apimachinery's wsstream): every binary message starts with its channel byte — 0 stdin, 1 stdout,
 * 2 stderr, 3 error (the final metav1.Status as JSON), 4 resize (`{"Width":W,"Height":H}`), and
 * in v5, 255 CLOSE with the channel closed (the client's end of stdin). The server first sends an
 * empty message on stdout (or stderr, or error) to say the streams are ready, and after the
 * Status it closes the connection normally.
 *
 * The API server decides first (authorization, the pod, the container): its refusals are plain
 * HTTP answers with a Status body before any upgrade, which kubectl takes as an upgrade failure;
 * kubectl then falls back to SPDY (a POST with `Upgrade: SPDY/3.1`), which gets the same Status
 * and prints it (`Error from server (BadRequest): container x is not valid for pod web`). SPDY
 * framing itself is not spoken here: a SPDY upgrade that the API server would accept is answered
 * with a 400 saying so (only a client that cannot use WebSockets, or a user allowed `create` but
 * not `get` on pods/exec, reaches it).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { WebSocketServer, type WebSocket } from 'ws';
import { badRequest, type Status } from '../../core/api/status';
import { ApiServerDownError } from '../../core/faults';
import type { RemoteCommand } from '../../core/apiserver/remoteCommand';
import { isStream, type ApiRequest, type ApiResponse, type UserInfo, type WatchStream } from '../../core/apiserver/request';
import { decodePath } from './apiAdapter';

/** The stream protocols served, in order of preference. */
export const STREAM_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

/** Channel numbers of the remote command protocols. */
export const CHANNEL = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

const PATH = /^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/(exec|attach)\/?$/;

/** Whether a path is a pod's exec or attach subresource. */
export function isRemoteCommandPath(path: string): boolean {
  return PATH.test(path);
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** An HTTP answer written on a socket no ServerResponse owns (a refused upgrade). */
export function writeRawStatus(socket: Duplex, code: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  const extra = Object.entries(headers)
    .filter(([k]) => k !== 'content-type' && k !== 'content-length')
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}: ${x}\r\n`))
    .join('');
  socket.end(`HTTP/1.1 ${code} ${REASONS[code] ?? 'Error'}\r\nContent-Type: application/json\r\nCache-Control: no-cache, private\r\n${extra}Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
}

/** The WebSocket side of exec and attach for one lab host. */
export class RemoteCommandServer {
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (protocols) => STREAM_PROTOCOLS.find((p) => protocols.has(p)) ?? false,
  });
  private readonly open = new Set<WebSocket>();

  /** Handles an upgrade request the host authenticated; `handle` is the API server's door. */
  async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, user: UserInfo, handle: (r: ApiRequest) => Promise<ApiResponse>): Promise<void> {
    const path = decodePath(url.pathname) ?? url.pathname;
    const query: Record<string, string> = {};
    const queryAll: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) {
      if (!(k in query)) query[k] = v;
      (queryAll[k] ??= []).push(v);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    let answer: ApiResponse;
    try {
      answer = await handle({ method: req.method ?? 'GET', path, query, queryAll, headers, user });
    } catch (e) {
      // A stopped kube-apiserver (a fault) drops the connection, as a dead server does.
      if (e instanceof ApiServerDownError) socket.destroy();
      else writeRawStatus(socket, 500, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: (e as Error).message, reason: 'InternalError', code: 500 });
      return;
    }
    if (!isStream(answer) || !answer.stream.remote) {
      const body = isStream(answer) ? {} : answer.body;
      writeRawStatus(socket, answer.status, body, answer.headers);
      return;
    }
    const remote = answer.stream.remote;
    const stream = answer.stream;
    if ((headers['upgrade'] ?? '').toLowerCase() !== 'websocket') {
      const refusal: Status = badRequest(`KubeLab serves pods/${remote.kind} over WebSockets (${STREAM_PROTOCOLS.join(', ')}) only, not over ${headers['upgrade'] ?? 'this protocol'}`).status;
      writeRawStatus(socket, 400, refusal);
      return;
    }
    const offered = (headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!STREAM_PROTOCOLS.some((p) => offered.includes(p))) {
      writeRawStatus(socket, 400, badRequest(`unable to upgrade: the requested protocol(s) are not supported: [${offered.join(' ')}]; supports [${STREAM_PROTOCOLS.join(' ')}]`).status);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.run(ws, remote, stream));
  }

  private run(ws: WebSocket, remote: RemoteCommand, stream: WatchStream): void {
    this.open.add(ws);
    const v5 = ws.protocol === 'v5.channel.k8s.io';
    const send = (channel: number, data: string | Buffer) => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(Buffer.concat([Buffer.of(channel), typeof data === 'string' ? Buffer.from(data, 'utf8') : data]));
    };
    let ended = false;
    const { options } = remote;
    // An empty message on the lowest channel written to says that the streams are ready.
    send(options.stdout ? CHANNEL.stdout : options.stderr ? CHANNEL.stderr : CHANNEL.error, '');
    const control = remote.start({
      stdout: (t) => send(CHANNEL.stdout, t),
      stderr: (t) => send(CHANNEL.stderr, t),
      end: (status) => {
        if (ended) return;
        ended = true;
        send(CHANNEL.error, JSON.stringify(status));
        ws.close(1000);
      },
    });
    // The API server stopping (a fault) drops the connection.
    const stop = stream.start({ send: () => undefined, end: () => ws.terminate() });
    const stdin = new StringDecoder('utf8');
    let resizeBuffer = '';
    ws.on('message', (raw: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      const data = Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw);
      if (!isBinary || data.length === 0) return;
      const channel = data[0];
      const payload = data.subarray(1);
      if (channel === CHANNEL.stdin) {
        const text = stdin.write(payload);
        if (text) control.stdin(text);
      } else if (channel === CHANNEL.resize) {
        resizeBuffer += payload.toString('utf8');
        const lines = resizeBuffer.split('\n');
        resizeBuffer = lines.pop() ?? '';
        for (const l of [...lines, resizeBuffer]) {
          try {
            const size = JSON.parse(l) as { Width?: number; Height?: number };
            if (Number.isInteger(size.Width) && Number.isInteger(size.Height)) control.resize(size.Width as number, size.Height as number);
            if (l === resizeBuffer) resizeBuffer = '';
          } catch {
            // An incomplete JSON object: more comes in the next message.
          }
        }
      } else if (channel === CHANNEL.close && v5 && payload[0] === CHANNEL.stdin) {
        const rest = stdin.end();
        if (rest) control.stdin(rest);
        control.closeStdin();
      }
    });
    ws.on('close', () => {
      this.open.delete(ws);
      stop();
      if (!ended) {
        ended = true;
        control.close();
      }
    });
    ws.on('error', () => ws.terminate());
  }

  /** Ends every open session (the host closing). */
  closeAll(): void {
    for (const ws of [...this.open]) ws.terminate();
    this.open.clear();
  }
}
