/** `kubelab fault node stop|start NODE`, `kubelab fault component stop|start NAME`, `kubelab fault status`. */
import { UsageError, type CommandSpec } from './commands';
import { DATA_OPTION, labError, labRequest } from './labClient';

interface Components {
  controlPlane: Record<string, string>;
  nodes: Record<string, string>;
}

/** The components' states as a small table. */
export function describeComponents(c: Components): string {
  const rows = [...Object.entries(c.controlPlane).map(([n, s]) => [`component/${n}`, s]), ...Object.entries(c.nodes).map(([n, s]) => [`node/${n}`, s])];
  const width = Math.max(...rows.map((r) => (r[0] as string).length));
  return rows.map(([n, s]) => `${(n as string).padEnd(width)}  ${s as string}\n`).join('');
}

/** The fault subcommand. */
export const faultCommand: CommandSpec = {
  name: 'fault',
  summary: 'Stop or start a node or a control-plane component of a running lab.',
  positionals: 'node stop|start NODE | component stop|start etcd|kube-apiserver|kube-scheduler|kube-controller-manager | status',
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
    if (kind !== 'node' && kind !== 'component') throw new UsageError(`unknown fault target "${kind}": node or component`, faultCommand);
    if (action !== 'stop' && action !== 'start') throw new UsageError(`${kind} needs "stop" or "start"`, faultCommand);
    if (name === undefined) throw new UsageError(`${kind} ${action} needs a ${kind === 'node' ? 'node name' : 'component name'}`, faultCommand);
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0] ?? ''}`, faultCommand);
    const res = await labRequest(data, 'POST', '/lab/v1/faults', { kind, name, action });
    if (res.status !== 200) {
      process.stderr.write(`kubelab fault: ${labError(res.body)}\n`);
      return 1;
    }
    process.stdout.write(`${kind} ${name} ${action === 'stop' ? 'stopped' : 'started'}\n`);
    return 0;
  },
};
