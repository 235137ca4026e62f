/** The kubectl subcommands that stream to containers: `exec`, `attach`, `cp` (and `run -it` in run.ts). */
import { attach } from './attach';
import { cp } from './cp';
import { exec } from './exec';
import type { Subcommand } from './root';

/** exec, attach and cp by name. */
export const REMOTE_COMMANDS: Record<string, Subcommand> = { exec, attach, cp };
