/**
 * One-line messages for the status bar that are not about the run: a file
 * that could not be opened or saved (error), "saved as …" (info).
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';

export type NoticeKind = 'info' | 'error';

export interface Notice {
  readonly id: number;
  readonly kind: NoticeKind;
  readonly text: string;
}

export const useNoticeStore = defineStore('notices', () => {
  const notice = shallowRef<Notice | null>(null);
  const count = ref(0);

  function show(text: string, kind: NoticeKind = 'info'): void {
    notice.value = { id: ++count.value, kind, text };
  }

  /** Clears the notice; with an id, only if it is still the one shown. */
  function dismiss(id?: number): void {
    if (id === undefined || notice.value?.id === id) notice.value = null;
  }

  return { notice, count, show, dismiss };
});
