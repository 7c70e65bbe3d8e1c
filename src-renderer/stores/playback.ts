/**
 * Playback through the chart's messages, over the one cursor.
 *
 * There is one cursor: the selection (stores/selection.ts). Playback has no
 * position of its own — `cursor` is the selected event's id and `position`
 * is derived from it — so stepping selects, selecting moves playback, and
 * the chart, the list, the inspector and the topology's packet always show
 * the same event. Steps move through the messages the chart draws (the
 * layout's arrows, in order of sending: ids are in time order), so filters
 * and collapsed segments are skipped.
 *
 * When the cursor is on something that is not a step (a state change mark,
 * or a message the chart does not draw), playback stands just before the
 * first message at or after it: `position` is that message's index, "next"
 * goes to it and "previous" to the one before it.
 *
 * `active` is whether playback is on: the playback controls and keys turn it
 * on; while on, messages after the cursor are hidden or faded, as the user
 * prefers. Selecting with the mouse or the list moves the cursor but leaves
 * `active` as it is. Stop turns it off and clears the cursor.
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

/** Where a move goes: an index into the steps, the first or last, or one step on or back from the cursor. */
export type PlaybackMove = number | 'first' | 'last' | 'next' | 'previous';

export const usePlaybackStore = defineStore('playback', () => {
  const chart = useChartViewStore();
  const selection = useSelectionStore();
  const run = useRunStore();

  const afterCursor = ref<AfterCursor>('fade');
  const playing = ref(false);
  /** Playback is on: later messages hidden or faded. */
  const active = ref(false);
  /** Steps per second at speed 1 is 2; `speed` multiplies it. */
  const speed = ref<number>(1);

  /** The one cursor: the selected event's id (a message or a state change), or null. */
  const cursor = computed(() => selection.selectedId);
  /** Ids of the messages drawn, in order. */
  const steps = computed<readonly number[]>(() => chart.layout?.arrows.map((a) => a.id) ?? []);
  /** Index in `steps` of the first message at or after the cursor (steps.length when none is). */
  const from = computed(() => (cursor.value === null ? 0 : firstAtOrAfter(steps.value, cursor.value)));
  /** Whether the cursor is on a drawn message (not on a state change or a message not drawn). */
  const onStep = computed(() => cursor.value !== null && steps.value[from.value] === cursor.value);
  /** Position of the cursor in `steps` (−1 when there is no cursor or nothing to play). */
  const position = computed(() => (cursor.value === null || steps.value.length === 0 ? -1 : Math.min(from.value, steps.value.length - 1)));

  function target(move: PlaybackMove): number {
    const last = steps.value.length - 1;
    if (typeof move === 'number') return move;
    if (move === 'first' || (cursor.value === null && move !== 'last')) return 0;
    if (move === 'last') return last;
    if (move === 'next') return onStep.value ? from.value + 1 : from.value;
    return from.value - 1;
  }

  /**
   * Moves the cursor to a message. `engage` (the playback controls and keys)
   * also turns playback on; selection keys (↑/↓ in the chart) leave it as it is.
   */
  function move(to: PlaybackMove, engage = true): void {
    const ids = steps.value;
    if (ids.length === 0) return;
    const index = Math.max(0, Math.min(ids.length - 1, target(to)));
    selection.select(ids[index]!);
    if (engage) active.value = true;
  }

  const goTo = (index: number): void => move(index);
  const first = (): void => move('first');
  const last = (): void => move('last');
  const next = (): void => move('next');
  const previous = (): void => move('previous');

  /** Playback off: every message shown again, nothing selected. */
  function stop(): void {
    playing.value = false;
    active.value = false;
    selection.clear();
  }

  const atEnd = (): boolean => onStep.value && from.value >= steps.value.length - 1;

  function setPlaying(on: boolean): void {
    if (on && (cursor.value === null || atEnd())) first();
    if (on) active.value = true;
    playing.value = on && steps.value.length > 0;
  }

  function togglePlaying(): void {
    setPlaying(!playing.value);
  }

  /** One step of play: the next message, or the end of play after the last. Returns whether it moved. */
  function tick(): boolean {
    if (!playing.value) return false;
    if (atEnd() || steps.value.length === 0) {
      playing.value = false;
      return false;
    }
    next();
    if (atEnd()) playing.value = false;
    return true;
  }

  // A new run or document: its ids mean other messages, so playback starts over.
  watch(() => run.runId, stop);

  /** Whether an event is shown normally: playback off, or at or before the cursor. */
  function isRevealed(id: number): boolean {
    return !active.value || cursor.value === null || id <= cursor.value;
  }

  return {
    cursor, afterCursor, playing, active, speed, steps, position, onStep,
    move, goTo, first, last, next, previous, stop, setPlaying, togglePlaying, tick, isRevealed,
  };
});

/** Index of the first id ≥ `id` in a sorted list (the list's length when none is). */
function firstAtOrAfter(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
