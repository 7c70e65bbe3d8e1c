/**
 * Files that are never lost (issue 10): the working copy is autosaved to
 * the recovery slot (useAutosave), and at start-up the work a crash, a
 * killed process or a closed tab left there is offered back
 * (RecoveryBanner.vue). The slot is the renderer's IndexedDB in both hosts:
 * in Electron, Chromium keeps it under the app's userData folder, so one
 * implementation serves the desktop app and the browser.
 */
import { t } from '../i18n/translate';
import { onMounted, onUnmounted, shallowRef } from 'vue';
import type { RecoveryEntry } from '../host/recovery';
import { createIndexedDbRecoveryStore } from '../host/recovery-indexeddb';
import { useNoticeStore } from '../stores/notices';
import { useScenarioStore } from '../stores/scenario';
import { useAutosave } from './useAutosave';

/** Opens recovered work, asking about the current document's unsaved changes first; true when it was opened (app-commands.ts). */
export type OpenRecovered = (work: RecoveryEntry) => Promise<boolean>;

export function useRecovery(open: OpenRecovered) {
  const scenario = useScenarioStore();
  const notices = useNoticeStore();
  const offered = shallowRef<RecoveryEntry | null>(null);
  const available = typeof indexedDB !== 'undefined';
  const autosave = available
    ? useAutosave(scenario, createIndexedDbRecoveryStore(), { onError: (error) => notices.show(t('notices.failed.recoveryCopy', { message: error instanceof Error ? error.message : String(error) }), 'error') })
    : null;
  const flush = () => void autosave?.flush();

  onMounted(async () => {
    window.addEventListener('pagehide', flush);
    // asked before anything is edited: a clean document never clears the slot before this
    offered.value = (await autosave?.recoverable()) ?? null;
  });
  onUnmounted(() => window.removeEventListener('pagehide', flush));

  /** Opens the recovered work (asking first when the document has been changed meanwhile); the offer stays when the user cancels. */
  async function restore(): Promise<void> {
    const entry = offered.value;
    if (!entry || !(await open(entry))) return;
    offered.value = null;
    notices.show(t('notices.restored', { name: entry.name }));
  }

  async function discard(): Promise<void> {
    offered.value = null;
    await autosave?.discard();
  }

  return { offered, restore, discard };
}
