/** Which trace event is selected (for the inspector, and later the chart and playback). */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export const useSelectionStore = defineStore('selection', () => {
  /** A trace event id (its index in the trace), or null. */
  const selectedId = ref<number | null>(null);

  function select(id: number | null): void {
    selectedId.value = id;
  }

  function clear(): void {
    selectedId.value = null;
  }

  return { selectedId, select, clear };
});
