/**
 * The options that choose a new cluster's shape, shared by `kubelab cluster create` and
 * `kubelab serve`: `--shape FILE` (YAML or JSON, the `ClusterShape` of core/shape.ts), and for
 * the common cases `--cpu`, `--memory` (every worker) and `--zones a,b` (dealt to the workers).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { shapeProblems, type ClusterShape } from '../../core/shape';
import { UsageError, type CommandSpec, type OptionSpec } from './commands';

/** The shape options of a command. */
export const SHAPE_OPTIONS: Record<string, OptionSpec> = {
  shape: { type: 'string', placeholder: 'FILE', help: 'the nodes\' capacity, labels, taints and zones of a new cluster (YAML or JSON; see labs/README.md)' },
  cpu: { type: 'string', placeholder: 'Q', help: 'CPU of every worker of a new cluster (default 4)' },
  memory: { type: 'string', placeholder: 'Q', help: 'memory of every worker of a new cluster (default about 8Gi)' },
  zones: { type: 'string', placeholder: 'A,B', help: 'zones dealt to the workers of a new cluster in turn (topology.kubernetes.io/zone)' },
};

/** The shape the options ask for (undefined: the default shape); a UsageError naming every problem. */
export function shapeFromOptions(c: CommandSpec, values: Record<string, string | boolean | undefined>): ClusterShape | undefined {
  let shape: Record<string, unknown> = {};
  if (typeof values.shape === 'string') {
    let text: string;
    try {
      text = readFileSync(values.shape, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read the shape file ${values.shape}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, c);
    }
    let doc: unknown;
    try {
      doc = parse(text);
    } catch (e) {
      throw new UsageError(`the shape file ${values.shape} is not YAML or JSON: ${(e as Error).message.split('\n')[0] ?? ''}`, c);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`the shape file ${values.shape} must hold a map (controlPlane, workers, nodes, zones)`, c);
    shape = doc as Record<string, unknown>;
  }
  const workers = { ...((shape['workers'] as Record<string, unknown> | undefined) ?? {}) };
  if (typeof values.cpu === 'string') workers['cpu'] = values.cpu;
  if (typeof values.memory === 'string') workers['memory'] = values.memory;
  if (Object.keys(workers).length > 0) shape['workers'] = workers;
  if (typeof values.zones === 'string') shape['zones'] = values.zones.split(',').map((z) => z.trim()).filter((z) => z !== '');
  if (Object.keys(shape).length === 0) return undefined;
  const problems = shapeProblems(shape);
  if (problems.length > 0) throw new UsageError(`invalid cluster shape: ${problems.join('; ')}`, c);
  return shape as ClusterShape;
}
