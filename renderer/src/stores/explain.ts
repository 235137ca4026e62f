// The scheduler explainer: which pod is open in the drawer, and the scheduler's explanation
// of its last decision (GET /lab/v1/scheduler/explain/NS/NAME, polled while open, since the
// scheduler retries Pending pods).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Explanation } from '../kube/types';
import { getJSON, TransportError } from '../transport';
import { useClusterStore } from './cluster';
import { poller } from './poll';

export type ExplainStatus = 'idle' | 'loading' | 'ready' | 'none' | 'error';

const POLL_MS = 2000;

export const useExplainStore = defineStore('explain', () => {
  const cluster = useClusterStore();
  /** `namespace/name` of the pod shown, or null when the drawer is closed. */
  const selected = ref<string | null>(null);
  const explanation = shallowRef<Explanation | null>(null);
  const status = ref<ExplainStatus>('idle');
  const error = ref('');

  const pod = computed(() => (selected.value ? cluster.pod(selected.value) : undefined));

  const poll = poller(POLL_MS, async () => {
    const key = selected.value;
    if (!key) return;
    const path = `/lab/v1/scheduler/explain/${key.split('/').map(encodeURIComponent).join('/')}`;
    try {
      const answer = await getJSON<Explanation>(path);
      if (selected.value !== key) return;
      explanation.value = answer;
      status.value = 'ready';
    } catch (e) {
      if (selected.value !== key) return;
      explanation.value = null;
      if (e instanceof TransportError && e.status === 404) status.value = 'none';
      else {
        status.value = 'error';
        error.value = e instanceof Error ? e.message : String(e);
      }
    }
  });

  /** Opens the drawer on a pod (`namespace/name`). */
  function open(key: string): void {
    selected.value = key;
    explanation.value = null;
    status.value = 'loading';
    poll.stop();
    poll.start();
  }

  function close(): void {
    selected.value = null;
    poll.stop();
    status.value = 'idle';
  }

  return { selected, pod, explanation, status, error, open, close };
});
