// What runs and what is stopped (GET /lab/v1/components, polled every 2 s), and the faults
// that stop or start a control-plane component or a node's kubelet (POST /lab/v1/faults).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getJSON, postJSON } from '../transport';
import { poller } from './poll';

export type RunState = 'Running' | 'Stopped';

/** GET /lab/v1/components. */
export interface ComponentsState {
  controlPlane: Record<string, RunState>;
  nodes: Record<string, RunState>;
}

/** A fault to inject or lift. */
export interface Fault {
  kind: 'component' | 'node';
  name: string;
  action: 'stop' | 'start';
}

const POLL_MS = 2000;

export const useComponentsStore = defineStore('components', () => {
  const state = ref<ComponentsState | null>(null);

  /** Counts the faults applied, so that a poll answered before one cannot undo what it shows. */
  let applied = 0;

  const poll = poller(POLL_MS, async () => {
    const before = applied;
    const answer = await getJSON<ComponentsState>('/lab/v1/components');
    if (before === applied) state.value = answer;
  });

  /** The state of a control-plane component (undefined: not known yet). */
  function component(name: string): RunState | undefined {
    return state.value?.controlPlane[name];
  }

  /** The state of a node's kubelet. */
  function node(name: string): RunState | undefined {
    return state.value?.nodes[name];
  }

  /** Injects or lifts a fault; rejects with the host's message. */
  async function apply(fault: Fault): Promise<void> {
    applied++;
    state.value = await postJSON<ComponentsState>('/lab/v1/faults', fault);
  }

  return { state, component, node, apply, start: poll.start, stop: poll.stop, refresh: poll.now };
});
