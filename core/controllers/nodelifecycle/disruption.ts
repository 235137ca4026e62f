/**
 * handleDisruption (pkg/controller/nodelifecycle): after each health pass, each zone's state
 * (Normal, PartialDisruption, FullDisruption) sets the rate of its tainting queue; when every
 * zone is fully disrupted the controller enters "master disruption mode": it removes the
 * NoExecute taints from all nodes and stops tainting, until some node is Ready again — then every
 * node gets a fresh grace period.
 */
import type { Condition, Node } from '../../api/types';
import type { RateLimitedTimedQueue } from './ratelimitedqueue';
import { computeZoneState, zoneQPS, type EvictionConfig, type ZoneState } from './zones';

/** The controller's per-zone state. */
export interface DisruptionState {
  zoneStates: Map<string, ZoneState>;
  tainters: Map<string, RateLimitedTimedQueue>;
}

/** What handleDisruption does through the controller. */
export interface DisruptionHooks {
  markNodeAsReachable(node: Node): Promise<unknown>;
  /** Gives every node a fresh probe and transition timestamp (leaving disruption mode). */
  resetProbes(now: number): void;
  now(): number;
}

function setLimiter(state: DisruptionState, zone: string, size: number, zs: ZoneState, cfg: EvictionConfig): void {
  const qps = zoneQPS(zs, size, cfg);
  if (qps !== undefined) state.tainters.get(zone)?.swapLimiter(qps);
}

/** handleDisruption. */
export async function handleDisruption(state: DisruptionState, zoneConditions: Map<string, (Condition | undefined)[]>, nodes: Node[], cfg: EvictionConfig, hooks: DisruptionHooks): Promise<void> {
  const newStates = new Map<string, ZoneState>();
  let allAreFullyDisrupted = true;
  for (const [zone, conditions] of zoneConditions) {
    const { state: zs } = computeZoneState(conditions, cfg.unhealthyZoneThreshold);
    if (zs !== 'FullDisruption') allAreFullyDisrupted = false;
    newStates.set(zone, zs);
    if (!state.zoneStates.has(zone)) state.zoneStates.set(zone, 'Initial');
  }
  let allWasFullyDisrupted = true;
  for (const [zone, zs] of [...state.zoneStates]) {
    if (!zoneConditions.has(zone)) {
      state.zoneStates.delete(zone);
      continue;
    }
    if (zs !== 'FullDisruption') {
      allWasFullyDisrupted = false;
      break;
    }
  }
  if (allAreFullyDisrupted && allWasFullyDisrupted) return;
  if (allAreFullyDisrupted) {
    // "Controller detected that all Nodes are not-Ready. Entering master disruption mode."
    for (const node of nodes) {
      try {
        await hooks.markNodeAsReachable(node);
      } catch {
        // "Failed to remove taints from Node"
      }
    }
    for (const zone of state.zoneStates.keys()) state.tainters.get(zone)?.swapLimiter(0);
    for (const zone of state.zoneStates.keys()) state.zoneStates.set(zone, 'FullDisruption');
    return;
  }
  if (allWasFullyDisrupted) {
    // "Controller detected that some Nodes are Ready. Exiting master disruption mode."
    hooks.resetProbes(hooks.now());
    for (const zone of state.zoneStates.keys()) {
      const zs = newStates.get(zone) ?? 'Normal';
      setLimiter(state, zone, zoneConditions.get(zone)?.length ?? 0, zs, cfg);
      state.zoneStates.set(zone, zs);
    }
    return;
  }
  for (const [zone, zs] of [...state.zoneStates]) {
    const next = newStates.get(zone) ?? zs;
    if (next === zs) continue;
    setLimiter(state, zone, zoneConditions.get(zone)?.length ?? 0, next, cfg);
    state.zoneStates.set(zone, next);
  }
}
