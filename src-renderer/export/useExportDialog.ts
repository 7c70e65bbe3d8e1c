/**
 * The export dialog's state: open or not, the host to write through, and the
 * export under way (busy, its error). Module state, like useDialogs: one app,
 * one export dialog. Opened by the 'file.export' command (Ctrl+E, the
 * toolbar's "Export…", the Electron menu).
 */
import { computed, readonly, ref, shallowRef } from 'vue';
import type { L7Host } from '../../src-core/api/contract';
import { useChartViewStore } from '../stores/chart-view';
import { t } from '../i18n/translate';
import { useNoticeStore } from '../stores/notices';
import { runExport, visibleTimeRange, type ExportChoice } from './formats';

const isOpen = ref(false);
const host = shallowRef<L7Host | null>(null);
const busy = ref(false);
const error = ref<string | null>(null);

export function openExportDialog(target: L7Host): void {
  host.value = target;
  error.value = null;
  isOpen.value = true;
}

function close(): void {
  if (busy.value) return;
  isOpen.value = false;
}

/** Exports `choice`; closes the dialog when done (or cancelled in the save dialog), keeps it open with the error if it failed. */
async function start(choice: ExportChoice): Promise<void> {
  const target = host.value;
  if (busy.value || target === null) return;
  busy.value = true;
  error.value = null;
  try {
    // Let the dialog show "Exporting…" before a long synchronous build.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const saved = await runExport(target, choice);
    busy.value = false;
    close();
    if (saved) useNoticeStore().show(t('exportDialog.saved', { file: saved }));
  } catch (e) {
    error.value = t('exportDialog.failed', { message: e instanceof Error ? e.message : String(e) });
  } finally {
    busy.value = false;
  }
}

export function useExportDialog() {
  const view = useChartViewStore();
  /** The chart pane's visible time range (null when no chart is on screen: whole chart only). */
  const visibleRange = computed(() => visibleTimeRange(view.layout));
  return {
    isOpen: readonly(isOpen),
    busy: readonly(busy),
    error: readonly(error),
    visibleRange,
    close,
    start,
  };
}
