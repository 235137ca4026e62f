/** The `kubelab` command line: dispatch to the subcommands, usage and version. */
import { kubelabVersion } from '../host/paths';
import { UsageError, commandUsage, mainUsage, parseCommandArgs, type CommandSpec } from './commands';
import { clockCommand } from './clock';
import { clusterCommand } from './cluster';
import { faultCommand } from './fault';
import { labCommand } from './lab';
import { serveCommand } from './serve';
import { shellCommand } from './shell';
import { snapshotCommand } from './snapshot';

/** Every subcommand, in the order the usage lists them. */
export const COMMANDS: CommandSpec[] = [serveCommand, shellCommand, clusterCommand, snapshotCommand, clockCommand, faultCommand, labCommand];

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(`kubelab: missing command\n\n${mainUsage(COMMANDS)}`);
    return 2;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    process.stdout.write(mainUsage(COMMANDS));
    return 0;
  }
  if (first === '-v' || first === '--version' || first === 'version') {
    process.stdout.write(`kubelab ${kubelabVersion()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === first);
  try {
    if (!command) throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`);
    const { values, positionals, help } = parseCommandArgs(command, rest);
    if (help) {
      process.stdout.write(commandUsage(command));
      return 0;
    }
    return await command.run(values, positionals);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`kubelab${e.command ? ` ${e.command.name}` : ''}: ${e.message}\n\n${e.command ? commandUsage(e.command) : mainUsage(COMMANDS)}`);
      return 2;
    }
    process.stderr.write(`kubelab: ${(e as Error).message}\n`);
    return 1;
  }
}
