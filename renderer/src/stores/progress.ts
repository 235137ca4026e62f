// The lesson player's live state: the progress of the started lesson (GET /lab/v1/progress,
// polled every second while the lessons pane is shown, so that checks tick as the cluster
// changes), the actions on it (start, next, previous, hint, reset step or lesson) and which
// lesson the pane shows (remembered in sessionStorage).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ProgressView } from '../../../core/lessons/types';
import { getJSON, postJSON } from '../transport';
import { useLessonsStore, type LessonDetail } from './lessons';
import { messageOf, useNoticesStore } from './notices';
import { poller } from './poll';

const OPEN_KEY = 'kubelab.lessonOpen';
const POLL_MS = 1000;

export type { ProgressView };

export const useProgressStore = defineStore('progress', () => {
  const lessons = useLessonsStore();
  const notices = useNoticesStore();
  const view = shallowRef<ProgressView | null>(null);
  const error = ref('');
  const busy = ref(false);
  /** The lesson shown in the player, or null for the chapter list. */
  const openId = ref<string | null>(sessionStorage.getItem(OPEN_KEY));
  const detail = shallowRef<LessonDetail | null>(null);
  /** Steps (`lesson/step`) whose solution the student chose to see. */
  const solutions = ref<string[]>([]);
  /** Counts the actions, so that a poll answered before an action cannot undo what it shows. */
  let actions = 0;

  const poll = poller(POLL_MS, async () => {
    const before = actions;
    try {
      const answer = await getJSON<ProgressView>('/lab/v1/progress');
      if (before !== actions) return;
      view.value = answer;
      error.value = '';
    } catch (e) {
      error.value = messageOf(e);
    }
  });

  /** Whether the open lesson is the one started on the host. */
  const isCurrent = computed(() => !!openId.value && view.value?.lesson === openId.value);
  const step = computed(() => (isCurrent.value && view.value?.step ? detail.value?.steps[view.value.step.index] : undefined));
  const solutionShown = computed(() => !!step.value && solutions.value.includes(`${openId.value}/${step.value.id}`));

  async function act(path: string): Promise<boolean> {
    busy.value = true;
    actions++;
    try {
      view.value = await postJSON<ProgressView>(path);
      error.value = '';
      return true;
    } catch (e) {
      notices.show('error', messageOf(e));
      return false;
    } finally {
      busy.value = false;
    }
  }

  function remember(id: string | null): void {
    openId.value = id;
    if (id) sessionStorage.setItem(OPEN_KEY, id);
    else sessionStorage.removeItem(OPEN_KEY);
  }

  /** Shows a lesson in the player (its content read first). */
  async function open(id: string): Promise<void> {
    try {
      detail.value = await lessons.loadDetail(id);
      remember(id);
    } catch (e) {
      notices.show('error', messageOf(e));
    }
  }

  /** Back to the chapter list (the lesson stays started). */
  function close(): void {
    remember(null);
  }

  /** Starts (or restarts) a lesson on the host and shows it. */
  async function start(id: string): Promise<void> {
    await open(id);
    if (openId.value === id) await act(`/lab/v1/lessons/${encodeURIComponent(id)}/start`);
  }

  /** Reads the progress now (after a cluster switch, or when the pane appears). */
  async function refresh(): Promise<void> {
    await poll.now();
    if (openId.value && !detail.value) await open(openId.value);
  }

  function showSolution(): void {
    if (step.value && openId.value) solutions.value = [...solutions.value, `${openId.value}/${step.value.id}`];
  }

  return {
    view,
    error,
    busy,
    openId,
    detail,
    isCurrent,
    step,
    solutionShown,
    open,
    close,
    start,
    refresh,
    showSolution,
    next: () => act('/lab/v1/progress/next'),
    previous: () => act('/lab/v1/progress/previous'),
    hint: () => act('/lab/v1/progress/hint'),
    resetStep: () => act('/lab/v1/progress/reset-step'),
    resetLesson: () => act('/lab/v1/progress/reset'),
    check: () => act('/lab/v1/progress/check'),
    startPolling: poll.start,
    stopPolling: poll.stop,
  };
});
