/**
 * A bundled shell for unit tests: the engine over an in-memory workspace, a transport that
 * answers 404 unless one is given, a sleep that returns at once, and `run(line)` giving what
 * the line printed and its exit status.
 */
import { ShellEngine, type LineResult } from './engine';
import { memoryFiles } from './memoryFiles';
import type { ShellDeps, ShellHistory, ShellTransport } from './types';

/** What a line printed. */
export interface RunResult {
  out: string;
  err: string;
  code: number;
  result: LineResult;
}

/** A shell over `files` (path → text); `deps` adds or replaces capabilities. */
export function testShell(files: Record<string, string> = {}, deps: ShellDeps = {}, transport?: ShellTransport) {
  const fs = memoryFiles(files, () => Date.parse('2026-01-01T09:00:00Z'));
  const entries: string[] = [];
  const history: ShellHistory = { entries: () => entries, add: (l) => void entries.push(l), clear: () => void entries.splice(0) };
  let out = '';
  let err = '';
  const state = { context: 'kubelab', namespace: 'default', lastExit: 0 };
  const engine = new ShellEngine(transport ?? (async () => ({ status: 404, body: { kind: 'Status', message: 'not found', reason: 'NotFound', code: 404 } })), state, { out: (t) => (out += t), err: (t) => (err += t) }, {
    files: fs,
    sleep: async () => undefined,
    now: () => Date.parse('2026-01-01T09:30:00Z'),
    history,
    ...deps,
  });
  return {
    engine,
    fs,
    history: entries,
    async run(line: string): Promise<RunResult> {
      out = '';
      err = '';
      const result = await engine.run(line);
      return { out, err, code: state.lastExit, result };
    },
  };
}
