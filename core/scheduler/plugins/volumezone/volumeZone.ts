/** VolumeZone: a bound PV labelled with a zone or region fits only nodes in it. */
import { LABEL_REGION, LABEL_REGION_BETA, LABEL_ZONE, LABEL_ZONE_BETA } from '../../framework/api';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SKIP, unresolvable, type ClusterEvent, type CycleState, type FilterPlugin, type Handle, type PreFilterPlugin, type Status } from '../../framework/types';

/** Reason: the PV's zone is not the node's. */
export const ERR_REASON_CONFLICT = 'node(s) had no available volume zone';

const TOPOLOGY_LABELS = [LABEL_ZONE, LABEL_REGION, LABEL_ZONE_BETA, LABEL_REGION_BETA];
const KEY = 'PreFilterVolumeZone';

/** The VolumeZone plugin. */
export class VolumeZone implements PreFilterPlugin, FilterPlugin {
  readonly name = 'VolumeZone';
  readonly events: readonly ClusterEvent[] = ['PersistentVolumeAdd', 'PersistentVolumeUpdate', 'PersistentVolumeClaimAdd', 'PersistentVolumeClaimUpdate', 'StorageClassAdd', 'NodeAdd', 'NodeUpdate'];

  constructor(private readonly handle: Handle) {}

  preFilter(state: CycleState, pod: PodInfo): Status | undefined {
    const wanted: { key: string; values: string[] }[] = [];
    for (const key of pod.claims) {
      const [ns, name] = key.split('/') as [string, string];
      const pvName = this.handle.pvc(ns, name)?.spec.volumeName;
      const pv = pvName ? this.handle.pv(pvName) : undefined;
      for (const label of TOPOLOGY_LABELS) {
        const v = pv?.metadata.labels?.[label];
        if (v !== undefined) wanted.push({ key: label, values: v.split('__') });
      }
    }
    if (wanted.length === 0) return SKIP;
    state.set(KEY, wanted);
    return undefined;
  }

  filter(state: CycleState, _pod: PodInfo, node: NodeInfo): Status | undefined {
    const wanted = state.get(KEY) as { key: string; values: string[] }[] | undefined;
    if (!wanted) return undefined;
    // A node without any topology label is not constrained (as kube).
    if (!TOPOLOGY_LABELS.some((l) => node.labels[l] !== undefined)) return undefined;
    for (const w of wanted) {
      const v = node.labels[w.key];
      if (v === undefined || !w.values.includes(v)) return unresolvable(ERR_REASON_CONFLICT);
    }
    return undefined;
  }
}
