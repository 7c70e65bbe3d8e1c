/**
 * The guide's global keys: `]` and `[` go to the next and previous step (as
 * clicking it: the chart selects its message, playback stands there), `G`
 * shows the guide in the side pane, or goes back to the tab shown before it.
 * The same rules as playback's keys (playback/keys.ts): not while typing,
 * not with a modifier, not for a key something else handled.
 */
import { globalKeyFree, playbackKeyAction, type PlaybackKeyEvent } from '../playback/keys';

export type GuideKeyAction = 'nextStep' | 'previousStep' | 'toggleGuide';

/** KeyboardEvent.key → action, in the order the help lists them (commands/key-table.ts). */
export const GUIDE_KEYS: Readonly<Record<string, GuideKeyAction>> = {
  ']': 'nextStep',
  '[': 'previousStep',
  g: 'toggleGuide',
  G: 'toggleGuide',
};

export function guideKeyAction(event: PlaybackKeyEvent): GuideKeyAction | null {
  if (!globalKeyFree(event)) return null;
  // (no playback key is a guide key: the two tables never answer the same key)
  if (playbackKeyAction(event) !== null) return null;
  return GUIDE_KEYS[event.key] ?? null;
}

/** The step to go to from `current` (−1: none yet) by a move, or null at either end. */
export function stepAfter(current: number, count: number, action: 'nextStep' | 'previousStep'): number | null {
  if (count === 0) return null;
  if (current < 0) return action === 'nextStep' ? 0 : null;
  const next = action === 'nextStep' ? current + 1 : current - 1;
  return next >= 0 && next < count ? next : null;
}
