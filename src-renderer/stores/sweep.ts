/**
 * A parameter sweep's progress and points (core: src-core/lessons/sweep.ts;
 * the loop that runs it: commands/lesson-commands.ts).
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { GuideFormula } from '../../src-core/lessons/guide-schema';
import type { SweepPoint, SweepValue } from '../../src-core/lessons/sweep';

export interface SweepSpec {
  readonly title: string;
  readonly parameter: string;
  /** What people read for the parameter: "Delay of link router-root (ms)". */
  readonly parameterLabel: string;
  /** Numbers; or, for a flag or a mode, its choices (plotted one beside the other). */
  readonly values: readonly SweepValue[];
  readonly formula: GuideFormula;
}

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled';

export const useSweepStore = defineStore('sweep', () => {
  const spec = shallowRef<SweepSpec | null>(null);
  const status = ref<SweepStatus>('idle');
  const points = shallowRef<readonly SweepPoint[]>([]);
  const line = shallowRef<readonly { x: number; y: number }[]>([]);
  const running = computed(() => status.value === 'running');
  const done = computed(() => points.value.length);
  const total = computed(() => spec.value?.values.length ?? 0);
  let cancelRequested = false;
  let onCancel: () => void = () => undefined;

  /** `cancelRun` stops the run under way when the user cancels. */
  function begin(next: SweepSpec, formulaLine: readonly { x: number; y: number }[], cancelRun: () => void): void {
    spec.value = next;
    line.value = formulaLine;
    points.value = [];
    status.value = 'running';
    cancelRequested = false;
    onCancel = cancelRun;
  }

  function add(point: SweepPoint): void {
    points.value = [...points.value, point];
  }

  function finish(cancelled: boolean): void {
    status.value = cancelled ? 'cancelled' : 'done';
    onCancel = () => undefined;
  }

  function requestCancel(): void {
    if (status.value !== 'running' || cancelRequested) return;
    cancelRequested = true;
    onCancel();
  }

  const cancelling = () => cancelRequested;

  function clear(): void {
    spec.value = null;
    points.value = [];
    line.value = [];
    status.value = 'idle';
  }

  return { spec, status, points, line, running, done, total, begin, add, finish, requestCancel, cancelling, clear };
});
