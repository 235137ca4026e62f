// The events stream: every core/v1 Event of the cluster via list+watch while the events view
// is shown, newest first.
import { defineStore } from 'pinia';
import { computed, ref, shallowReactive } from 'vue';
import { newestFirst, type KubeEvent } from '../kube/events';
import { objectKey } from '../kube/resources';
import { listAndWatch, type WatchEvent } from '../transport';

export const useEventsStore = defineStore('events', () => {
  const map = shallowReactive(new Map<string, KubeEvent>());
  const state = ref<'connecting' | 'live' | 'disconnected'>('connecting');
  const error = ref('');
  let stopWatch: (() => void) | null = null;

  const items = computed(() => [...map.values()].sort(newestFirst));
  const namespaces = computed(() => [...new Set(items.value.map((e) => e.metadata.namespace ?? '').filter(Boolean))].sort());

  function onEvent(event: WatchEvent<KubeEvent>): void {
    if (event.type === 'RESET') {
      map.clear();
      for (const e of event.items) map.set(objectKey(e), e);
      state.value = 'live';
    } else if (event.type === 'DISCONNECTED') {
      state.value = 'disconnected';
      error.value = event.error.message;
    } else if (event.type === 'DELETED') map.delete(objectKey(event.object));
    else map.set(objectKey(event.object), event.object);
  }

  function start(): void {
    if (stopWatch) return;
    state.value = 'connecting';
    stopWatch = listAndWatch<KubeEvent>('/api/v1/events', onEvent);
  }

  function stop(): void {
    stopWatch?.();
    stopWatch = null;
  }

  return { items, namespaces, state, error, start, stop };
});
