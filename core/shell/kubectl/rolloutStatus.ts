/**
 * `kubectl rollout status (deployment|daemonset|statefulset)/NAME [--watch=true] [--revision=N]
 * [--timeout=0]` as kubectl 1.32 runs it (cmd/rollout/rollout_status.go, polymorphichelpers
 * rollout_status.go): the object listed and then watched (field selector on its name), the
 * status viewer's line printed for the list and for every ADDED/MODIFIED event — the same line
 * again when the event changed nothing it shows, as kubectl prints it — until the rollout is
 * done, an error, the deadline (`error: timed out waiting for the condition`) or Ctrl-C.
 * `--watch=false` prints the first line only.
 */
import { parseGoDuration } from '../../api/duration';
import type { Kubectl } from './context';
import type { ApiType } from './discovery';
import { CommandError } from './errors';
import type { Flags } from './flags';
import { usageHint } from './flags';
import { deadline, Interrupted, WaitError, Waiter } from './watchUntil';

type Obj = Record<string, unknown>;
interface Meta {
  name?: string;
  generation?: number;
  annotations?: Record<string, string>;
}
interface Condition {
  type?: string;
  reason?: string;
}
type Status = Record<string, number | string | Condition[] | undefined>;

/** A status viewer's answer: the line to print and whether the rollout is done. */
interface Answer {
  line: string;
  done: boolean;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function parts(o: Obj): { meta: Meta; spec: Obj; status: Status } {
  return { meta: (o['metadata'] ?? {}) as Meta, spec: (o['spec'] ?? {}) as Obj, status: (o['status'] ?? {}) as Status };
}

/** DeploymentStatusViewer.Status. */
function deploymentStatus(o: Obj, revision: number): Answer {
  const { meta, spec, status } = parts(o);
  const name = meta.name ?? '';
  if (revision > 0) {
    const raw = meta.annotations?.['deployment.kubernetes.io/revision'];
    const running = raw === undefined ? 0 : Number(raw);
    if (raw !== undefined && !/^-?\d+$/.test(raw)) throw new CommandError(`error: cannot get the revision of deployment "${name}": strconv.ParseInt: parsing "${raw}": invalid syntax`);
    if (running !== revision) throw new CommandError(`error: desired revision (${revision}) is different from the running revision (${running})`);
  }
  if (num(meta.generation) > num(status['observedGeneration'])) return { line: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = ((status['conditions'] ?? []) as Condition[]).find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') throw new CommandError(`error: deployment "${name}" exceeded its progress deadline`);
  const replicas = spec['replicas'];
  const updated = num(status['updatedReplicas']);
  if (typeof replicas === 'number' && updated < replicas) return { line: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
  if (num(status['replicas']) > updated) return { line: `Waiting for deployment "${name}" rollout to finish: ${num(status['replicas']) - updated} old replicas are pending termination...\n`, done: false };
  if (num(status['availableReplicas']) < updated) return { line: `Waiting for deployment "${name}" rollout to finish: ${num(status['availableReplicas'])} of ${updated} updated replicas are available...\n`, done: false };
  return { line: `deployment "${name}" successfully rolled out\n`, done: true };
}

function strategyType(spec: Obj): string | undefined {
  return (spec['updateStrategy'] as { type?: string } | undefined)?.type;
}

/** DaemonSetStatusViewer.Status (a DaemonSet has no revision to pin). */
function daemonSetStatus(o: Obj): Answer {
  const { meta, spec, status } = parts(o);
  const name = meta.name ?? '';
  if (strategyType(spec) !== 'RollingUpdate') throw new CommandError('error: rollout status is only available for RollingUpdate strategy type');
  if (num(meta.generation) > num(status['observedGeneration'])) return { line: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = num(status['desiredNumberScheduled']);
  const updated = num(status['updatedNumberScheduled']);
  if (updated < desired) return { line: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
  const available = num(status['numberAvailable']);
  if (available < desired) return { line: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`, done: false };
  return { line: `daemon set "${name}" successfully rolled out\n`, done: true };
}

/** StatefulSetStatusViewer.Status. */
function statefulSetStatus(o: Obj): Answer {
  const { meta, spec, status } = parts(o);
  if (strategyType(spec) !== 'RollingUpdate') throw new CommandError('error: rollout status is only available for RollingUpdate strategy type');
  const observed = num(status['observedGeneration']);
  if (observed === 0 || num(meta.generation) > observed) return { line: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = spec['replicas'];
  const ready = num(status['readyReplicas']);
  if (typeof replicas === 'number' && ready < replicas) return { line: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  const updated = num(status['updatedReplicas']);
  const rolling = (spec['updateStrategy'] as { rollingUpdate?: { partition?: number } } | undefined)?.rollingUpdate;
  if (rolling !== undefined) {
    if (typeof replicas === 'number' && typeof rolling.partition === 'number' && updated < replicas - rolling.partition) {
      return { line: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - rolling.partition} new pods have been updated...\n`, done: false };
    }
    return { line: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  const updateRevision = String(status['updateRevision'] ?? '');
  const currentRevision = String(status['currentRevision'] ?? '');
  if (updateRevision !== currentRevision) return { line: `waiting for statefulset rolling update to complete ${updated} pods at revision ${updateRevision}...\n`, done: false };
  return { line: `statefulset rolling update complete ${num(status['currentReplicas'])} pods at revision ${currentRevision}...\n`, done: true };
}

/** StatusViewerFn: the viewer of a kind, or kubectl's error for the others. */
function viewerOf(type: ApiType): (o: Obj, revision: number) => Answer {
  if (type.group === 'apps' && type.kind === 'Deployment') return deploymentStatus;
  if (type.group === 'apps' && type.kind === 'DaemonSet') return daemonSetStatus;
  if (type.group === 'apps' && type.kind === 'StatefulSet') return statefulSetStatus;
  throw new CommandError(`error: no status viewer has been implemented for ${type.group ? `${type.kind}.${type.group}` : type.kind}`);
}

/** `kubectl rollout status`, on one object already read (`obj`). */
export async function rolloutStatus(k: Kubectl, flags: Flags, type: ApiType, namespace: string, name: string): Promise<void> {
  const revision = flags.int('revision', 0);
  if (revision < 0) throw new CommandError(`error: revision must be a positive integer: ${revision}`);
  let timeout = 0;
  if (flags.has('timeout')) {
    const raw = flags.str('timeout');
    const ms = parseGoDuration(raw.replace(/^-/, ''));
    if (ms === undefined) throw new CommandError(`Error: invalid argument "${raw}" for "--timeout" flag: time: invalid duration "${raw}"\n${usageHint('kubectl rollout status')}`);
    timeout = raw.startsWith('-') ? 0 : ms;
  }
  const viewer = viewerOf(type);
  const watch = flags.bool('watch', true);
  // The deadline is the client's wall time, zero meaning never.
  const { expired, clock } = deadline(k, timeout);
  const waiter = new Waiter(k, expired, clock, () => 'timed out waiting for the condition');
  try {
    await waiter.until(
      { type, namespace, name },
      (event, o) => {
        if (event === 'DELETED') throw new CommandError('error: object has been deleted');
        const answer = viewer(o, revision);
        k.io.out(answer.line);
        return answer.done || !watch;
      },
      () => undefined,
    );
  } catch (e) {
    if (e instanceof Interrupted) {
      k.exit = 1;
      return;
    }
    if (e instanceof WaitError) throw new CommandError(e.fromServer ? e.message : `error: ${e.message}`);
    throw e;
  }
}
