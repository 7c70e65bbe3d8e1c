/**
 * Which view the middle of the window shows: the chart, the message list,
 * or a view that appears when it has something to show (the waterfall, the
 * plots, a sweep, a comparison). A store, not a component's own state, so
 * that commands can bring the chart forward (a lesson's step) or open the
 * view they filled (a sweep, a comparison).
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export type MainTab = 'chart' | 'list' | 'waterfall' | 'plots' | 'sweep' | 'compare';

export const useMainViewStore = defineStore('main-view', () => {
  const tab = ref<MainTab>('chart');
  function show(next: MainTab): void {
    tab.value = next;
  }
  return { tab, show };
});
