// The objects the relations view and the drawer's links are drawn from: Deployments,
// ReplicaSets, StatefulSets, DaemonSets, Jobs, Services, Endpoints, PersistentVolumeClaims and
// PersistentVolumes, listed every POLL_MS while someone uses them (counted), and the pods the
// cluster store already follows. Lists rather than watches: a browser keeps at most six
// connections to one host, and every watch holds one for as long as it runs.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ObjectsByResource } from '../kube/relations';
import { RESOURCE_KINDS, type KubeObject } from '../kube/resources';
import { getJSON } from '../transport';
import { useClusterStore } from './cluster';
import { poller } from './poll';

/** The resources listed (pods come from the cluster store's watch). */
export const RELATION_RESOURCES = ['deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'services', 'endpoints', 'persistentvolumeclaims', 'persistentvolumes'] as const;

const POLL_MS = 2000;

export const useRelationsStore = defineStore('relations', () => {
  const cluster = useClusterStore();
  const listed = shallowRef<ObjectsByResource>({});
  const ready = ref(false);
  const error = ref('');
  let users = 0;

  const poll = poller(POLL_MS, async () => {
    try {
      const lists = await Promise.all(
        RELATION_RESOURCES.map(async (r) => {
          const kind = RESOURCE_KINDS.find((k) => k.id === r);
          return [r, kind ? (await getJSON<{ items: KubeObject[] }>(kind.path)).items : []] as const;
        }),
      );
      if (users === 0) return;
      listed.value = Object.fromEntries(lists);
      ready.value = true;
      error.value = '';
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  });

  /** Everything followed, by resource. */
  const objects = computed<ObjectsByResource>(() => ({ ...listed.value, pods: cluster.pods as unknown as KubeObject[] }));

  const namespaces = computed(() => {
    const set = new Set<string>();
    for (const list of Object.values(objects.value)) for (const o of list ?? []) if (o.metadata.namespace) set.add(o.metadata.namespace);
    return [...set].sort();
  });

  /** Starts following (counted: each `use` needs its `release`). */
  function use(): void {
    if (users++ > 0) return;
    cluster.start();
    poll.start();
  }

  function release(): void {
    if (users === 0 || --users > 0) return;
    poll.stop();
    listed.value = {};
    ready.value = false;
  }

  /** Lists again now (after a change made here). */
  function refresh(): Promise<void> {
    return users > 0 ? poll.now() : Promise.resolve();
  }

  return { objects, ready, namespaces, error, use, release, refresh };
});
