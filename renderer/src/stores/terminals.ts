// The terminal tabs: each is a shell session of the host (a pty) joined over its own
// WebSocket. The tabs' session ids are kept in sessionStorage, so that a reload reattaches to
// the same shells (the host replays their recent output). The "active" tab is where lesson
// Run buttons and "describe in terminal" type.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { openTerminal, type TerminalClientFrame, type TerminalConnection } from '../transport';

const TABS_KEY = 'kubelab.terminalTabs';
const ACTIVE_KEY = 'kubelab.terminalActive';
/** The single session remembered before there were tabs. */
const LEGACY_KEY = 'kubelab.terminalSession';

export type TerminalStatus = 'connecting' | 'connected' | 'ended';

/** What a tab's view must do: clear itself (a new or reattached session), or write. */
export type TerminalOutput = { type: 'reset' } | { type: 'output'; data: string };

/** One terminal tab. */
export interface TerminalTab {
  /** Stable within the page (a Vue key and element ids). */
  key: number;
  /** Its number in the tab's title ("Shell 2"). */
  number: number;
  sessionId: string | undefined;
  status: TerminalStatus;
  exitCode: number | null;
}

interface Live {
  connection: TerminalConnection | null;
  listeners: Set<(output: TerminalOutput) => void>;
  size: { cols: number; rows: number } | null;
  /** Input typed before the session answered (a Run button on a new tab). */
  queued: string[];
}

function loadRemembered(): { sessions: (string | undefined)[]; active: number } {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(TABS_KEY) ?? 'null');
    if (Array.isArray(saved) && saved.length) {
      const sessions = saved.map((s) => (typeof s === 'string' && s ? s : undefined));
      return { sessions, active: Math.min(sessions.length - 1, Math.max(0, Number(sessionStorage.getItem(ACTIVE_KEY) ?? 0) || 0)) };
    }
  } catch {
    // A damaged entry: start with one new shell.
  }
  return { sessions: [sessionStorage.getItem(LEGACY_KEY) ?? undefined], active: 0 };
}

export const useTerminalsStore = defineStore('terminals', () => {
  const tabs = ref<TerminalTab[]>([]);
  const activeKey = ref<number | null>(null);
  /** Bumped when something wants the active terminal focused (a Run button). */
  const focusRequest = ref(0);
  const live = new Map<number, Live>();
  let nextKey = 1;
  let started = false;

  const active = computed(() => tabs.value.find((t) => t.key === activeKey.value));

  function tab(key: number): TerminalTab | undefined {
    return tabs.value.find((t) => t.key === key);
  }

  function persist(): void {
    sessionStorage.setItem(TABS_KEY, JSON.stringify(tabs.value.map((t) => t.sessionId ?? '')));
    sessionStorage.setItem(ACTIVE_KEY, String(Math.max(0, tabs.value.findIndex((t) => t.key === activeKey.value))));
    sessionStorage.removeItem(LEGACY_KEY);
  }

  function emit(key: number, output: TerminalOutput): void {
    for (const listener of live.get(key)?.listeners ?? []) listener(output);
  }

  /** Receives a tab's output; returns the unsubscribe function. */
  function subscribe(key: number, listener: (output: TerminalOutput) => void): () => void {
    live.get(key)?.listeners.add(listener);
    return () => live.get(key)?.listeners.delete(listener);
  }

  function send(key: number, frame: TerminalClientFrame): void {
    live.get(key)?.connection?.send(frame);
  }

  /** Attaches a tab to its remembered session, or starts a new shell when it has none. */
  function connect(key: number): void {
    const t = tab(key);
    const l = live.get(key);
    if (!t || !l) return;
    l.connection?.close();
    emit(key, { type: 'reset' });
    t.status = 'connecting';
    t.exitCode = null;
    const requested = t.sessionId;
    let attached = false;
    const conn: TerminalConnection = openTerminal(requested, {
      onFrame(frame) {
        const current = tab(key);
        if (!current || conn !== l.connection) return;
        if (frame.type === 'session') {
          attached = true;
          current.sessionId = frame.id;
          current.status = 'connected';
          persist();
          if (l.size) conn.send({ type: 'resize', ...l.size });
          for (const data of l.queued.splice(0)) conn.send({ type: 'input', data });
        } else if (frame.type === 'output') {
          emit(key, { type: 'output', data: frame.data });
        } else {
          current.exitCode = frame.code;
          current.sessionId = undefined;
          current.status = 'ended';
          persist();
        }
      },
      onClose() {
        const current = tab(key);
        if (!current || conn !== l.connection) return;
        l.connection = null;
        if (!attached && requested) {
          // The remembered session is gone (the host restarted, or it expired): start afresh.
          current.sessionId = undefined;
          persist();
          connect(key);
          return;
        }
        current.status = 'ended';
      },
    });
    l.connection = conn;
  }

  function addTab(sessionId: string | undefined): TerminalTab {
    const key = nextKey++;
    const number = Math.max(0, ...tabs.value.map((t) => t.number)) + 1;
    tabs.value.push({ key, number, sessionId, status: 'connecting', exitCode: null });
    live.set(key, { connection: null, listeners: new Set(), size: null, queued: [] });
    return tab(key) as TerminalTab;
  }

  /** Creates the remembered tabs (once); each view connects its tab when it is mounted. */
  function start(): void {
    if (started) return;
    started = true;
    const { sessions, active: index } = loadRemembered();
    const made = sessions.map((id) => addTab(id));
    activeKey.value = made[index]?.key ?? made[0]?.key ?? null;
  }

  /** Opens a new tab with a new shell and makes it the active one. */
  function newTab(): TerminalTab {
    const t = addTab(undefined);
    activeKey.value = t.key;
    persist();
    return t;
  }

  /** Ends a tab's shell and removes the tab; the neighbour becomes active. */
  function closeTab(key: number): void {
    const index = tabs.value.findIndex((t) => t.key === key);
    if (index < 0) return;
    const l = live.get(key);
    l?.connection?.send({ type: 'close' });
    const conn = l?.connection;
    if (l) l.connection = null;
    conn?.close();
    live.delete(key);
    tabs.value.splice(index, 1);
    if (activeKey.value === key) activeKey.value = (tabs.value[index] ?? tabs.value[index - 1])?.key ?? null;
    persist();
  }

  function activate(key: number): void {
    if (!tab(key)) return;
    activeKey.value = key;
    persist();
  }

  /** Replaces an ended tab's shell by a new one. */
  function restart(key: number): void {
    const t = tab(key);
    if (!t) return;
    t.sessionId = undefined;
    connect(key);
  }

  /** Closes a tab's WebSocket without ending its shell (the view goes away, a reload). */
  function disconnect(key: number): void {
    const l = live.get(key);
    const conn = l?.connection;
    if (l) l.connection = null;
    conn?.close();
  }

  function input(key: number, data: string): void {
    const l = live.get(key);
    if (l?.connection && tab(key)?.status === 'connected') l.connection.send({ type: 'input', data });
    else l?.queued.push(data);
  }

  function resize(key: number, cols: number, rows: number): void {
    const l = live.get(key);
    if (l) l.size = { cols, rows };
    send(key, { type: 'resize', cols, rows });
  }

  /** Flow control: the tab's xterm.js is behind (pause) or caught up (resume). */
  function flow(key: number, pause: boolean): void {
    send(key, { type: pause ? 'pause' : 'resume' });
  }

  function target(): TerminalTab {
    const t = active.value;
    return t && t.status !== 'ended' ? t : newTab();
  }

  /** Types each command into the active terminal and presses Enter (a new tab if none is usable). */
  function run(commands: string[]): void {
    const t = target();
    for (const command of commands) input(t.key, `${command}\r`);
    focusRequest.value++;
  }

  /** Types text at the active terminal's prompt without running it. */
  function insert(text: string): void {
    const t = target();
    // Ctrl-U first: the prompt's line is replaced, as a terminal's paste into a clean line.
    input(t.key, `\x15${text}`);
    focusRequest.value++;
  }

  return { tabs, activeKey, active, focusRequest, start, subscribe, connect, newTab, closeTab, activate, restart, disconnect, input, resize, flow, run, insert };
});
