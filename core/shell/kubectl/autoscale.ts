/**
 * `kubectl autoscale (-f FILE | TYPE NAME) --max=N [--min=N] [--cpu-percent=N] [--name=NAME]`:
 * the HorizontalPodAutoscaler kubectl 1.32 builds — autoscaling/v1 (`targetCPUUtilizationPercentage`,
 * which the API server also serves as autoscaling/v2 metrics) aimed at the object's scale
 * subresource — created with `fieldManager=kubectl-autoscale` (`autoscaled`) or printed on a
 * client dry run (`created (dry run)`); `cannot autoscale a Pod: ...` for a kind without `/scale`.
 */
import type { KubeObject } from '../../api/types';
import { withLastApplied } from './apply';
import type { Kubectl } from './context';
import { groupVersion, resourcePath, type ApiType } from './discovery';
import { CommandError, klogFatal } from './errors';
import { Flags, parseFlags } from './flags';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, dryRunOf, finish, printOperation, resourceInfos, writeQuery, type Failure } from './mutate';

const HPA_TYPE = { group: 'autoscaling', version: 'v1', kind: 'HorizontalPodAutoscaler' };

/** Whether legacy discovery lists `RESOURCE/scale` in the type's group version (the scale kind resolver). */
async function hasScale(k: Kubectl, type: ApiType): Promise<boolean> {
  const path = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  const r = await k.send('GET', path);
  if (r.status >= 400) return false;
  const resources = (r.body as { resources?: { name?: string }[] }).resources ?? [];
  return resources.some((x) => x.name === `${type.resource}/scale`);
}

/** `kubectl autoscale`. */
export async function autoscale(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl autoscale', args, {
      ...PRINT_FLAGS,
      ...FILENAME_FLAGS,
      ...DRY_RUN_FLAG,
      record: { kind: 'bool' },
      min: { kind: 'int' },
      max: { kind: 'int' },
      'cpu-percent': { kind: 'int' },
      name: { kind: 'string' },
      'save-config': { kind: 'bool' },
      'field-manager': { kind: 'string' },
    }),
  );
  if (!flags.has('max')) throw new CommandError(klogFatal('required flag(s) \\"max\\" not set'));
  const dry = dryRunOf(k, flags);
  const max = flags.int('max', -1);
  const min = flags.int('min', -1);
  const cpu = flags.int('cpu-percent', -1);
  if (max < 1) throw new CommandError(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new CommandError(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const { infos, errors } = await resourceInfos(k, flags, flags.positional, 'kubectl autoscale', { latest: false });
  const failures: Failure[] = [...errors];
  let count = 0;
  for (const info of infos) {
    if (!(await hasScale(k, info.type))) {
      failures.push(`cannot autoscale a ${info.type.kind}: could not find scale subresource for ${info.type.group}/${info.type.version}, Resource=${info.type.resource} in discovery information`);
      continue;
    }
    const spec: Record<string, unknown> = { scaleTargetRef: { kind: info.type.kind, name: info.name, apiVersion: groupVersion(info.type) } };
    if (min > 0) spec['minReplicas'] = min;
    spec['maxReplicas'] = max;
    if (cpu >= 0) spec['targetCPUUtilizationPercentage'] = cpu;
    const hpa = { metadata: { name: flags.str('name') || info.name, creationTimestamp: null }, spec, status: { currentReplicas: 0, desiredReplicas: 0 } } as unknown as KubeObject;
    if (dry === 'client') {
      count++;
      printOperation(k, flags, HPA_TYPE, { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v1', ...hpa }, 'created', dry, { struct: true });
      continue;
    }
    const body = flags.bool('save-config') ? withLastApplied({ kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v1', ...hpa }) : hpa;
    const path = resourcePath({ group: 'autoscaling', version: 'v1', resource: 'horizontalpodautoscalers', namespaced: true } as ApiType, k.namespace(flags));
    const r = await k.send('POST', path, writeQuery(dry, flags.str('field-manager', 'kubectl-autoscale')), body);
    if (r.status >= 400) {
      failures.push({ status: r.body });
      continue;
    }
    count++;
    printOperation(k, flags, HPA_TYPE, { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v1', ...(r.body as KubeObject) }, 'autoscaled', dry, { struct: true });
  }
  finish(failures);
  if (count === 0) throw new CommandError('error: no objects passed to autoscale');
}
