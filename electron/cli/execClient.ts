/**
 * The bundled shell's side of `kubectl exec`, `attach`, `cp` and `run -it`: a WebSocket client
 * of pods/exec and pods/attach speaking `v5.channel.k8s.io` as client-go's websocket executor
 * does (channel byte first; 0 stdin, 1 stdout, 2 stderr, 3 the final Status, 4 resize, 255
 * CLOSE of stdin), and the terminal: while a session runs, the shell's stdin is taken from its
 * line editor and handed to the session — raw keystrokes with `-t`, else lines the terminal
 * edits (echo, backspace; Ctrl-D ends stdin, Ctrl-C ends the command) — with resizes forwarded.
 */
import { StringDecoder } from 'node:string_decoder';
import WebSocket from 'ws';
import type { RemoteOutput, RemoteSession, ShellExec, TransportResponse } from '../../core/shell/types';
import type { KubeconfigTarget } from '../host/kubeconfig';

const CHANNEL = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 };

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Opens one stream; resolves once the upgrade is answered. */
function openStream(target: KubeconfigTarget, path: string, query: [string, string][], output: RemoteOutput): Promise<RemoteSession | TransportResponse> {
  const url = new URL(path, target.server);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  for (const [k, v] of query) url.searchParams.append(k, v);
  const headers: Record<string, string> = { 'user-agent': 'kubelab-shell/0.1' };
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  const ws = new WebSocket(url, ['v5.channel.k8s.io'], { headers, ...(target.ca ? { ca: target.ca } : {}), rejectUnauthorized: !target.insecure, perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    let opened = false;
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: parseBody(Buffer.concat(chunks).toString('utf8')) }));
    });
    ws.on('error', (e: NodeJS.ErrnoException) => {
      if (opened) return;
      reject(new Error(e.code === 'ECONNREFUSED' ? `The connection to the server ${url.host} was refused - did you specify the right host or port?` : `Unable to connect to the server: ${e.message}`));
    });
    ws.on('open', () => {
      opened = true;
      const out = new StringDecoder('utf8');
      const err = new StringDecoder('utf8');
      let status = '';
      let finish: (s: Record<string, unknown> | undefined) => void = () => undefined;
      const done = new Promise<Record<string, unknown> | undefined>((r) => (finish = r));
      ws.on('message', (raw: Buffer, isBinary: boolean) => {
        if (!isBinary || raw.length === 0) return;
        const payload = raw.subarray(1);
        if (raw[0] === CHANNEL.stdout) output.stdout(out.write(payload));
        else if (raw[0] === CHANNEL.stderr) output.stderr(err.write(payload));
        else if (raw[0] === CHANNEL.error) status += payload.toString('utf8');
      });
      ws.on('close', () => {
        const rest = out.end();
        if (rest) output.stdout(rest);
        finish(status ? (parseBody(status) as Record<string, unknown>) : undefined);
      });
      const send = (channel: number, data: Buffer) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(Buffer.concat([Buffer.of(channel), data]));
      };
      resolve({
        write: (text) => send(CHANNEL.stdin, Buffer.from(text, 'utf8')),
        closeStdin: () => send(CHANNEL.close, Buffer.of(CHANNEL.stdin)),
        resize: (cols, rows) => send(CHANNEL.resize, Buffer.from(JSON.stringify({ Width: cols, Height: rows }), 'utf8')),
        done,
        close: () => ws.terminate(),
      });
    });
  });
}

/** Takes the shell's stdin over from its line editor until the returned function is called. */
function takeStdin(raw: boolean, input: Parameters<ShellExec['takeStdin']>[1]): () => void {
  const stdin = process.stdin;
  const stashed = { data: stdin.listeners('data'), keypress: stdin.listeners('keypress') };
  stdin.removeAllListeners('data');
  stdin.removeAllListeners('keypress');
  const wasRaw = stdin.isTTY ? stdin.isRaw : false;
  if (stdin.isTTY) stdin.setRawMode(true);
  const decoder = new StringDecoder('utf8');
  let line = '';
  const onData = (chunk: Buffer | string) => {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (raw || !stdin.isTTY) {
      input.data(text);
      return;
    }
    // A terminal's canonical mode, done here since stdin stays raw for the shell's editor.
    for (const ch of text) {
      if (ch === '\r' || ch === '\n') {
        process.stdout.write('\r\n');
        input.data(`${line}\n`);
        line = '';
      } else if (ch === '\x7f' || ch === '\b') {
        if (line) process.stdout.write('\b \b');
        line = line.slice(0, -1);
      } else if (ch === '\x04') {
        if (line) input.data(line);
        else input.end();
        line = '';
      } else if (ch === '\x03') {
        process.stdout.write('^C\r\n');
        input.interrupt();
      } else if (ch >= ' ' || ch === '\t') {
        line += ch;
        process.stdout.write(ch);
      }
    }
  };
  const onEnd = () => input.end();
  const onResize = () => input.resize(process.stdout.columns, process.stdout.rows);
  stdin.on('data', onData);
  stdin.on('end', onEnd);
  process.stdout.on('resize', onResize);
  stdin.resume();
  return () => {
    stdin.off('data', onData);
    stdin.off('end', onEnd);
    process.stdout.off('resize', onResize);
    if (stdin.isTTY) stdin.setRawMode(wasRaw);
    for (const l of stashed.data) stdin.on('data', l as (c: Buffer) => void);
    for (const l of stashed.keypress) stdin.on('keypress', l as (...a: unknown[]) => void);
  };
}

/** The `exec` capability of the bundled shell, for the API server of a kubeconfig. */
export function wsExec(target: KubeconfigTarget): ShellExec {
  return {
    open: (path, query, output) => openStream(target, path, query, output),
    stdinIsTTY: process.stdin.isTTY === true,
    size: () => (process.stdout.isTTY ? { cols: process.stdout.columns, rows: process.stdout.rows } : undefined),
    takeStdin,
  };
}
