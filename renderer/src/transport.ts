// The only module that talks to the lab host (see electron/host/CONTRACT.md): fetch for the
// REST API and watches, a WebSocket for terminals. Stores use it; components never do.

const TOKEN_KEY = 'kubelab.token';
const TERMINAL_PROTOCOL = 'kubelab.terminal.v1';
const BEARER_PROTOCOL_PREFIX = 'base64url.bearer.authorization.k8s.io.';
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 5000;

let token = '';

/**
 * Takes the token from `?token=` (the link printed by `kubelab serve`), keeps it in
 * sessionStorage so that a reload still works, and removes it from the visible URL.
 * Call once, before the router reads the URL.
 */
export function captureToken(): void {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  token = sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** One cause of a Kubernetes `Status` (a 422's invalid field). */
export interface StatusCause {
  reason?: string;
  message?: string;
  /** The field path as the API server names it: `spec.containers[0].image`. */
  field?: string;
}

/** An HTTP failure, carrying the Kubernetes `Status` message, reason and causes when the host sent one. */
export class TransportError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason = '',
    readonly causes: StatusCause[] = [],
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

function authHeaders(): HeadersInit {
  return { Authorization: `Bearer ${token}`, Accept: 'application/json' };
}

async function failure(res: Response): Promise<TransportError> {
  let message = `${res.status} ${res.statusText}`;
  let reason = '';
  let causes: StatusCause[] = [];
  try {
    const body = (await res.json()) as { message?: unknown; reason?: unknown; details?: { causes?: unknown } };
    if (typeof body.message === 'string') message = body.message;
    if (typeof body.reason === 'string') reason = body.reason;
    if (Array.isArray(body.details?.causes)) causes = body.details.causes.filter((c): c is StatusCause => typeof c === 'object' && c !== null);
  } catch {
    // Not a Status body: keep the HTTP status line.
  }
  return new TransportError(res.status, message, reason, causes);
}

/** GETs a JSON document from the host. */
export async function getJSON<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: authHeaders(), signal: signal ?? null });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sends a request to the host; rejects with a TransportError (the host's message) unless 2xx. */
async function send(method: Method, path: string, body?: BodyInit, contentType?: string): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (contentType) headers['Content-Type'] = contentType;
  const res = await fetch(path, { method, headers, body: body ?? null });
  if (!res.ok) throw await failure(res);
  return res;
}

/** POSTs a JSON body (or none) and reads the JSON answer. */
export async function postJSON<T>(path: string, body: unknown = {}): Promise<T> {
  return (await (await send('POST', path, JSON.stringify(body), 'application/json')).json()) as T;
}

/** PATCHes with a JSON merge patch (RFC 7386), as `kubectl edit` and `kubectl patch --type merge` do. */
export async function mergePatchJSON<T>(path: string, patch: unknown): Promise<T> {
  return (await (await send('PATCH', path, JSON.stringify(patch), 'application/merge-patch+json')).json()) as T;
}

/** DELETEs `path` and reads the JSON answer. */
export async function deleteJSON<T>(path: string): Promise<T> {
  return (await (await send('DELETE', path)).json()) as T;
}

/** POSTs a file's bytes (a snapshot) and reads the JSON answer. */
export async function postFile<T>(path: string, file: Blob): Promise<T> {
  return (await (await send('POST', path, file, 'application/gzip')).json()) as T;
}

/** POSTs a JSON body and reads the answer as a file: its bytes and the name the host gives it. */
export async function postForFile(path: string, body: unknown, fallbackName: string): Promise<{ name: string; blob: Blob }> {
  const res = await send('POST', path, JSON.stringify(body), 'application/json');
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  return { name, blob: await res.blob() };
}

/** What `listAndWatch` reports: a full replacement, one change, or a lost connection. */
export type WatchEvent<T> =
  | { type: 'RESET'; items: T[] }
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: T }
  | { type: 'DISCONNECTED'; error: Error };

interface KubeList<T> {
  metadata: { resourceVersion?: string };
  items: T[];
}

interface RawWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: unknown;
}

function withQuery(path: string, query: string): string {
  return path + (path.includes('?') ? '&' : '?') + query;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Reads newline-delimited JSON events until the stream ends or an ERROR event (410 Gone, or
 * any other) arrives; both mean "list again". Throws when the watch cannot be read at all.
 */
async function watchStream<T>(
  path: string,
  resourceVersion: string,
  onEvent: (event: WatchEvent<T>) => void,
  signal: AbortSignal,
): Promise<void> {
  const url = withQuery(path, `watch=1&resourceVersion=${encodeURIComponent(resourceVersion)}`);
  const res = await fetch(url, { headers: authHeaders(), signal });
  if (!res.ok || !res.body) throw await failure(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    let pending = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      pending += value;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        const event = JSON.parse(line) as RawWatchEvent;
        if (event.type === 'ERROR') return;
        if (event.type !== 'BOOKMARK') onEvent({ type: event.type, object: event.object as T });
      }
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/**
 * Lists `path`, then watches it from the list's resourceVersion. Whenever the watch ends (a
 * 410 Gone ERROR event or a closed stream) it waits a short, growing backoff and lists again,
 * so `onEvent` always converges on the server's state. A failed request or a broken stream
 * is reported as DISCONNECTED before the retry. Returns a function that stops everything.
 */
export function listAndWatch<T>(path: string, onEvent: (event: WatchEvent<T>) => void): () => void {
  const abort = new AbortController();
  const { signal } = abort;
  void (async () => {
    let backoff = BACKOFF_MIN_MS;
    while (!signal.aborted) {
      try {
        const list = await getJSON<KubeList<T>>(path, signal);
        onEvent({ type: 'RESET', items: list.items });
        backoff = BACKOFF_MIN_MS;
        await watchStream(path, list.metadata.resourceVersion ?? '0', onEvent, signal);
      } catch (e) {
        if (signal.aborted) return;
        onEvent({ type: 'DISCONNECTED', error: e instanceof Error ? e : new Error(String(e)) });
      }
      await sleep(backoff, signal);
      backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
    }
  })();
  return () => abort.abort();
}

/** Frames the host sends on a terminal WebSocket. */
export type TerminalServerFrame =
  | { type: 'session'; id: string }
  | { type: 'output'; data: string }
  | { type: 'exit'; code: number };

/**
 * Frames the renderer sends on a terminal WebSocket: keystrokes, the size, flow control
 * (`pause` while xterm.js is behind with its writes, `resume` once it caught up) and `close`
 * (end the shell itself, not only this socket).
 */
export type TerminalClientFrame =
  | { type: 'input'; data: string }
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'close' };

export interface TerminalHandlers {
  onFrame(frame: TerminalServerFrame): void;
  onClose(): void;
}

export interface TerminalConnection {
  send(frame: TerminalClientFrame): void;
  close(): void;
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Opens a terminal WebSocket: a new shell, or the session `sessionId` when given. The token
 * travels as a subprotocol, because browsers cannot set headers on a WebSocket.
 */
export function openTerminal(sessionId: string | undefined, handlers: TerminalHandlers): TerminalConnection {
  const url = new URL('/lab/v1/terminals', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (sessionId) url.searchParams.set('session', sessionId);
  const socket = new WebSocket(url, [TERMINAL_PROTOCOL, BEARER_PROTOCOL_PREFIX + base64url(token)]);
  socket.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (typeof event.data === 'string') handlers.onFrame(JSON.parse(event.data) as TerminalServerFrame);
  });
  socket.addEventListener('close', () => handlers.onClose());
  return {
    send(frame) {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
    },
    close() {
      socket.close();
    },
  };
}
