/**
 * Playback through the chart's messages. The cursor is the id of the current
 * message event (null: playback off, everything shown). Steps move through
 * the messages the chart draws (the layout's arrows, in order of sending), so
 * filters and collapsed segments are skipped. Stepping selects the current
 * message for the inspector. Messages after the cursor are hidden or faded,
 * as the user prefers.
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { useChartViewStore } from './chart-view';
import { useRunStore } from './run';
import { useSelectionStore } from './selection';

export type AfterCursor = 'hide' | 'fade';
export const PLAYBACK_SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
/** Time between two steps at speed 1 (ms of wall-clock time). */
export const STEP_MS = 500;

/** Wall-clock milliseconds between steps at a speed. */
export function stepInterval(speed: number): number {
  return STEP_MS / speed;
}

export const usePlaybackStore = defineStore('playback', () => {
  const chart = useChartViewStore();
  const selection = useSelectionStore();
  const run = useRunStore();

  const cursor = ref<number | null>(null);
  const afterCursor = ref<AfterCursor>('fade');
  const playing = ref(false);
  /** Steps per second at speed 1 is 2; `speed` multiplies it. */
  const speed = ref<number>(1);

  /** Ids of the messages drawn, in order. */
  const steps = computed<readonly number[]>(() => chart.layout?.arrows.map((a) => a.id) ?? []);
  /** Position of the cursor in `steps` (−1 when off or not drawn). */
  const position = computed(() => (cursor.value === null ? -1 : indexAtOrBefore(steps.value, cursor.value)));

  function goTo(index: number): void {
    const ids = steps.value;
    if (ids.length === 0) return;
    const clamped = Math.max(0, Math.min(ids.length - 1, index));
    cursor.value = ids[clamped]!;
    selection.select(cursor.value);
  }

  function first(): void {
    goTo(0);
  }

  function last(): void {
    goTo(steps.value.length - 1);
  }

  function next(): void {
    goTo(position.value + 1);
  }

  function previous(): void {
    goTo(position.value <= 0 ? 0 : position.value - 1);
  }

  /** Playback off: every message shown again. */
  function stop(): void {
    playing.value = false;
    cursor.value = null;
  }

  function setPlaying(on: boolean): void {
    if (on && (cursor.value === null || position.value >= steps.value.length - 1)) first();
    playing.value = on;
  }

  function togglePlaying(): void {
    setPlaying(!playing.value);
  }

  /** One step of play: the next message, or the end of play after the last. Returns whether it moved. */
  function tick(): boolean {
    if (!playing.value) return false;
    if (position.value >= steps.value.length - 1) {
      playing.value = false;
      return false;
    }
    next();
    if (position.value >= steps.value.length - 1) playing.value = false;
    return true;
  }

  // A new run or document: its ids mean other messages, so playback starts over.
  watch(() => run.runId, stop);

  /** Whether a message is at or before the cursor (shown normally). */
  function isRevealed(id: number): boolean {
    return cursor.value === null || id <= cursor.value;
  }

  return { cursor, afterCursor, playing, speed, steps, position, goTo, first, last, next, previous, stop, setPlaying, togglePlaying, tick, isRevealed };
});

/** Index of the largest id ≤ `id` in a sorted list, or −1. */
function indexAtOrBefore(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid]! <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
