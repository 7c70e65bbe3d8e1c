/**
 * What the user can do to the document and the run — the same functions
 * whether a toolbar button, a keyboard shortcut or (in Electron) the native
 * menu asks. They talk to the host and update the stores; components only
 * call them.
 *
 * Rules:
 * - nothing replaces a document with unsaved changes without asking
 *   (Save / Don't save / Cancel);
 * - an opened file replaces the document only if it loads cleanly: else its
 *   issues are listed (scenario.refused) and the document and its chart stay,
 *   until the user asks to open it anyway to fix it here;
 * - a failure is shown plainly in the status bar and never escapes;
 * - one file operation at a time: a second Open while a dialog is up is ignored.
 */
import { watch } from 'vue';
import { fileLocation, type HostError, type L7Host, type MenuCommand, type Unsubscribe } from '../../src-core/api/contract';
import { parseScenarioText } from '../../src-core/scenario/load';
import { buildTraceJson } from '../export/formats';
import { useEditorStore } from '../stores/editor';
import { openExportDialog } from '../export/useExportDialog';
import { chartPaneView } from '../chart/chart-state';
import { zoomIn, zoomOut, zoomToFit } from '../chart/zoom';
import { timerCoalescer } from '../trace/coalesce';
import { useChartViewStore } from '../stores/chart-view';
import { useNoticeStore } from '../stores/notices';
import { usePreferencesStore } from '../stores/preferences';
import { useRunStore } from '../stores/run';
import { useScenarioStore } from '../stores/scenario';
import { useSelectionStore } from '../stores/selection';
import { t, type MessageKey } from '../i18n/translate';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** Work to reopen from the recovery slot (host/recovery.ts RecoveryEntry has these and more). */
export interface RecoveredWork {
  readonly name: string;
  readonly path: string | null;
  readonly text: string;
  readonly savedText: string;
}

export interface AppCommandDeps {
  readonly host: L7Host;
  /** Asks what to do with unsaved changes to the document named `name`. */
  askUnsaved(name: string): Promise<UnsavedChoice>;
  showAbout(): void;
  newRunId?: () => string;
}

export type AppCommands = ReturnType<typeof createAppCommands>;

/** The longest a run event waits before the stores see it (about 30 redraws a second at most). */
export const RUN_EVENT_INTERVAL_MS = 33;

let runCounter = 0;
const defaultRunId = () => `run-${Date.now().toString(36)}-${++runCounter}`;

/** A field that keeps its own undo stack: a text area, a text-like input, an editable element. */
function isTextField(element: Element | null): boolean {
  if (element === null) return false;
  const tag = element.tagName;
  if (tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes((element as HTMLInputElement).type);
  return (element as HTMLElement).isContentEditable === true;
}

export function createAppCommands(deps: AppCommandDeps) {
  const { host } = deps;
  const scenario = useScenarioStore();
  const run = useRunStore();
  const selection = useSelectionStore();
  const preferences = usePreferencesStore();
  const chartView = useChartViewStore();
  const notices = useNoticeStore();
  const editor = useEditorStore();
  const newRunId = deps.newRunId ?? defaultRunId;
  let fileBusy = false;

  /** Runs a file operation unless one is under way; reports its failure as `what`. */
  /** Runs a file command; a failure is a notice: `failure` is its message, with the error's as {message}. */
  async function fileOperation(failure: MessageKey, operation: () => Promise<void>): Promise<void> {
    if (fileBusy) return;
    fileBusy = true;
    try {
      await operation();
    } catch (error) {
      notices.show(t(failure, { message: asHostError(error).message }), 'error');
    } finally {
      fileBusy = false;
    }
  }

  /** True when the current document may be replaced (saved, or the user agreed to lose the changes). */
  async function mayReplace(): Promise<boolean> {
    if (!scenario.dirty) return true;
    const choice = await deps.askUnsaved(scenario.name);
    if (choice === 'cancel') return false;
    if (choice === 'discard') return true;
    return saveDocument(scenario.path);
  }

  async function saveDocument(path: string | null): Promise<boolean> {
    const text = scenario.text;
    const saved = await host.saveFile({ path, suggestedName: scenario.name, text });
    if (saved === null) return false;
    scenario.markSaved(saved, text);
    notices.show(t('notices.saved', { file: fileLocation(saved) }));
    return true;
  }

  function afterLoad(): void {
    void cancelRun();
    run.reset();
    selection.clear();
    notices.dismiss();
    const view = scenario.scenario?.view;
    if (view) {
      preferences.setShowTransport(view.showTransport);
      chartView.compressGaps = view.compressIdleGaps;
    }
  }

  const newScenario = () =>
    fileOperation('notices.failed.newScenario', async () => {
      if (!(await mayReplace())) return;
      scenario.newDocument();
      afterLoad();
    });

  const openLesson = (id: string) =>
    fileOperation('notices.failed.openLesson', async () => {
      if (id === scenario.lessonId && !scenario.dirty) return;
      if (!(await mayReplace())) return;
      scenario.load(await host.openLesson(id), id);
      afterLoad();
    });

  const openFile = () =>
    fileOperation('notices.failed.openFile', async () => {
      const file = await host.openFile();
      if (file === null) return;
      const loaded = parseScenarioText(file.text);
      if (!loaded.ok) {
        scenario.refuse(file, loaded.issues);
        const count = loaded.issues.length;
        notices.show(t('notices.refused', { file: file.name, count, name: scenario.name }, count), 'error');
        return;
      }
      if (!(await mayReplace())) return;
      scenario.load(file, null, loaded);
      afterLoad();
    });

  /** Opens the refused file after all, issues and all, to fix it in the source editor. */
  const openRefused = () =>
    fileOperation('notices.failed.openFile', async () => {
      const refused = scenario.refused;
      if (refused === null || !(await mayReplace())) return;
      scenario.load(refused.file);
      afterLoad();
    });

  /**
   * Opens work recovered from the recovery slot: the file it came from with
   * the unsaved changes on top (still unsaved), asking first when the current
   * document has changes of its own. True when it was opened.
   */
  const restoreRecovered = async (work: RecoveredWork): Promise<boolean> => {
    let restored = false;
    await fileOperation('notices.failed.restore', async () => {
      if (!(await mayReplace())) return;
      scenario.load({ path: work.path, name: work.name, text: work.savedText });
      scenario.setText(work.text);
      afterLoad();
      restored = true;
    });
    return restored;
  };

  const save = () => fileOperation('notices.failed.save', async () => void (await saveDocument(scenario.path)));
  const saveAs = () => fileOperation('notices.failed.save', async () => void (await saveDocument(null)));

  const exportTrace = () =>
    fileOperation('notices.failed.exportTrace', async () => {
      if (run.eventCount === 0 || run.running) {
        notices.show(run.running ? t('notices.exportWait') : t('notices.exportNothing'));
        return;
      }
      const text = buildTraceJson();
      const base = scenario.name.replace(/(\.l7)?\.json$/, '');
      const saved = await host.exportFile({ kind: 'json', suggestedName: `${base}.trace.json`, data: text });
      if (saved) notices.show(t('notices.exportedTrace', { file: fileLocation(saved) }));
    });

  async function startRun(): Promise<void> {
    const valid = scenario.scenario;
    if (valid === null) {
      run.markInvalid(scenario.issues);
      return;
    }
    const runId = newRunId();
    selection.clear();
    notices.dismiss();
    run.begin(runId, valid.name);
    try {
      await host.startRun({ runId, scenario: JSON.parse(scenario.text) as unknown });
    } catch (error) {
      run.apply({ type: 'run.failed', runId, error: asHostError(error) });
    }
  }

  async function cancelRun(): Promise<void> {
    const runId = run.runId;
    if (!run.running || runId === null) return;
    try {
      await host.cancelRun(runId);
    } catch (error) {
      notices.show(t('notices.failed.cancelRun', { message: asHostError(error).message }), 'error');
    }
  }

  /**
   * Undo and Redo: a text field with focus (the Source tab, a form field)
   * undoes its own typing; anywhere else, the editor's last step.
   */
  function undoOrRedo(which: 'undo' | 'redo'): void {
    if (typeof document !== 'undefined' && isTextField(document.activeElement)) {
      document.execCommand(which); // deprecated, yet the one way to reach a field's own undo stack from a menu command
      return;
    }
    const done = which === 'undo' ? editor.undo() : editor.redo();
    if (!done) notices.show(which === 'undo' ? t('notices.nothingToUndo') : t('notices.nothingToRedo'));
  }

  const byMenu: Readonly<Record<MenuCommand, () => unknown>> = {
    'file.new': newScenario,
    'file.open': openFile,
    'file.save': save,
    'file.saveAs': saveAs,
    'file.export': () => openExportDialog(host),
    'edit.undo': () => undoOrRedo('undo'),
    'edit.redo': () => undoOrRedo('redo'),
    'run.start': startRun,
    'run.cancel': cancelRun,
    'view.toggleTransport': () => preferences.toggleTransport(),
    'view.toggleStates': () => (chartView.showStates = !chartView.showStates),
    'view.toggleGaps': () => (chartView.compressGaps = !chartView.compressGaps),
    'view.zoomIn': () => zoomIn(chartView),
    'view.zoomOut': () => zoomOut(chartView),
    'view.fit': () => zoomToFit(chartView, chartPaneView.bodyHeight),
    'help.about': () => deps.showAbout(),
  };

  /** Runs a menu command (from the native menu or a shortcut). */
  async function perform(command: MenuCommand): Promise<void> {
    await byMenu[command]();
  }

  /**
   * Subscribes to the host's run events (coalesced, so that a host that
   * reports after every slice does not make the page redraw hundreds of
   * times a second) and menu commands, and drops a stale "cannot run" once
   * the text changes; returns the unsubscribe.
   */
  function connect(): Unsubscribe {
    const inbox = timerCoalescer((event) => run.apply(event), RUN_EVENT_INTERVAL_MS);
    const offRun = host.onRunEvent((event) => inbox.push(event));
    const offMenu = host.onMenuCommand((command) => void perform(command));
    const offText = watch(
      () => scenario.text,
      () => {
        if (run.status === 'invalid') run.reset();
      },
      { flush: 'sync' },
    );
    return () => {
      inbox.flush();
      offRun();
      offMenu();
      offText();
    };
  }

  const listLessons = () => host.listLessons();

  return { listLessons, newScenario, openLesson, openFile, openRefused, restoreRecovered, save, saveAs, exportTrace, startRun, cancelRun, perform, connect };
}

function asHostError(error: unknown): HostError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return { name: 'Error', message: String((error as { message: unknown }).message) };
  }
  return { name: 'Error', message: String(error) };
}
