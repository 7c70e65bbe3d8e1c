/**
 * Plays: while `playback.playing`, one step every STEP_MS / speed of wall
 * time (setTimeout, re-armed after each step so a change of speed applies
 * from the next step). Play ends by itself after the last message. The
 * timer is cleared when play stops and when the owner unmounts.
 */
import { onUnmounted, watch } from 'vue';
import { stepInterval, usePlaybackStore } from '../stores/playback';

export function usePlaybackTimer(): void {
  const playback = usePlaybackStore();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function clear(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function arm(): void {
    clear();
    if (!playback.playing) return;
    timer = setTimeout(() => {
      timer = null;
      if (playback.tick()) arm();
    }, stepInterval(playback.speed));
  }

  watch(() => [playback.playing, playback.speed] as const, arm, { immediate: true });
  onUnmounted(clear);
}
