/**
 * Which tab the side pane shows: the guide, the topology, the source or the
 * view settings. A store, so that the guide's key (`G`, lessons/keys.ts) can
 * show the guide and go back to the tab shown before it.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export type SideTab = 'lesson' | 'topology' | 'source' | 'view';

export const useSideViewStore = defineStore('side-view', () => {
  const tab = ref<SideTab>('topology');
  /** The tab before the guide was shown, to go back to. */
  const beforeGuide = ref<Exclude<SideTab, 'lesson'>>('topology');

  function show(next: SideTab): void {
    if (next === 'lesson' && tab.value !== 'lesson') beforeGuide.value = tab.value as Exclude<SideTab, 'lesson'>;
    tab.value = next;
  }

  /** The guide, or back to the tab shown before it. */
  function toggleGuide(): void {
    show(tab.value === 'lesson' ? beforeGuide.value : 'lesson');
  }

  return { tab, beforeGuide, show, toggleGuide };
});
