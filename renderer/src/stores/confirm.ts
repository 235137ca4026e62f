// The one confirmation dialog (components/common/ConfirmDialog.vue): a component asks
// `await confirm.ask({...})` and gets true when the user confirmed, false when they cancelled.
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';

/** What the dialog shows (already translated). */
export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** Draws the confirm button as dangerous (stopping, deleting). */
  danger?: boolean;
}

interface Pending extends ConfirmRequest {
  resolve(ok: boolean): void;
}

export const useConfirmStore = defineStore('confirm', () => {
  const pending = shallowRef<Pending | null>(null);

  /** Opens the dialog; a request made while one is open cancels the older one. */
  function ask(request: ConfirmRequest): Promise<boolean> {
    pending.value?.resolve(false);
    return new Promise<boolean>((resolve) => {
      pending.value = { ...request, resolve };
    });
  }

  function answer(ok: boolean): void {
    const current = pending.value;
    pending.value = null;
    current?.resolve(ok);
  }

  return { pending, ask, answer };
});
