/**
 * What every kubectl command gets: the transport, the session (namespace), output, files, the
 * served types, and helpers for requests that turn a failed answer into kubectl's error.
 */
import type { ShellDeps, ShellIO, ShellSignal, ShellState, ShellTransport, TransportResponse } from '../types';
import type { Discovery } from './discovery';
import { CommandError, serverError } from './errors';
import type { Flags } from './flags';

/** The context of one kubectl command line. */
export class Kubectl {
  /** The exit code the command ends with (set by `fail`, by a CommandError otherwise). */
  exit = 0;

  constructor(
    readonly transport: ShellTransport,
    readonly state: ShellState,
    readonly io: ShellIO,
    readonly deps: ShellDeps,
    readonly discovery: Discovery,
    readonly signal?: ShellSignal,
  ) {}

  /** The namespace of the command: `-n`, else the session's. */
  namespace(flags: Flags): string {
    return flags.str('namespace') || this.state.namespace;
  }

  /** Sends a request; answers the response whatever its status. */
  send(method: string, path: string, query: Record<string, string> = {}, body?: unknown, contentType = 'application/json', accept = 'application/json'): Promise<TransportResponse> {
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return this.transport(method, path, query, accept, text === undefined ? undefined : { body: text, contentType });
  }

  /** Sends a request; throws kubectl's `Error from server` on a failure, answers the body otherwise. */
  async ok<T = unknown>(method: string, path: string, query: Record<string, string> = {}, body?: unknown, contentType?: string): Promise<T> {
    const r = await this.send(method, path, query, body, contentType);
    if (r.status >= 400) throw new CommandError(serverError(r.body));
    return r.body as T;
  }

  /** Prints an error line without ending the command, and marks the exit code. */
  fail(text: string, code = 1): void {
    this.io.err(`${text}\n`);
    this.exit = code;
  }
}
