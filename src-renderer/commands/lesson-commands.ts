/**
 * What the lesson panel does: go to a step, apply a suggested edit, run the
 * lesson beside an edited copy, sweep a parameter, record a prediction.
 * Like app-commands.ts, one function per action, shared by buttons and keys;
 * components call these, these call the host and the stores.
 *
 * Sweeps and comparisons run detached from the current run
 * (lessons/detached-run.ts), one run after another; they refuse to start
 * while the user's own run is going (the host runs one at a time, and would
 * cancel it).
 */
import { inject, provide, type InjectionKey } from 'vue';
import type { L7Host } from '../../src-core/api/contract';
import type { EditorDoc } from '../../src-core/editor/doc';
import { setAt } from '../../src-core/editor/json-path';
import type { GuideEdit, GuideFormula } from '../../src-core/lessons/guide-schema';
import { resolveParameterPath } from '../../src-core/lessons/parameter-path';
import { parameterLabel } from '../../src-core/lessons/parameters';
import { formulaLine, runSweep, sweepVariant, type RunOne, type SweepValue } from '../../src-core/lessons/sweep';
import type { ScenarioInput } from '../../src-core/scenario/schema';
import { startDetachedRun, type DetachedRun } from '../lessons/detached-run';
import { t } from '../i18n/translate';
import { useCompareStore } from '../stores/compare';
import { useEditorStore } from '../stores/editor';
import { useLessonStore } from '../stores/lesson';
import { useMainViewStore } from '../stores/main-view';
import { useNoticeStore } from '../stores/notices';
import { usePlaybackStore } from '../stores/playback';
import { useRunStore } from '../stores/run';
import { useScenarioStore } from '../stores/scenario';
import { useSelectionStore } from '../stores/selection';
import { useSweepStore } from '../stores/sweep';

export interface LessonCommandDeps {
  readonly host: L7Host;
  /** Run ids for detached runs; tests give their own. */
  readonly newRunId?: (purpose: string) => string;
}

const numeric = (values: readonly SweepValue[]): values is readonly number[] => values.every((v) => typeof v === 'number');

let counter = 0;
const defaultRunId = (purpose: string) => `${purpose}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export type LessonCommands = ReturnType<typeof createLessonCommands>;

export function createLessonCommands(deps: LessonCommandDeps) {
  const { host } = deps;
  const newRunId = deps.newRunId ?? defaultRunId;
  const scenario = useScenarioStore();
  const run = useRunStore();
  const lesson = useLessonStore();
  const selection = useSelectionStore();
  const playback = usePlaybackStore();
  const mainView = useMainViewStore();
  const editor = useEditorStore();
  const notices = useNoticeStore();
  const sweep = useSweepStore();
  const compare = useCompareStore();

  /** Selects step `index`'s event, so the chart scrolls to it and playback stands there. */
  function goToStep(index: number): boolean {
    const event = lesson.stepEvents[index] ?? null;
    if (event === null) {
      notices.show(run.eventCount === 0 ? t('lesson.notices.runFirst') : t('lesson.notices.stepNotInRun', { n: index + 1 }));
      return false;
    }
    if (mainView.tab !== 'chart' && mainView.tab !== 'list') mainView.show('chart');
    selection.select(event.id);
    playback.active = true;
    return true;
  }

  /** Puts a suggested edit into the scenario, as one undoable step. */
  function applyEdit(edit: GuideEdit): boolean {
    const done = editor.apply(t('lesson.applyStep', { parameter: edit.parameter, value: String(edit.value) }), (doc: EditorDoc) => {
      const resolved = resolveParameterPath(doc, edit.parameter);
      return resolved.ok ? setAt(doc, resolved.path, edit.value) : null;
    });
    notices.show(done ? t('lesson.notices.applied', { parameter: edit.parameter, value: String(edit.value) }) : t('lesson.notices.notApplied', { parameter: edit.parameter }));
    return done;
  }

  function busy(): boolean {
    if (run.running || sweep.running || compare.running) {
      notices.show(t('lesson.notices.busy'));
      return true;
    }
    return false;
  }

  /** The scenario file's value (the editor's reading of the text), or null when the text is no scenario object. */
  const fileValue = (): unknown | null => editor.doc;

  /** Runs the scenario as it is and with `edit`, one after the other, and shows them side by side. */
  async function compareEdit(edit: GuideEdit): Promise<void> {
    const input = fileValue();
    if (busy() || input === null || scenario.scenario === null) return;
    const variant = sweepVariant(input, edit.parameter, edit.value);
    if (!variant.ok) {
      notices.show(variant.error, 'error');
      return;
    }
    let current: DetachedRun | null = null;
    let cancelled = false;
    compare.begin(edit, () => {
      cancelled = true;
      current?.cancel();
    });
    mainView.show('compare');
    const sides = [
      { label: t('compare.asIs'), scenario: scenario.scenario, input },
      { label: t('compare.withEdit', { parameter: parameterLabel(input as ScenarioInput, edit.parameter), value: String(edit.value) }), scenario: variant.scenario, input: variant.input },
    ];
    for (const side of sides) {
      if (cancelled) break;
      current = startDetachedRun(host, newRunId('compare'), side.input);
      const result = await current.result;
      if (!result.ok) {
        compare.finish(result.cancelled ? t('compare.cancelled') : result.error);
        return;
      }
      compare.add({ label: side.label, scenario: side.scenario, run: result.run });
    }
    compare.finish(cancelled ? t('compare.cancelled') : null);
  }

  /** Runs the scenario once per value of `parameter` and plots `formula`'s simulated value against its computed one. */
  async function startSweep(title: string, parameter: string, values: readonly SweepValue[], formula: GuideFormula): Promise<void> {
    const input = fileValue();
    if (busy() || input === null) return;
    let current: DetachedRun | null = null;
    sweep.begin({ title, parameter, parameterLabel: parameterLabel(input as ScenarioInput, parameter), values, formula }, numeric(values) ? formulaLine(input, parameter, values, formula) : [], () => current?.cancel());
    mainView.show('sweep');
    const runOne: RunOne = async (_scenario, variantInput) => {
      current = startDetachedRun(host, newRunId('sweep'), variantInput);
      const result = await current.result;
      current = null;
      if (result.ok) return { events: result.run.trace.events, metrics: result.run.trace.metrics };
      if (result.cancelled) sweep.requestCancel(); // (a run the user started meanwhile cancels it too)
      return { error: result.error };
    };
    const result = await runSweep(input, parameter, values, formula, runOne, {
      cancelled: () => sweep.cancelling(),
      onProgress: (_done, _total, point) => {
        if (!sweep.cancelling()) sweep.add(point); // (the point of the run that was cancelled has nothing to show)
      },
    });
    sweep.finish(result.cancelled || sweep.cancelling());
  }

  function cancelSweep(): void {
    sweep.requestCancel();
  }

  return { goToStep, applyEdit, compareEdit, startSweep, cancelSweep, cancelCompare: () => compare.requestCancel(), predict: lesson.predict };
}

const KEY: InjectionKey<LessonCommands> = Symbol('lesson-commands');

export function provideLessonCommands(commands: LessonCommands): void {
  provide(KEY, commands);
}

export function useLessonCommands(): LessonCommands {
  const commands = inject(KEY);
  if (!commands) throw new Error('useLessonCommands() needs provideLessonCommands() in an ancestor (App.vue)');
  return commands;
}
