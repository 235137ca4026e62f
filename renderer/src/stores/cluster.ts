// The live cluster: nodes and pods kept in sync by list+watch, plus the lab's description.
import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowReactive } from 'vue';
import { byPodKey, isControlPlane, nameOf, podKey } from '../kube/model';
import type { Node, Pod } from '../kube/types';
import { getJSON, listAndWatch, TransportError, type WatchEvent } from '../transport';

/** GET /lab/v1/info. */
export interface LabInfo {
  version: string;
  kubernetesVersion: string;
  cluster: { name: string; seed: number; workers: number };
}

type SyncState = 'connecting' | 'live' | 'disconnected';

/** Applies one watch event to a map of objects keyed by `keyOf`. */
function apply<T>(map: Map<string, T>, keyOf: (object: T) => string, event: WatchEvent<T>): void {
  switch (event.type) {
    case 'RESET':
      map.clear();
      for (const item of event.items) map.set(keyOf(item), item);
      break;
    case 'ADDED':
    case 'MODIFIED':
      map.set(keyOf(event.object), event.object);
      break;
    case 'DELETED':
      map.delete(keyOf(event.object));
      break;
    case 'DISCONNECTED':
      break;
  }
}

export const useClusterStore = defineStore('cluster', () => {
  const nodeMap = shallowReactive(new Map<string, Node>());
  const podMap = shallowReactive(new Map<string, Pod>());
  const info = ref<LabInfo | null>(null);
  const sync = reactive<Record<'nodes' | 'pods', SyncState>>({ nodes: 'connecting', pods: 'connecting' });
  const lastError = ref<Error | null>(null);

  /** Control-plane nodes first, then by name. */
  const nodes = computed(() =>
    [...nodeMap.values()].sort(
      (a, b) => Number(isControlPlane(b)) - Number(isControlPlane(a)) || nameOf(a).localeCompare(nameOf(b)),
    ),
  );

  /** Pods bound to each node, by node name, sorted. */
  const podsByNode = computed(() => {
    const byNode = new Map<string, Pod[]>();
    for (const pod of podMap.values()) {
      const nodeName = pod.spec?.nodeName;
      if (!nodeName) continue;
      const list = byNode.get(nodeName) ?? [];
      list.push(pod);
      byNode.set(nodeName, list);
    }
    for (const list of byNode.values()) list.sort(byPodKey);
    return byNode;
  });

  const unscheduledPods = computed(() => [...podMap.values()].filter((pod) => !pod.spec?.nodeName).sort(byPodKey));

  const connection = computed<SyncState>(() => {
    if (sync.nodes === 'disconnected' || sync.pods === 'disconnected') return 'disconnected';
    return sync.nodes === 'live' && sync.pods === 'live' ? 'live' : 'connecting';
  });

  const unauthorized = computed(() => lastError.value instanceof TransportError && lastError.value.status === 401);

  function tracker<T>(kind: 'nodes' | 'pods', map: Map<string, T>, keyOf: (object: T) => string) {
    return (event: WatchEvent<T>) => {
      if (event.type === 'DISCONNECTED') {
        sync[kind] = 'disconnected';
        lastError.value = event.error;
      } else if (event.type === 'RESET') {
        sync[kind] = 'live';
        // A re-list may follow a switch of cluster made elsewhere (the shell, another window).
        void loadInfo();
      }
      apply(map, keyOf, event);
    };
  }

  async function loadInfo(): Promise<void> {
    try {
      info.value = await getJSON<LabInfo>('/lab/v1/info');
    } catch {
      // Shown as missing; the watches report the connection problem.
    }
  }

  /** A pod by `namespace/name`. */
  function pod(key: string): Pod | undefined {
    return podMap.get(key);
  }

  /** All pods, sorted by namespace and name. */
  const pods = computed(() => [...podMap.values()].sort(byPodKey));

  let stops: (() => void)[] = [];

  /** Starts following the cluster (idempotent). */
  function start(): void {
    if (stops.length) return;
    stops = [
      listAndWatch<Node>('/api/v1/nodes', tracker('nodes', nodeMap, nameOf)),
      listAndWatch<Pod>('/api/v1/pods', tracker('pods', podMap, podKey)),
    ];
  }

  function stop(): void {
    for (const stopWatch of stops) stopWatch();
    stops = [];
  }

  /**
   * After a switch of cluster: reads the lab's description again and lists+watches afresh at
   * once. (The host ends the open watches on a switch, so listAndWatch would list again by
   * itself after its backoff; this makes it immediate and forgets the old cluster's objects.)
   */
  async function reload(): Promise<void> {
    const wasRunning = stops.length > 0;
    stop();
    nodeMap.clear();
    podMap.clear();
    sync.nodes = 'connecting';
    sync.pods = 'connecting';
    await loadInfo();
    if (wasRunning) start();
  }

  return { info, nodes, pods, pod, podsByNode, unscheduledPods, connection, lastError, unauthorized, start, stop, reload };
});
