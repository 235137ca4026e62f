/**
 * The shell's `cluster` command: the running lab as the dashboard drives it — `cluster status`,
 * `cluster clock pause|resume|speed X|step D|status`, `cluster node stop|start NODE`,
 * `cluster component stop|start NAME`, `cluster fault node|component|image|memory ACTION NAME`
 * — through the lab API, printing what `kubelab clock` and `kubelab fault` print.
 */
import type { Builtin, CommandContext } from '../builtins';
import type { ShellTransport } from '../types';
import { describeClock, describeComponents, LabCallError, labCall, type ClockAnswer, type ComponentsAnswer } from './labApi';

const USAGE = `Usage:
  cluster status
  cluster clock pause|resume|speed X|step DURATION|status
  cluster node stop|start NODE
  cluster component stop|start etcd|kube-apiserver|kube-scheduler|kube-controller-manager
  cluster fault node stop|start NODE | component stop|start NAME | image remove|restore IMAGE | memory fill|release NODE
`;

const DONE: Record<string, string> = { stop: 'stopped', start: 'started', remove: 'is unavailable now', restore: 'is available again', fill: 'memory filled', release: 'memory released' };
const ACTIONS: Record<string, string[]> = { node: ['stop', 'start'], component: ['stop', 'start'], image: ['remove', 'restore'], memory: ['fill', 'release'] };
const WHAT: Record<string, string> = { node: 'a node name', component: 'a component name', image: 'an image', memory: 'a node name' };

class Usage extends Error {}

async function clock(t: ShellTransport, ctx: CommandContext, args: string[]): Promise<number> {
  const [action = 'status', arg, ...extra] = args;
  let body: Record<string, unknown> | undefined;
  if (action === 'pause' || action === 'resume') body = { action };
  else if (action === 'speed') {
    if (arg === undefined) throw new Usage('speed needs a factor from 0.25 to 100 (e.g. "cluster clock speed 10")');
    body = { action, speed: Number(arg.replace(/x$/i, '')) };
  } else if (action === 'step') {
    if (arg === undefined) throw new Usage('step needs a duration (e.g. "cluster clock step 30s")');
    body = { action, duration: arg };
  } else if (action !== 'status') throw new Usage(`unknown clock action "${action}"`);
  const takes = action === 'speed' || action === 'step' ? 1 : 0;
  const unexpected = takes === 0 ? arg : extra[0];
  if (unexpected !== undefined) throw new Usage(`unexpected argument ${unexpected}`);
  const c = await labCall<ClockAnswer>(t, body ? 'POST' : 'GET', '/lab/v1/clock', body);
  ctx.out.write(`${describeClock(c)}\n`);
  return 0;
}

async function fault(t: ShellTransport, ctx: CommandContext, kind: string, args: string[]): Promise<number> {
  const [action, name, ...extra] = args;
  const actions = ACTIONS[kind];
  if (!actions) throw new Usage(`unknown fault target "${kind}": node, component, image or memory`);
  if (action === undefined || !actions.includes(action)) throw new Usage(`${kind} needs ${actions.map((a) => `"${a}"`).join(' or ')}`);
  if (name === undefined) throw new Usage(`${kind} ${action} needs ${WHAT[kind] ?? 'a name'}`);
  if (extra.length > 0) throw new Usage(`unexpected argument ${extra[0] ?? ''}`);
  await labCall<ComponentsAnswer>(t, 'POST', '/lab/v1/faults', { kind, name, action });
  ctx.out.write(`${kind} ${name} ${DONE[action] ?? action}\n`);
  return 0;
}

async function status(t: ShellTransport, ctx: CommandContext): Promise<number> {
  const info = await labCall<{ cluster?: { name?: string; seed?: number; workers?: number }; kubernetesVersion?: string }>(t, 'GET', '/lab/v1/info');
  const c = await labCall<ClockAnswer>(t, 'GET', '/lab/v1/clock');
  const comps = await labCall<ComponentsAnswer>(t, 'GET', '/lab/v1/components');
  const k = info.cluster ?? {};
  ctx.out.write(`cluster: ${k.name ?? '?'}  Kubernetes ${info.kubernetesVersion ?? '?'}, ${(k.workers ?? 0) + 1} nodes, seed ${k.seed ?? '?'}\n${describeClock(c)}\n${describeComponents(comps)}`);
  return 0;
}

/** The `cluster` builtin over a transport. */
export function clusterBuiltin(transport: ShellTransport): Builtin {
  return async (ctx) => {
    const [what = 'status', ...rest] = ctx.argv.slice(1);
    try {
      if (what === 'status') {
        if (rest.length > 0) throw new Usage(`unexpected argument ${rest[0] ?? ''}`);
        return await status(transport, ctx);
      }
      if (what === 'clock') return await clock(transport, ctx, rest);
      if (what === 'node' || what === 'component') return await fault(transport, ctx, what, rest);
      if (what === 'fault') {
        const [kind, ...args] = rest;
        if (kind === undefined || kind === 'status') {
          ctx.out.write(describeComponents(await labCall<ComponentsAnswer>(transport, 'GET', '/lab/v1/components')));
          return 0;
        }
        return await fault(transport, ctx, kind, args);
      }
      if (what === 'help' || what === '--help' || what === '-h') {
        ctx.out.write(USAGE);
        return 0;
      }
      throw new Usage(`unknown cluster command "${what}"`);
    } catch (e) {
      if (e instanceof Usage) {
        ctx.err.write(`cluster: ${e.message}\n${USAGE}`);
        return 2;
      }
      if (e instanceof LabCallError) {
        ctx.err.write(`cluster: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  };
}
