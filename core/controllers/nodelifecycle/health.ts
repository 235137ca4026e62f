/**
 * How the node lifecycle controller judges a node's health (tryUpdateNodeHealth in
 * pkg/controller/nodelifecycle): the last time it saw a sign of life — a new Ready heartbeat
 * (`lastHeartbeatTime`) or a renewed Lease in `kube-node-lease` — measured on its own clock; when
 * that is older than the grace period, the kubelet's conditions become Unknown.
 */
import type { Condition, Lease, Node, NodeStatus } from '../../api/types';
import { clone, timestamp } from '../util/pods';

/** What the controller remembers of a node (nodeHealthData). */
export interface NodeHealth {
  /** When the controller last saw the node alive (ms, its own clock). */
  probeTimestamp: number;
  /** When it last saw the Ready condition change. */
  readyTransitionTimestamp: number;
  status: NodeStatus | undefined;
  /** The renewTime of the last Lease seen. */
  leaseRenewTime?: string;
}

/** The grace periods: `--node-monitor-grace-period`, `--node-startup-grace-period`. */
export interface GracePeriods {
  monitorMs: number;
  startupMs: number;
}

/** What one health check found. */
export interface HealthCheck {
  health: NodeHealth;
  /** The Ready condition as the controller found it (a fake Unknown one when there is none). */
  observedReady: Condition;
  /** The Ready condition now (after the controller's change, when it made one). */
  currentReady: Condition | undefined;
  /** The node with its conditions set to Unknown, when that is to be written. */
  update?: Node;
}

/** The conditions the controller turns to Unknown when the kubelet stops posting (not NetworkUnavailable). */
const MONITORED = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

function readyOf(status: NodeStatus | undefined): Condition | undefined {
  return status?.conditions?.find((c) => c.type === 'Ready');
}

function ms(t: string | null | undefined): number {
  return t ? Date.parse(t) : 0;
}

/** tryUpdateNodeHealth, without the write: the new health record and, if due, the node to write. */
export function checkNodeHealth(node: Node, saved: NodeHealth | undefined, lease: Lease | undefined, now: number, grace: GracePeriods): HealthCheck {
  const created = ms(node.metadata.creationTimestamp);
  let currentReady = readyOf(node.status);
  let observedReady: Condition;
  let gracePeriod: number;
  let health = saved;
  if (!currentReady) {
    // Never posted: a fake Unknown condition from the creation time, and the startup grace period.
    observedReady = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: node.metadata.creationTimestamp };
    gracePeriod = grace.startupMs;
    health = health ? { ...health, status: node.status } : { status: node.status, probeTimestamp: created, readyTransitionTimestamp: created };
  } else {
    observedReady = { ...currentReady };
    gracePeriod = grace.monitorMs;
  }
  const savedReady = readyOf(saved?.status);
  if (!health) {
    health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now };
  } else if ((!savedReady && currentReady) || (savedReady && !currentReady)) {
    health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now };
  } else if (savedReady && currentReady && savedReady.lastHeartbeatTime !== currentReady.lastHeartbeatTime) {
    const transition = savedReady.lastTransitionTime !== currentReady.lastTransitionTime ? now : health.readyTransitionTimestamp;
    health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: transition };
  }
  // A renewed Lease is a sign of life too.
  const renew = lease?.spec?.renewTime;
  if (renew && (health.leaseRenewTime === undefined || ms(health.leaseRenewTime) < ms(renew))) {
    health = { ...health, leaseRenewTime: renew, probeTimestamp: now };
  }
  if (now <= health.probeTimestamp + gracePeriod) return { health, observedReady, currentReady };

  const updated = clone(node);
  const status = (updated.status ??= {});
  const conditions = (status.conditions ??= []);
  for (const type of MONITORED) {
    const c = conditions.find((x) => x.type === type);
    if (!c) {
      conditions.push({ type, status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: timestamp(now), reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' });
    } else if (c.status !== 'Unknown') {
      c.status = 'Unknown';
      c.reason = 'NodeStatusUnknown';
      c.message = 'Kubelet stopped posting node status.';
      c.lastTransitionTime = timestamp(now);
    }
  }
  currentReady = readyOf(status);
  if (sameCondition(currentReady, observedReady)) return { health, observedReady, currentReady };
  return { health, observedReady, currentReady, update: updated };
}

/** The health record after the controller wrote `written` (its Unknown conditions). */
export function healthAfterWrite(before: NodeHealth, written: Node, now: number): NodeHealth {
  return { status: written.status, probeTimestamp: before.probeTimestamp, readyTransitionTimestamp: now, ...(before.leaseRenewTime !== undefined ? { leaseRenewTime: before.leaseRenewTime } : {}) };
}

function sameCondition(a: Condition | undefined, b: Condition): boolean {
  return (
    a !== undefined &&
    a.status === b.status &&
    (a.reason ?? '') === (b.reason ?? '') &&
    (a.message ?? '') === (b.message ?? '') &&
    a.lastHeartbeatTime === b.lastHeartbeatTime &&
    a.lastTransitionTime === b.lastTransitionTime
  );
}
