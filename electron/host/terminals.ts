/**
 * Terminal sessions: each runs the bundled shell (`kubelab shell`) in a real pty (node-pty)
 * and is joined to the renderer over a WebSocket. A session outlives its socket for a while,
 * so that a reloaded page reattaches to the same shell and sees its recent output again.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { spawn, type IPty } from 'node-pty';
import { WebSocketServer, type WebSocket } from 'ws';

/** How much recent output a session keeps for replay. */
const SCROLLBACK_CHARS = 256 * 1024;
/** How long a session without any socket stays alive. */
const DETACHED_TTL_MS = 15 * 60 * 1000;

/** What a terminal runs. */
export interface ShellCommand {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

interface Session {
  id: string;
  pty: IPty;
  output: string;
  sockets: Set<WebSocket>;
  exitCode: number | undefined;
  reaper: NodeJS.Timeout | undefined;
  /** The sockets whose terminal is behind with its writes (flow control): the pty is paused while there is one. */
  paused: Set<WebSocket>;
}

type ClientMessage = { type: 'input'; data: string } | { type: 'resize'; cols: number; rows: number } | { type: 'pause' } | { type: 'resume' } | { type: 'close' };

function parseMessage(raw: string): ClientMessage | undefined {
  try {
    const m = JSON.parse(raw) as Partial<ClientMessage> & Record<string, unknown>;
    if (m.type === 'input' && typeof m.data === 'string') return { type: 'input', data: m.data };
    if (m.type === 'pause' || m.type === 'resume' || m.type === 'close') return { type: m.type };
    if (m.type === 'resize' && Number.isInteger(m.cols) && Number.isInteger(m.rows)) {
      return { type: 'resize', cols: Math.min(1000, Math.max(2, m.cols as number)), rows: Math.min(500, Math.max(1, m.rows as number)) };
    }
  } catch {
    // Not JSON: ignored, as any other unknown frame.
  }
  return undefined;
}

/** The terminal sessions of one lab host. */
export class TerminalManager {
  private readonly sessions = new Map<string, Session>();
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024, handleProtocols: (protocols) => (protocols.has('kubelab.terminal.v1') ? 'kubelab.terminal.v1' : false) });

  constructor(private readonly command: () => ShellCommand) {}

  /** Completes a WebSocket upgrade that the host already authenticated. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, sessionId: string | null): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, sessionId));
  }

  /** The number of live sessions. */
  count(): number {
    return this.sessions.size;
  }

  private create(): Session {
    const cmd = this.command();
    mkdirSync(cmd.cwd, { recursive: true });
    const pty = spawn(cmd.file, cmd.args, { name: 'xterm-256color', cols: 100, rows: 30, cwd: cmd.cwd, env: cmd.env });
    const session: Session = { id: randomBytes(12).toString('hex'), pty, output: '', sockets: new Set(), exitCode: undefined, reaper: undefined, paused: new Set() };
    pty.onData((data) => {
      session.output = (session.output + data).slice(-SCROLLBACK_CHARS);
      const frame = JSON.stringify({ type: 'output', data });
      for (const ws of session.sockets) ws.send(frame);
    });
    pty.onExit(({ exitCode }) => {
      session.exitCode = exitCode;
      const frame = JSON.stringify({ type: 'exit', code: exitCode });
      for (const ws of session.sockets) {
        ws.send(frame);
        ws.close(1000, 'shell exited');
      }
      this.sessions.delete(session.id);
    });
    this.sessions.set(session.id, session);
    return session;
  }

  private attach(ws: WebSocket, sessionId: string | null): void {
    let session = sessionId ? this.sessions.get(sessionId) : undefined;
    const reattached = session !== undefined;
    if (!session) {
      try {
        session = this.create();
      } catch (e) {
        ws.send(JSON.stringify({ type: 'output', data: `\r\nKubeLab: the terminal could not start: ${(e as Error).message}\r\n` }));
        ws.close(1011, 'terminal failed');
        return;
      }
    }
    const s = session;
    if (s.reaper) clearTimeout(s.reaper);
    s.reaper = undefined;
    s.sockets.add(ws);
    ws.send(JSON.stringify({ type: 'session', id: s.id }));
    if (reattached && s.output) ws.send(JSON.stringify({ type: 'output', data: s.output }));
    ws.on('message', (raw, isBinary) => {
      if (isBinary) return;
      const m = parseMessage(raw.toString());
      if (!m || s.exitCode !== undefined) return;
      if (m.type === 'input') s.pty.write(m.data);
      else if (m.type === 'resize') s.pty.resize(m.cols, m.rows);
      else if (m.type === 'close') this.kill(s);
      else this.flow(s, ws, m.type === 'pause');
    });
    ws.on('close', () => {
      s.sockets.delete(ws);
      this.flow(s, ws, false);
      if (s.sockets.size === 0 && s.exitCode === undefined && this.sessions.get(s.id) === s) s.reaper = setTimeout(() => this.kill(s), DETACHED_TTL_MS);
    });
  }

  /**
   * xterm.js flow control: a renderer that is behind with its writes asks for `pause`, and
   * `resume` once it caught up; the pty (and so the shell's output) waits while any of the
   * session's sockets is behind.
   */
  private flow(s: Session, ws: WebSocket, pause: boolean): void {
    const before = s.paused.size > 0;
    if (pause) s.paused.add(ws);
    else s.paused.delete(ws);
    const after = s.paused.size > 0;
    if (before === after || s.exitCode !== undefined) return;
    try {
      if (after) s.pty.pause();
      else s.pty.resume();
    } catch {
      // The pty is already gone.
    }
  }

  private kill(s: Session): void {
    if (s.reaper) clearTimeout(s.reaper);
    this.sessions.delete(s.id);
    try {
      s.pty.kill();
    } catch {
      // Already gone.
    }
  }

  /** Ends every session. */
  closeAll(): void {
    for (const s of [...this.sessions.values()]) {
      for (const ws of s.sockets) ws.terminate();
      this.kill(s);
    }
    this.wss.close();
  }
}
