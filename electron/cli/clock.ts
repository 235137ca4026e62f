/** `kubelab clock pause|resume|speed X|step DURATION|status`: the virtual clock of a running lab. */
import { UsageError, type CommandSpec } from './commands';
import { DATA_OPTION, labError, labRequest } from './labClient';

interface ClockAnswer {
  time: string;
  speed: number;
  paused: boolean;
}

/** One line describing the clock. */
export function describeClock(c: ClockAnswer): string {
  return `clock: ${c.time}  ${c.paused ? 'paused' : 'running'} at ${c.speed}x`;
}

/** The clock subcommand. */
export const clockCommand: CommandSpec = {
  name: 'clock',
  summary: 'Pause, resume, speed up or step the virtual clock of a running lab.',
  positionals: 'pause|resume|speed X|step DURATION|status',
  options: { data: DATA_OPTION },
  async run(values, positionals) {
    const [action, arg, ...extra] = positionals;
    let body: Record<string, unknown> | undefined;
    if (action === 'pause' || action === 'resume') body = { action };
    else if (action === 'speed') {
      if (arg === undefined) throw new UsageError('speed needs a factor from 0.25 to 100 (e.g. "speed 10")', clockCommand);
      body = { action, speed: Number(arg.replace(/x$/i, '')) };
    } else if (action === 'step') {
      if (arg === undefined) throw new UsageError('step needs a duration (e.g. "step 30s", "step 5m")', clockCommand);
      body = { action, duration: arg };
    } else if (action !== 'status' && action !== undefined) throw new UsageError(`unknown clock action "${action}"`, clockCommand);
    const expectedArgs = action === 'speed' || action === 'step' ? 1 : 0;
    if ((arg !== undefined && expectedArgs === 0) || extra.length > 0) throw new UsageError(`unexpected argument ${(expectedArgs === 0 ? arg : extra[0]) ?? ''}`, clockCommand);
    const res = await labRequest(typeof values.data === 'string' ? values.data : undefined, body ? 'POST' : 'GET', '/lab/v1/clock', body);
    if (res.status !== 200) {
      process.stderr.write(`kubelab clock: ${labError(res.body)}\n`);
      return 1;
    }
    process.stdout.write(`${describeClock(res.body as ClockAnswer)}\n`);
    return 0;
  },
};
