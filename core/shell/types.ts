/**
 * The shell engine's boundary: how it reaches the API server (a transport, and a stream for
 * watches and followed logs), where its output goes, the files it may read, and the session state.
 * Everything here is injected by a front end (electron/cli/shell.ts, a test harness).
 */

/** One HTTP-like answer of the API server. */
export interface TransportResponse {
  status: number;
  body: unknown;
}

/** The body of a request, for the methods that send one. */
export interface TransportBody {
  body?: string;
  contentType?: string;
  /** Extra request headers (`Impersonate-User` for `--as`; a header sent several times joined by `, `). */
  headers?: Record<string, string>;
}

/** How the shell reaches the API server; rejects with an Error whose message kubectl would print. */
export type ShellTransport = (method: string, path: string, query: Record<string, string>, accept: string, send?: TransportBody) => Promise<TransportResponse>;

/**
 * Opens a streaming GET (a watch: each event object `{type, object}`; a followed log: each text
 * chunk as a string). Resolves `done` when the server ends the stream; `stop()` ends it early.
 * A non-2xx answer resolves `done` with it instead of streaming.
 */
export type ShellStream = (
  path: string,
  query: Record<string, string>,
  accept: string,
  onData: (data: unknown) => void,
) => { done: Promise<TransportResponse | undefined>; stop(): void };

/** An abort signal (Node's and the DOM's AbortSignal fit it): Ctrl-C ends a streaming command. */
export interface ShellSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
}

/**
 * The workspace: the files the shell reads (`kubectl -f FILE|DIR|-`, `cat`, `ls`, ...) and
 * writes (`>`, `mkdir`, `rm`, `cp`, `mv`, `touch`, editors). Paths are relative to the workspace
 * root (`.` is the root itself, `a/b` below it; the shell resolves its working directory and
 * `..` before asking), and an implementation keeps every path inside the root, symbolic links
 * included. The writing members are optional: without them the workspace is read-only.
 *
 * Failures reject with an Error whose `code` is the POSIX errno name (`ENOENT`, `EEXIST`,
 * `EISDIR`, `ENOTDIR`, `ENOTEMPTY`, `EACCES`), from which the builtins print coreutils's words;
 * `readFile`'s message is also what kubectl prints after `error: ` (`the path "x" does not exist`).
 */
export interface ShellFiles {
  /** The text of a file. */
  readFile(path: string): Promise<string>;
  /** Whether a path is a directory, a file, or does not exist. */
  stat(path: string): Promise<'file' | 'dir' | undefined>;
  /** The entry names of a directory, sorted. */
  readDir(path: string): Promise<string[]>;
  /** Standard input of the session (`-f -` when nothing is piped in); none: empty. */
  stdin?(): Promise<string>;
  /** Size (bytes) and modification time (ms) of a path, for `ls -l`. */
  details?(path: string): Promise<{ type: 'file' | 'dir'; size: number; mtime: number } | undefined>;
  /** Creates or replaces a file. */
  writeFile?(path: string, text: string): Promise<void>;
  /** Appends to a file, creating it when missing. */
  appendFile?(path: string, text: string): Promise<void>;
  /** Creates a directory (with its missing parents when `parents`; then an existing directory is fine). */
  mkdir?(path: string, parents: boolean): Promise<void>;
  /** Removes a file, or a directory (with everything in it when `recursive`, else only when empty). */
  remove?(path: string, recursive: boolean): Promise<void>;
  /** Renames (moves) a file or directory; an existing file at `to` is replaced. */
  rename?(from: string, to: string): Promise<void>;
}

/** The terminal the shell's output reaches (absent: output goes to a pipe or a test). */
export interface ShellTerminal {
  /** Its width in columns. */
  columns(): number;
  /** Its height in rows. */
  rows(): number;
}

/** The session's command history, kept by the front end (oldest first). */
export interface ShellHistory {
  entries(): string[];
  /** Records a command line as it ran (after `!!` expansion; the engine adds every line it runs). */
  add(line: string): void;
  /** Forgets every entry (`history -c`). */
  clear(): void;
}

/** Where output goes. */
export interface ShellIO {
  out(text: string): void;
  err(text: string): void;
}

/** The session state the prompt shows. */
export interface ShellState {
  context: string;
  namespace: string;
  /** Exit code of the last command. */
  lastExit: number;
  /** The cluster's server URL and the user (for `config view`, `cluster-info`). */
  server?: string;
  cluster?: string;
  user?: string;
  /** The kubeconfig file the front end read (what kubectl's `-v=6` says it loaded). */
  kubeconfig?: string;
}

/** Optional capabilities of a front end. */
export interface ShellDeps {
  stream?: ShellStream;
  files?: ShellFiles;
  /** Parses a YAML (or JSON) stream into its documents (the front end brings the YAML library). */
  parseYaml?: (text: string) => unknown[];
  /** The client machine's time in ms (the ages `kubectl describe` prints); else the newest time the server reported. */
  now?: () => number;
  /** The terminal, when output goes to one: `ls` prints columns, `grep` colours matches, `watch` draws full-screen. */
  terminal?: ShellTerminal;
  /** The command history (`history`, `!!`). */
  history?: ShellHistory;
  /** Opens a full-screen editor on `text` (shown as `fileName`; `mode` picks nano's keys, the default, or vi's); resolves with the saved text, or undefined when the user quit without saving. */
  editor?: (text: string, fileName: string, mode?: 'nano' | 'vi') => Promise<string | undefined>;
  /** Waits `ms` of the client's time (kubectl drain's retries and polls); without it such waits are only counted, not waited. */
  sleep?: (ms: number) => Promise<void>;
  /** pods/exec and pods/attach streams (`kubectl exec`, `attach`, `cp`, `run -it`). */
  exec?: ShellExec;
  /** The process id klog's lines show (`kubectl -v=6`); 1 without one. */
  pid?: number;
}

/** What a remote command writes (`kubectl exec`, `attach`): its stdout and stderr. */
export interface RemoteOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A running pods/exec or pods/attach session (the v5.channel.k8s.io stream protocol). */
export interface RemoteSession {
  /** Sends stdin (keystrokes, with a terminal). */
  write(text: string): void;
  /** Ends stdin. */
  closeStdin(): void;
  /** Tells the new terminal size. */
  resize(cols: number, rows: number): void;
  /** Resolves with the Status of the error channel when the session ends; undefined when the connection dropped without one. */
  readonly done: Promise<Record<string, unknown> | undefined>;
  /** Drops the connection (kubectl interrupted). */
  close(): void;
}

/** pods/exec and pods/attach as a front end runs them: the stream, and the shell's stdin while a session runs. */
export interface ShellExec {
  /** Opens the stream (`query` in order, `command` repeated); resolves with the session once upgraded, or with the API server's refusal. */
  open(path: string, query: [string, string][], output: RemoteOutput): Promise<RemoteSession | TransportResponse>;
  /** Whether the shell's stdin is a terminal (`-t` needs one). */
  readonly stdinIsTTY: boolean;
  /** The terminal's size, if stdin is one. */
  size(): { cols: number; rows: number } | undefined;
  /**
   * Hands the shell's stdin to `input` until the returned function is called: raw keystrokes
   * when `raw` (Ctrl-C then goes to the remote terminal), else lines as a terminal edits them
   * (Ctrl-D: `end`; Ctrl-C: `interrupt`); terminal resizes; `end` at the end of stdin.
   */
  takeStdin(raw: boolean, input: { data(text: string): void; end(): void; resize(cols: number, rows: number): void; interrupt(): void }): () => void;
}

/** The Accept header kubectl sends for `get`. */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
