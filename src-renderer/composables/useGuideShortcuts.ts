/**
 * The guide's global keys (lessons/keys.ts): `]` / `[` go to the next or
 * previous step of the guide (from the step whose event is selected), `G`
 * shows the guide or goes back to the tab before it. On the window in the
 * bubbling phase, like playback's; off while a modal dialog is open, and
 * when the scenario has no guide.
 */
import { onMounted, onUnmounted } from 'vue';
import type { LessonCommands } from '../commands/lesson-commands';
import { guideKeyAction, stepAfter } from '../lessons/keys';
import { keyEventOf } from '../playback/keys';
import { useLessonStore } from '../stores/lesson';
import { useSelectionStore } from '../stores/selection';
import { useSideViewStore } from '../stores/side-view';
import { useDialogs } from './useDialogs';

export function useGuideShortcuts(commands: LessonCommands): void {
  const lesson = useLessonStore();
  const selection = useSelectionStore();
  const sideView = useSideViewStore();
  const dialogs = useDialogs();

  function onKeyDown(event: KeyboardEvent): void {
    if (dialogs.anyOpen() || lesson.guide === null) return;
    const action = guideKeyAction(keyEventOf(event));
    if (action === null) return;
    event.preventDefault();
    if (action === 'toggleGuide') {
      sideView.toggleGuide();
      return;
    }
    const current = lesson.stepEvents.findIndex((e) => e !== null && e.id === selection.selectedId);
    const next = stepAfter(current, lesson.stepEvents.length, action);
    if (next !== null) commands.goToStep(next);
  }

  onMounted(() => window.addEventListener('keydown', onKeyDown));
  onUnmounted(() => window.removeEventListener('keydown', onKeyDown));
}
