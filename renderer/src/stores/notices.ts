// Messages for the user that are not part of any pane: the host's errors (a bad snapshot, a
// refused fault) and confirmations, shown as toasts by components/layout/NoticeToasts.vue.
import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  /** Already translated text. */
  text: string;
}

const INFO_MS = 5000;

export const useNoticesStore = defineStore('notices', () => {
  const items = ref<Notice[]>([]);
  let next = 1;

  function dismiss(id: number): void {
    items.value = items.value.filter((n) => n.id !== id);
  }

  /** Shows a notice; information goes away by itself, errors stay until dismissed. */
  function show(kind: Notice['kind'], text: string): void {
    const id = next++;
    items.value = [...items.value, { id, kind, text }];
    if (kind === 'info') setTimeout(() => dismiss(id), INFO_MS);
  }

  return { items, show, dismiss };
});

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
