/**
 * `kubelab fault node stop|start NODE`, `kubelab fault component stop|start NAME`,
 * `kubelab fault image remove|restore IMAGE`, `kubelab fault memory fill|release NODE`,
 * `kubelab fault status`.
 */
import { UsageError, type CommandSpec } from './commands';
import { DATA_OPTION, labError, labRequest } from './labClient';

interface Components {
  controlPlane: Record<string, string>;
  nodes: Record<string, string>;
  unavailableImages?: string[];
  memoryFilled?: string[];
}

const DONE: Record<string, string> = { stop: 'stopped', start: 'started', remove: 'is unavailable now', restore: 'is available again', fill: 'memory filled', release: 'memory released' };
const ACTIONS: Record<string, string[]> = { node: ['stop', 'start'], component: ['stop', 'start'], image: ['remove', 'restore'], memory: ['fill', 'release'] };
const WHAT: Record<string, string> = { node: 'a node name', component: 'a component name', image: 'an image', memory: 'a node name' };

/** The components' states as a small table. */
export function describeComponents(c: Components): string {
  const filled = new Set(c.memoryFilled ?? []);
  const rows = [
    ...Object.entries(c.controlPlane).map(([n, s]) => [`component/${n}`, s]),
    ...Object.entries(c.nodes).map(([n, s]) => [`node/${n}`, filled.has(n) ? `${s}, memory filled` : s]),
    ...(c.unavailableImages ?? []).map((i) => [`image/${i}`, 'Unavailable']),
  ];
  const width = Math.max(...rows.map((r) => (r[0] as string).length));
  return rows.map(([n, s]) => `${(n as string).padEnd(width)}  ${s as string}\n`).join('');
}

/** The fault subcommand. */
export const faultCommand: CommandSpec = {
  name: 'fault',
  summary: 'Stop or start a node or a control-plane component, make an image unavailable, or fill a node\'s memory, in a running lab.',
  positionals: 'node stop|start NODE | component stop|start etcd|kube-apiserver|kube-scheduler|kube-controller-manager | image remove|restore IMAGE | memory fill|release NODE | status',
  options: { data: DATA_OPTION },
  async run(values, positionals) {
    const data = typeof values.data === 'string' ? values.data : undefined;
    const [kind, action, name, ...extra] = positionals;
    if (kind === 'status' || kind === undefined) {
      if (action !== undefined) throw new UsageError(`unexpected argument ${action}`, faultCommand);
      const res = await labRequest(data, 'GET', '/lab/v1/components');
      if (res.status !== 200) {
        process.stderr.write(`kubelab fault: ${labError(res.body)}\n`);
        return 1;
      }
      process.stdout.write(describeComponents(res.body as Components));
      return 0;
    }
    const actions = ACTIONS[kind];
    if (!actions) throw new UsageError(`unknown fault target "${kind}": node, component, image or memory`, faultCommand);
    if (action === undefined || !actions.includes(action)) throw new UsageError(`${kind} needs ${actions.map((a) => `"${a}"`).join(' or ')}`, faultCommand);
    if (name === undefined) throw new UsageError(`${kind} ${action} needs ${WHAT[kind] ?? 'a name'}`, faultCommand);
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0] ?? ''}`, faultCommand);
    const res = await labRequest(data, 'POST', '/lab/v1/faults', { kind, name, action });
    if (res.status !== 200) {
      process.stderr.write(`kubelab fault: ${labError(res.body)}\n`);
      return 1;
    }
    process.stdout.write(`${kind} ${name} ${DONE[action] ?? action}\n`);
    return 0;
  },
};
