// The resources view: one kind at a time, kept live by list+watch. A row opens the object in
// the inspector drawer (stores/inspector.ts).
import { defineStore } from 'pinia';
import { computed, ref, shallowReactive } from 'vue';
import { objectKey, RESOURCE_KINDS, type KubeObject } from '../kube/resources';
import { listAndWatch, type WatchEvent } from '../transport';

export const useResourcesStore = defineStore('resources', () => {
  const kindId = ref(RESOURCE_KINDS[0]?.id ?? 'pods');
  const objects = shallowReactive(new Map<string, KubeObject>());
  const state = ref<'connecting' | 'live' | 'disconnected'>('connecting');
  const error = ref('');

  const kind = computed(() => RESOURCE_KINDS.find((k) => k.id === kindId.value) ?? (RESOURCE_KINDS[0] as (typeof RESOURCE_KINDS)[number]));
  const items = computed(() => [...objects.values()].sort((a, b) => objectKey(a).localeCompare(objectKey(b))));
  const namespaces = computed(() => [...new Set(items.value.map((o) => o.metadata.namespace ?? '').filter(Boolean))].sort());

  let stopWatch: (() => void) | null = null;

  function onEvent(event: WatchEvent<KubeObject>): void {
    switch (event.type) {
      case 'RESET':
        objects.clear();
        for (const o of event.items) objects.set(objectKey(o), o);
        state.value = 'live';
        break;
      case 'ADDED':
      case 'MODIFIED':
        objects.set(objectKey(event.object), event.object);
        break;
      case 'DELETED':
        objects.delete(objectKey(event.object));
        break;
      case 'DISCONNECTED':
        state.value = 'disconnected';
        error.value = event.error.message;
        break;
    }
  }

  function start(): void {
    stop();
    objects.clear();
    state.value = 'connecting';
    stopWatch = listAndWatch<KubeObject>(kind.value.path, onEvent);
  }

  function stop(): void {
    stopWatch?.();
    stopWatch = null;
  }

  function select(id: string): void {
    kindId.value = id;
    start();
  }

  return { kindId, kind, items, namespaces, state, error, start, stop, select };
});
