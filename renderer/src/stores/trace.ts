// The trace stream (GET /lab/v1/trace?since=SEQ), polled while the trace view is shown: what
// each component did, newest last. Keeps the newest MAX_EVENTS events.
import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import type { TraceEvent } from '../kube/types';
import { getJSON } from '../transport';
import { useClusterStore } from './cluster';
import { poller } from './poll';

/** The components that emit trace events, for the filter. */
export const TRACE_COMPONENTS = ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'kubelet', 'kube-proxy', 'coredns', 'lab'] as const;

const MAX_EVENTS = 2000;
const POLL_MS = 1000;

export const useTraceStore = defineStore('trace', () => {
  const events = shallowRef<TraceEvent[]>([]);
  const error = ref('');
  let lastSeq = 0;

  const poll = poller(POLL_MS, async () => {
    try {
      const { items } = await getJSON<{ items: TraceEvent[] }>(`/lab/v1/trace?since=${lastSeq}`);
      error.value = '';
      if (!items.length) return;
      lastSeq = items[items.length - 1]?.seq ?? lastSeq;
      const next = events.value.concat(items);
      events.value = next.length > MAX_EVENTS ? next.slice(next.length - MAX_EVENTS) : next;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  });

  /** Forgets everything (a cluster switch: the new cluster's sequence starts again). */
  function reset(): void {
    events.value = [];
    lastSeq = 0;
  }

  // Another cluster (switched here or elsewhere) numbers its events from 1 again.
  const cluster = useClusterStore();
  watch(
    () => cluster.info?.cluster.name,
    (now, before) => {
      if (before !== undefined && now !== before) reset();
    },
  );

  /** Clears the view; only newer events will be shown. */
  function clear(): void {
    events.value = [];
  }

  return { events, error, reset, clear, start: poll.start, stop: poll.stop, refresh: poll.now };
});
