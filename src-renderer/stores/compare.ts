/**
 * Two runs side by side: the scenario as it is (A) and with one edit (B),
 * each run detached from the current run (lessons/detached-run.ts).
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { GuideEdit } from '../../src-core/lessons/guide-schema';
import type { Scenario } from '../../src-core/scenario/schema';
import type { DetachedRecord } from '../lessons/detached-run';

export interface CompareSide {
  readonly label: string;
  readonly scenario: Scenario;
  readonly run: DetachedRecord;
}

export type CompareStatus = 'idle' | 'running' | 'done' | 'failed';

export const useCompareStore = defineStore('compare', () => {
  const status = ref<CompareStatus>('idle');
  const edit = shallowRef<GuideEdit | null>(null);
  const sides = shallowRef<readonly CompareSide[]>([]);
  const error = ref<string | null>(null);
  const running = computed(() => status.value === 'running');
  let cancel: (() => void) | null = null;

  function begin(next: GuideEdit, onCancel: () => void): void {
    edit.value = next;
    sides.value = [];
    error.value = null;
    status.value = 'running';
    cancel = onCancel;
  }

  function add(side: CompareSide): void {
    sides.value = [...sides.value, side];
  }

  function finish(failure: string | null): void {
    error.value = failure;
    status.value = failure === null ? 'done' : 'failed';
    cancel = null;
  }

  function requestCancel(): void {
    cancel?.();
  }

  function clear(): void {
    status.value = 'idle';
    edit.value = null;
    sides.value = [];
    error.value = null;
  }

  return { status, edit, sides, error, running, begin, add, finish, requestCancel, clear };
});
