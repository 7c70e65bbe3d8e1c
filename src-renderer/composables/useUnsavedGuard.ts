/**
 * Closing or reloading with unsaved changes asks first. The page refuses to
 * unload (beforeunload) while the scenario is dirty: a browser then asks with
 * its own prompt; Electron's main process asks with a native dialog
 * (src-main/unsaved.ts, on 'will-prevent-unload').
 */
import { onMounted, onUnmounted } from 'vue';
import { useScenarioStore } from '../stores/scenario';

export function useUnsavedGuard(): void {
  const scenario = useScenarioStore();
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (scenario.dirty) event.preventDefault();
  };
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload));
  onUnmounted(() => window.removeEventListener('beforeunload', onBeforeUnload));
}
