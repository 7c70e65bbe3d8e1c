/**
 * In a browser tab, closing or reloading the page with unsaved changes asks
 * first (beforeunload). Electron's main process asks with a native dialog
 * instead, so this is for the web host only.
 */
import { onMounted, onUnmounted } from 'vue';
import type { L7Host } from '../../src-core/api/contract';
import { useScenarioStore } from '../stores/scenario';

export function useUnsavedGuard(host: Pick<L7Host, 'kind'>): void {
  if (host.kind !== 'web') return;
  const scenario = useScenarioStore();
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (scenario.dirty) event.preventDefault();
  };
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload));
  onUnmounted(() => window.removeEventListener('beforeunload', onBeforeUnload));
}
