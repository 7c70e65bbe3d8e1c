/**
 * The lesson panel's state: the guide of the current scenario, where each
 * step's event is in the current run, each formula worked out for that run,
 * and the user's predictions.
 *
 * Rules:
 * - The formulas are worked out with the scenario the run was started with
 *   (`ranWith`), not the text as edited since: a formula and its simulated
 *   value always describe the same network. `stale` says the text has
 *   changed since, so the panel can ask for a new run.
 * - Before a run finishes, formulas show what needs only parameters.
 * - Predictions, a sweep and a comparison belong to one document: a new one
 *   (another lesson, a file) starts without (a sweep or comparison under way
 *   is cancelled).
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { Guide } from '../../src-core/lessons/guide-schema';
import { evaluateGuideFormula, type FormulaResult } from '../../src-core/lessons/formula-result';
import { guideWarnings } from '../../src-core/lessons/guide-check';
import { findEvent } from '../../src-core/lessons/trace-query';
import type { Scenario } from '../../src-core/scenario/schema';
import type { TraceEvent } from '../../src-core/trace/types';
import { useCompareStore } from './compare';
import { useMainViewStore } from './main-view';
import { useRunStore } from './run';
import { useSweepStore } from './sweep';
import { useScenarioStore } from './scenario';

export const useLessonStore = defineStore('lesson', () => {
  const scenario = useScenarioStore();
  const run = useRunStore();

  const ranWith = shallowRef<{ readonly scenario: Scenario; readonly text: string } | null>(null);
  watch(
    () => run.runId,
    (id) => {
      ranWith.value = id !== null && scenario.scenario !== null ? { scenario: scenario.scenario, text: scenario.text } : null;
    },
    { flush: 'sync' },
  );

  /** The guide as the file now has it; null when it has none (or does not load). */
  const guide = computed<Guide | null>(() => scenario.scenario?.guide ?? null);
  /** What the guide names that the scenario does not have (an action deleted, a node renamed): listed in the panel. */
  const warnings = computed(() => (scenario.scenario === null ? [] : guideWarnings(scenario.scenario)));
  const finished = computed(() => run.status === 'finished' && ranWith.value !== null);
  const stale = computed(() => finished.value && ranWith.value!.text !== scenario.text);

  /**
   * Each step's event in the current run (null: not in it, or no run yet).
   * Looked up once the run has finished: a query scans the trace, and a
   * streaming run of 10^6 events would make every batch pay for it.
   */
  const stepEvents = computed<readonly (TraceEvent | null)[]>(() => {
    const steps = guide.value?.steps ?? [];
    if (!finished.value || run.version < 0) return steps.map(() => null);
    return steps.map((s) => findEvent(run.trace.events, s.at));
  });

  const results = computed<readonly FormulaResult[]>(() => {
    const ran = finished.value && run.version >= 0 ? ranWith.value!.scenario : null;
    const formulas = (ran?.guide ?? guide.value)?.formulas ?? [];
    return formulas.map((f) => evaluateGuideFormula(f, ran ?? scenario.scenario, ran === null ? null : { events: run.trace.events, metrics: run.trace.metrics }));
  });

  /** The user's predictions, by formula id, in the formula's unit (SI). */
  const predictions = ref<Record<string, number>>({});
  // a new document starts afresh: no predictions, no sweep or comparison of the one before
  const sweep = useSweepStore();
  const compare = useCompareStore();
  const mainView = useMainViewStore();
  watch(
    () => scenario.generation,
    () => {
      predictions.value = {};
      sweep.requestCancel();
      sweep.clear();
      compare.requestCancel();
      compare.clear();
      if (mainView.tab === 'sweep' || mainView.tab === 'compare') mainView.show('chart');
    },
  );

  function predict(formulaId: string, value: number | null): void {
    const next = { ...predictions.value };
    if (value === null) delete next[formulaId];
    else next[formulaId] = value;
    predictions.value = next;
  }

  return { guide, warnings, finished, stale, stepEvents, results, predictions, predict };
});
