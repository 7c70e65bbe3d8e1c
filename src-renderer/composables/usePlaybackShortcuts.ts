/**
 * Playback's global keys (playback/keys.ts says which and when), on the
 * window in the bubbling phase, so a focused pane that handles a key itself
 * (and calls preventDefault) wins. Off while a modal dialog is open.
 */
import { onMounted, onUnmounted } from 'vue';
import { keyEventOf, playbackKeyAction } from '../playback/keys';
import { usePlaybackStore } from '../stores/playback';
import { useDialogs } from './useDialogs';

export function usePlaybackShortcuts(): void {
  const playback = usePlaybackStore();
  const dialogs = useDialogs();

  function onKeyDown(event: KeyboardEvent): void {
    if (dialogs.anyOpen() || playback.steps.length === 0) return;
    const action = playbackKeyAction(keyEventOf(event));
    if (action === null) return;
    event.preventDefault();
    if (action === 'toggle') playback.togglePlaying();
    else playback[action]();
  }

  onMounted(() => window.addEventListener('keydown', onKeyDown));
  onUnmounted(() => window.removeEventListener('keydown', onKeyDown));
}
