/** Runs the `kubelab` command from its sources (through tsx): the suites of snapshots, packs and grading need no build. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers';

/** Starts `kubelab ARGS...` from electron/cli/cli.ts; collect its output with `collect` (test/helpers.ts). */
export function kubelabSource(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'cli', 'cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
