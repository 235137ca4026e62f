/** The reading commands of kubectl the shell knows: top, explain, auth, wait, diff, port-forward. */
import type { Subcommand } from './root';
import { auth } from './auth';
import { diff } from './diff';
import { explain } from './explain';
import { portForward } from './portForward';
import { top } from './top';
import { wait } from './wait';

/** These subcommands by name (merged into the table of commands.ts). */
export const INSPECT_COMMANDS: Record<string, Subcommand> = {
  top,
  explain,
  auth,
  wait,
  diff,
  'port-forward': portForward,
};
