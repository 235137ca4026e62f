/**
 * DefaultPreemption (PostFilter): when no node fits a pod, look for lower-priority pods whose
 * eviction would make room (respecting PodDisruptionBudgets as far as possible), evict them —
 * the DisruptionTarget condition, a delete, a `Preempted` event on each — and nominate the
 * node; or say why preemption cannot help, in the words kube-scheduler 1.32 uses.
 */
import type { Pod } from '../../../api/types';
import { isStatusError } from '../../../api/status';
import type { Clock } from '../../../clock/clock';
import type { Random } from '../../../clock/random';
import type { Client } from '../../../client/client';
import type { EventsRecorder } from '../../../client/eventsV1';
import { rfc3339 } from '../../../api/duration';
import { specOf } from '../../framework/api';
import { fitErrorMessage } from '../../framework/fitError';
import type { PodInfo } from '../../framework/podInfo';
import { Status, statusOf, type CycleState, type Handle, type NodeStatuses, type PostFilterPlugin, type PostFilterResult } from '../../framework/types';
import { pickCandidate, selectVictimsOnNode, type Candidate, type NodeFilter } from './candidates';

export { ERR_NO_VICTIMS } from './candidates';

/** The status of nodes where evicting pods cannot help. */
export const ERR_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
/** The pod may not preempt (preemptionPolicy: Never). */
export const ERR_POLICY_NEVER = 'not eligible due to preemptionPolicy=Never.';
/** The pod already caused a preemption whose victim is still terminating. */
export const ERR_TERMINATING_VICTIM = 'not eligible due to a terminating pod on the nominated node.';
/** DefaultPreemptionArgs defaults. */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
/** DefaultPreemptionArgs defaults. */
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

function preemptedByScheduler(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'PreemptionByScheduler');
}

/** The DefaultPreemption plugin. */
export class DefaultPreemption implements PostFilterPlugin {
  readonly name = 'DefaultPreemption';

  constructor(
    private readonly handle: Handle,
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly filter: NodeFilter,
    private readonly recorder?: EventsRecorder,
  ) {}

  /** PodEligibleToPreemptOthers. */
  eligible(pod: PodInfo, statuses: NodeStatuses): string | undefined {
    if (specOf(pod.pod).preemptionPolicy === 'Never') return ERR_POLICY_NEVER;
    const nominated = pod.pod.status?.nominatedNodeName;
    if (nominated) {
      if (statusOf(statuses, nominated)?.code === 'UnschedulableAndUnresolvable') return undefined;
      const info = this.handle.nodeInfo(nominated);
      for (const p of info?.pods.values() ?? []) if (p.priority < pod.priority && preemptedByScheduler(p.pod)) return ERR_TERMINATING_VICTIM;
    }
    return undefined;
  }

  async postFilter(state: CycleState, pod: PodInfo, statuses: NodeStatuses): Promise<PostFilterResult> {
    const notEligible = this.eligible(pod, statuses);
    if (notEligible) return { status: new Status('Unschedulable', [notEligible]) };
    const all = this.handle.nodes();
    const potential = all.filter((n) => statusOf(statuses, n.name)?.code === 'Unschedulable');
    const dryRun: NodeStatuses = { byNode: new Map(), absent: new Status('UnschedulableAndUnresolvable', [ERR_NOT_HELPFUL]) };
    const candidates: Candidate[] = [];
    if (potential.length > 0) {
      const pdbs = this.handle.pdbs();
      let want = Math.trunc((potential.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
      if (want < MIN_CANDIDATE_NODES_ABSOLUTE) want = MIN_CANDIDATE_NODES_ABSOLUTE;
      if (want > potential.length) want = potential.length;
      const offset = this.random.int(potential.length);
      let nonViolating = 0;
      for (let i = 0; i < potential.length; i++) {
        const node = potential[(offset + i) % potential.length];
        if (!node) continue;
        const r = selectVictimsOnNode(state, pod, node.clone(), pdbs, this.filter);
        if (r instanceof Status) {
          dryRun.byNode.set(node.name, r);
          continue;
        }
        candidates.push(r);
        if (r.pdbViolations === 0) nonViolating++;
        if (nonViolating > 0 && candidates.length >= want) break;
      }
    }
    const best = pickCandidate(candidates);
    if (!best) {
      return { status: new Status('Unschedulable', [`preemption: ${fitErrorMessage(all.length, { statuses: dryRun })}`]), nominatedNodeName: '' };
    }
    await this.prepare(best, pod);
    return { status: new Status('Success'), nominatedNodeName: best.node, victims: { node: best.node, pods: best.victims.map((v) => v.key) } };
  }

  /** prepareCandidate: evicts the victims, and un-nominates lower-priority pods nominated to the node. */
  private async prepare(c: Candidate, preemptor: PodInfo): Promise<void> {
    for (const v of c.victims) {
      const ref = { resource: 'pods', namespace: v.namespace, name: v.pod.metadata.name ?? '' };
      try {
        if (!preemptedByScheduler(v.pod)) {
          const condition = { type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: `${preemptor.pod.spec.schedulerName ?? 'default-scheduler'}: preempting to accommodate a higher priority pod`, lastProbeTime: null, lastTransitionTime: rfc3339(this.clock.now()) };
          await this.client.patch({ ...ref, subresource: 'status' }, { status: { conditions: [condition] } });
        }
        await this.client.delete(ref);
      } catch (e) {
        if (!isStatusError(e, 'NotFound')) throw e;
        continue;
      }
      this.recorder?.eventf(v.pod, preemptor.pod, 'Normal', 'Preempted', 'Preempting', `Preempted by pod ${preemptor.pod.metadata.uid ?? ''} on node ${c.node}`);
    }
    for (const p of this.handle.nominatedPods(c.node)) {
      if (p.priority >= preemptor.priority || p.key === preemptor.key) continue;
      try {
        await this.client.patch({ resource: 'pods', namespace: p.namespace, name: p.pod.metadata.name ?? '', subresource: 'status' }, { status: { nominatedNodeName: null } });
      } catch (e) {
        if (!isStatusError(e, 'NotFound')) throw e;
      }
    }
  }
}
