/**
 * Zones and their disruption states (pkg/controller/nodelifecycle: ComputeZoneState,
 * handleDisruption's rate choice, nodetopology.GetZoneKey). Evictions — here, the NoExecute
 * taints that make the taint eviction controller delete pods — are rate limited per zone:
 * `--node-eviction-rate` (0.1/s) normally; in a zone where at least `--unhealthy-zone-threshold`
 * (55%) of nodes (and more than 2) are not Ready, `--secondary-node-eviction-rate` (0.01/s) if
 * the cluster is larger than `--large-cluster-size-threshold` (50 nodes), else none; when every
 * node of every zone is down, the controller assumes the fault is its own (the control plane lost
 * the nodes) and stops evicting altogether.
 */
import type { Condition, Node } from '../../api/types';

/** ZoneState. */
export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

/** The eviction flags of kube-controller-manager (1.32 defaults). */
export interface EvictionConfig {
  /** --node-eviction-rate */
  evictionLimiterQPS: number;
  /** --secondary-node-eviction-rate */
  secondaryEvictionLimiterQPS: number;
  /** --large-cluster-size-threshold */
  largeClusterThreshold: number;
  /** --unhealthy-zone-threshold */
  unhealthyZoneThreshold: number;
  /** --node-startup-grace-period (ms) */
  nodeStartupGracePeriodMs: number;
}

/** kube-controller-manager's defaults. */
export const DEFAULT_EVICTION_CONFIG: EvictionConfig = {
  evictionLimiterQPS: 0.1,
  secondaryEvictionLimiterQPS: 0.01,
  largeClusterThreshold: 50,
  unhealthyZoneThreshold: 0.55,
  nodeStartupGracePeriodMs: 60_000,
};

/** The label that keeps a node out of the zone health count. */
export const LABEL_EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';

/** nodetopology.GetZoneKey: `region:\0:zone` from the topology labels (stable, then beta), '' without both. */
export function zoneKey(node: Node): string {
  const l = node.metadata.labels ?? {};
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  if (zone === '' && region === '') return '';
  return `${region}:\u0000:${zone}`;
}

/** ComputeZoneState: how many nodes are not Ready and the zone's state. */
export function computeZoneState(ready: (Condition | undefined)[], unhealthyZoneThreshold: number): { unhealthy: number; state: ZoneState } {
  let readyNodes = 0;
  let notReady = 0;
  for (const c of ready) {
    if (c?.status === 'True') readyNodes++;
    else notReady++;
  }
  if (readyNodes === 0 && notReady > 0) return { unhealthy: notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + readyNodes) >= unhealthyZoneThreshold) return { unhealthy: notReady, state: 'PartialDisruption' };
  return { unhealthy: notReady, state: 'Normal' };
}

/** setLimiterInZone: the eviction rate of a zone in `state` with `zoneSize` nodes. */
export function zoneQPS(state: ZoneState, zoneSize: number, cfg: EvictionConfig): number | undefined {
  switch (state) {
    case 'Normal':
    case 'FullDisruption':
      return cfg.evictionLimiterQPS;
    case 'PartialDisruption':
      return zoneSize > cfg.largeClusterThreshold ? cfg.secondaryEvictionLimiterQPS : 0;
    default:
      return undefined;
  }
}
