/**
 * The kubelet's heartbeats (pkg/kubelet/nodelease, kubelet_node_status.go): the node's Lease in
 * `kube-node-lease`, renewed every 10 s (a quarter of its 40 s duration), and the Node's status —
 * capacity, allocatable, the pressure conditions and Ready with their heartbeat times, addresses,
 * nodeInfo, images — computed every 10 s (nodeStatusUpdateFrequency) and posted when it changed,
 * or at least every 5 minutes (nodeStatusReportFrequency).
 */
import { rfc3339 } from '../api/duration';
import { isStatusError } from '../api/status';
import type { Condition, Lease, Node, NodeStatus } from '../api/types';
import type { Clock, TimerHandle } from '../clock/clock';
import type { Client } from '../client/client';

/** The lease's duration (seconds). */
export const LEASE_DURATION_SECONDS = 40;
/** How often the lease is renewed (ms). */
export const LEASE_RENEW_MS = 10_000;
/** How often the node status is computed (ms). */
export const NODE_STATUS_UPDATE_MS = 10_000;
/** How often the node status is posted even when unchanged (ms). */
export const NODE_STATUS_REPORT_MS = 300_000;

/** metav1.MicroTime: `2026-03-01T09:00:03.123000Z`. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** What the node reports besides its fixed parts. */
export interface NodeFacts {
  memoryPressure: boolean;
  images: { names: string[]; sizeBytes: number }[];
}

/** The conditions a kubelet posts, keeping transition times while a status stays. */
export function nodeConditions(now: number, facts: NodeFacts, old: Condition[] | undefined): Condition[] {
  const t = rfc3339(now);
  const c = (type: string, status: Condition['status'], reason: string, message: string): Condition => {
    const prev = old?.find((x) => x.type === type);
    return { type, status, lastHeartbeatTime: t, lastTransitionTime: prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : t, reason, message };
  };
  return [
    facts.memoryPressure ? c('MemoryPressure', 'True', 'KubeletHasInsufficientMemory', 'kubelet has insufficient memory available') : c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

/** The status without heartbeat times (to see whether anything changed). */
function comparable(s: NodeStatus | undefined): string {
  return JSON.stringify({ ...s, conditions: (s?.conditions ?? []).map((c) => ({ ...c, lastHeartbeatTime: undefined })) });
}

/** The heartbeats of one kubelet. */
export class Heartbeat {
  private leaseTimer: TimerHandle | undefined;
  private statusTimer: TimerHandle | undefined;
  private lastReport = 0;
  private running = false;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly nodeName: string,
    private readonly facts: () => NodeFacts,
  ) {}

  /** Starts renewing the lease and posting the status (posts both at once). */
  async start(): Promise<void> {
    this.running = true;
    // A failed first beat (a conflict with the node controller) is retried on the next tick.
    await this.renewLease().catch(() => undefined);
    await this.postStatus(true).catch(() => undefined);
    this.leaseTimer = this.clock.setTimer(LEASE_RENEW_MS, () => void this.leaseTick());
    this.statusTimer = this.clock.setTimer(NODE_STATUS_UPDATE_MS, () => void this.statusTick());
  }

  /** Stops the heartbeats. */
  stop(): void {
    this.running = false;
    if (this.leaseTimer) this.clock.clearTimer(this.leaseTimer);
    if (this.statusTimer) this.clock.clearTimer(this.statusTimer);
  }

  private async leaseTick(): Promise<void> {
    if (!this.running) return;
    await this.renewLease().catch(() => undefined);
    if (this.running) this.leaseTimer = this.clock.setTimer(LEASE_RENEW_MS, () => void this.leaseTick());
  }

  private async statusTick(): Promise<void> {
    if (!this.running) return;
    await this.postStatus(false).catch(() => undefined);
    if (this.running) this.statusTimer = this.clock.setTimer(NODE_STATUS_UPDATE_MS, () => void this.statusTick());
  }

  /** Creates or renews the node's Lease. */
  async renewLease(): Promise<void> {
    const ref = { group: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-node-lease', name: this.nodeName };
    const renewTime = microTime(this.clock.now());
    let lease: Lease | undefined;
    try {
      lease = await this.client.get<Lease>(ref);
    } catch (e) {
      if (!isStatusError(e, 'NotFound')) throw e;
    }
    if (lease) {
      await this.client.update<Lease>(ref, { ...lease, spec: { ...lease.spec, holderIdentity: this.nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime } });
      return;
    }
    const node = await this.client.get<Node>({ resource: 'nodes', name: this.nodeName });
    await this.client.create<Lease>(
      { group: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-node-lease' },
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: this.nodeName, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid ?? '' }] },
        spec: { holderIdentity: this.nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime },
      },
    );
  }

  /** Posts the node status when it changed, or when the report frequency says so (or `force`). */
  async postStatus(force: boolean): Promise<void> {
    const now = this.clock.now();
    const node = await this.client.get<Node>({ resource: 'nodes', name: this.nodeName });
    const facts = this.facts();
    const status: NodeStatus = { ...node.status, conditions: nodeConditions(now, facts, node.status?.conditions), images: facts.images.slice(0, 50) };
    const changed = comparable(status) !== comparable(node.status);
    if (!force && !changed && now - this.lastReport < NODE_STATUS_REPORT_MS) return;
    await this.client.update({ resource: 'nodes', name: this.nodeName, subresource: 'status' }, { ...node, status });
    this.lastReport = now;
  }
}
