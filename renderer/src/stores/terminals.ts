// The shell session shown in the terminal pane. The session id is kept in sessionStorage so
// that a reload reattaches to the same shell (the host replays its recent output).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { openTerminal, type TerminalConnection } from '../transport';

const SESSION_KEY = 'kubelab.terminalSession';

export type TerminalStatus = 'connecting' | 'connected' | 'ended';

/** What the terminal view must do: clear itself (a new or reattached session), or write. */
export type TerminalOutput = { type: 'reset' } | { type: 'output'; data: string };

export const useTerminalsStore = defineStore('terminals', () => {
  const sessionId = ref<string | undefined>(sessionStorage.getItem(SESSION_KEY) ?? undefined);
  const status = ref<TerminalStatus>('ended');
  const exitCode = ref<number | null>(null);

  const listeners = new Set<(output: TerminalOutput) => void>();
  let connection: TerminalConnection | null = null;
  let size: { cols: number; rows: number } | null = null;

  function emit(output: TerminalOutput): void {
    for (const listener of listeners) listener(output);
  }

  /** Receives the terminal's output; returns the unsubscribe function. */
  function subscribe(listener: (output: TerminalOutput) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function remember(id: string | undefined): void {
    sessionId.value = id;
    if (id) sessionStorage.setItem(SESSION_KEY, id);
    else sessionStorage.removeItem(SESSION_KEY);
  }

  /** Attaches to the remembered session, or starts a new shell when there is none. */
  function connect(): void {
    connection?.close();
    emit({ type: 'reset' });
    status.value = 'connecting';
    exitCode.value = null;
    const requested = sessionId.value;
    let attached = false;
    const conn: TerminalConnection = openTerminal(requested, {
      onFrame(frame) {
        if (conn !== connection) return;
        if (frame.type === 'session') {
          attached = true;
          remember(frame.id);
          status.value = 'connected';
          if (size) conn.send({ type: 'resize', ...size });
        } else if (frame.type === 'output') {
          emit({ type: 'output', data: frame.data });
        } else {
          exitCode.value = frame.code;
          remember(undefined);
          status.value = 'ended';
        }
      },
      onClose() {
        if (conn !== connection) return;
        connection = null;
        if (!attached && requested) {
          // The remembered session is gone (the host restarted, or it expired): start afresh.
          remember(undefined);
          connect();
          return;
        }
        status.value = 'ended';
      },
    });
    connection = conn;
  }

  /** Leaves the current shell (it lives on in the host for a while) and starts a new one. */
  function newSession(): void {
    remember(undefined);
    connect();
  }

  /** Closes the WebSocket without ending the shell. */
  function disconnect(): void {
    const conn = connection;
    connection = null;
    conn?.close();
  }

  function input(data: string): void {
    connection?.send({ type: 'input', data });
  }

  function resize(cols: number, rows: number): void {
    size = { cols, rows };
    connection?.send({ type: 'resize', cols, rows });
  }

  return { sessionId, status, exitCode, subscribe, connect, newSession, disconnect, input, resize };
});
