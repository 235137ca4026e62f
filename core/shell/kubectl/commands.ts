/** The table of kubectl subcommands the shell knows. */
import type { Subcommand } from './root';
import { apply } from './apply';
import { create } from './create';
import { apiResources, clusterInfo } from './cluster';
import { del } from './delete';
import { describe } from './describe';
import { get } from './get';
import { apiVersions, config, version } from './info';
import { annotate, label } from './labels';
import { logs } from './logs';
import { run } from './run';
import { rollout } from './rollout';
import { scale } from './scale';
import { cordon, uncordon } from './cordon';
import { MUTATE_COMMANDS } from './mutateCommands';
import { REMOTE_COMMANDS } from './remoteCommands';
import { INSPECT_COMMANDS } from './inspectCommands';

/** Every subcommand by name. */
export const COMMANDS: Record<string, Subcommand> = {
  get,
  describe,
  create,
  apply,
  delete: del,
  label,
  annotate,
  scale,
  run,
  rollout,
  cordon,
  uncordon,
  'api-resources': apiResources,
  'cluster-info': clusterInfo,
  logs,
  version,
  'api-versions': apiVersions,
  config,
  ...MUTATE_COMMANDS,
  ...REMOTE_COMMANDS,
  ...INSPECT_COMMANDS,
};
