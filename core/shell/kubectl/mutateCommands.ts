/** kubectl's changing commands (patch, replace, set, expose, autoscale, taint, drain, edit), by name, for the command table. */
import type { Subcommand } from './root';
import { autoscale } from './autoscale';
import { drain } from './drain';
import { edit } from './edit';
import { expose } from './expose';
import { patch } from './patch';
import { replace } from './replace';
import { set } from './set';
import { taint } from './taint';

/** The changing commands, spread into COMMANDS. */
export const MUTATE_COMMANDS: Record<string, Subcommand> = {
  patch,
  expose,
  autoscale,
  drain,
  edit,
  replace,
  set,
  taint,
};
