// The lab's virtual clock (GET/POST /lab/v1/clock): its time, speed and pause, polled.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getJSON, postJSON } from '../transport';
import { poller } from './poll';

/** The clock as the host reports it. */
export interface ClockState {
  /** RFC 3339, UTC. */
  time: string;
  /** Milliseconds since the epoch. */
  virtual: number;
  speed: number;
  paused: boolean;
}

/** The speeds offered as buttons; the select offers `SPEEDS`. */
export const SPEED_PRESETS = [0.25, 1, 10, 100] as const;
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;
/** The steps offered: a Go duration and the i18n key naming it. */
export const STEPS = [
  { duration: '10s', id: 'tenSeconds' },
  { duration: '1m', id: 'oneMinute' },
  { duration: '5m', id: 'fiveMinutes' },
] as const;

const POLL_MS = 1000;

export const useClockStore = defineStore('clock', () => {
  const state = ref<ClockState | null>(null);
  const error = ref('');
  const busy = ref(false);

  /** Counts the actions, so that a poll answered before an action cannot undo what it shows. */
  let actions = 0;

  const poll = poller(POLL_MS, async () => {
    const before = actions;
    try {
      const answer = await getJSON<ClockState>('/lab/v1/clock');
      if (before !== actions) return;
      state.value = answer;
      error.value = '';
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  });

  async function act(body: Record<string, unknown>): Promise<void> {
    busy.value = true;
    actions++;
    try {
      state.value = await postJSON<ClockState>('/lab/v1/clock', body);
      error.value = '';
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      busy.value = false;
    }
  }

  return {
    state,
    error,
    busy,
    start: poll.start,
    stop: poll.stop,
    refresh: poll.now,
    pause: () => act({ action: 'pause' }),
    resume: () => act({ action: 'resume' }),
    setSpeed: (speed: number) => act({ action: 'speed', speed }),
    step: (duration: string) => act({ action: 'step', duration }),
  };
});
