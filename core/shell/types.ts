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

/** The files a command may read (`-f FILE|DIR|-`), relative to the shell's working directory. */
export interface ShellFiles {
  /** The text of a file; rejects with an Error whose message kubectl would print after `error: `. */
  readFile(path: string): Promise<string>;
  /** Whether a path is a directory, a file, or does not exist. */
  stat(path: string): Promise<'file' | 'dir' | undefined>;
  /** The entry names of a directory, sorted. */
  readDir(path: string): Promise<string[]>;
  /** Standard input (`-f -`). */
  stdin?(): Promise<string>;
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
}

/** Optional capabilities of a front end. */
export interface ShellDeps {
  stream?: ShellStream;
  files?: ShellFiles;
  /** Parses a YAML (or JSON) stream into its documents (the front end brings the YAML library). */
  parseYaml?: (text: string) => unknown[];
  /** The client machine's time in ms (the ages `kubectl describe` prints); else the newest time the server reported. */
  now?: () => number;
}

/** The Accept header kubectl sends for `get`. */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
