import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunRequest } from '../../src-core/api/contract';
import { validateScenario } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { useCompareStore } from '../stores/compare';
import { useEditorStore } from '../stores/editor';
import { useLessonStore } from '../stores/lesson';
import { useMainViewStore } from '../stores/main-view';
import { useNoticeStore } from '../stores/notices';
import { useRunStore } from '../stores/run';
import { useScenarioStore } from '../stores/scenario';
import { useSelectionStore } from '../stores/selection';
import { useSweepStore } from '../stores/sweep';
import { createFakeHost, type FakeHost } from '../testing/fake-host';
import { lessonText } from '../testing/lessons';
import { createLessonCommands } from './lesson-commands';

/** A fake host whose runs really run (src-core's runner), reporting on the next tick; `hold` keeps a run going until cancelled. */
function runningHost(options: { hold?: (request: RunRequest) => boolean } = {}): FakeHost {
  const host = createFakeHost();
  const start = host.startRun.bind(host);
  host.startRun = async (request) => {
    await start(request);
    setTimeout(() => {
      const loaded = validateScenario(request.scenario);
      if (!loaded.ok) return host.emitRun({ type: 'run.invalid', runId: request.runId, issues: loaded.issues });
      const run = runScenario(loaded.scenario);
      const trace = run.trace();
      host.emitRun({ type: 'run.started', runId: request.runId, nodes: trace.nodes, seed: run.seed, scenarioName: loaded.scenario.name });
      host.emitRun({ type: 'run.batch', runId: request.runId, batch: { events: trace.events, updates: [], metrics: trace.metrics } });
      if (options.hold?.(request) === true) return; // finishes when cancelled
      host.emitRun({ type: 'run.finished', runId: request.runId, summary: { stopReason: 'idle', endTime: trace.header.endTime, traceEvents: trace.events.length, seed: run.seed } });
    }, 0);
  };
  const cancel = host.cancelRun.bind(host);
  host.cancelRun = async (runId) => {
    await cancel(runId);
    setTimeout(() => host.emitRun({ type: 'run.finished', runId, summary: { stopReason: 'cancelled', endTime: 0, traceEvents: 0, seed: 1 } }), 0);
  };
  return host;
}

function openDnsLesson(): void {
  useScenarioStore().load({ path: null, name: 'dns-iterative.l7.json', text: lessonText('dns-iterative') }, 'dns-iterative');
}

let ids = 0;
const newRunId = (purpose: string) => `${purpose}-${++ids}`;

beforeEach(() => {
  setActivePinia(createPinia());
  ids = 0;
});

describe('lesson commands', () => {
  it('sweep a parameter through detached runs, one per value, leaving the current run alone', async () => {
    const host = runningHost();
    openDnsLesson();
    const commands = createLessonCommands({ host, newRunId });
    const guide = useLessonStore().guide!;
    const sweep = guide.sweeps[0]!;
    await commands.startSweep(sweep.title, sweep.parameter, sweep.values, guide.formulas[0]!);
    const store = useSweepStore();
    expect(store.status).toBe('done');
    expect(store.points.map((p) => p.value)).toEqual([10, 20, 40, 80, 160]);
    for (const p of store.points) expect(Math.abs(p.simulated! - p.computed!)).toBeLessThan(1e-4);
    expect(host.runs.map((r) => r.runId)).toEqual(['sweep-1', 'sweep-2', 'sweep-3', 'sweep-4', 'sweep-5']);
    expect(store.line.length).toBeGreaterThan(5);
    expect(useRunStore().status).toBe('idle');
    expect(useMainViewStore().tab).toBe('sweep');
  });

  it('cancel a sweep: the run under way is cancelled, the points so far are kept', async () => {
    let started = 0;
    let thirdStarted: () => void = () => undefined;
    const third = new Promise<void>((resolve) => (thirdStarted = resolve));
    const host = runningHost({
      hold: () => {
        if (++started !== 3) return false;
        thirdStarted();
        return true;
      },
    });
    openDnsLesson();
    const commands = createLessonCommands({ host, newRunId });
    const guide = useLessonStore().guide!;
    const done = commands.startSweep('t', 'links[router-root].delayMs', [10, 20, 30, 40], guide.formulas[0]!);
    await third;
    commands.cancelSweep();
    await done;
    const store = useSweepStore();
    expect(store.status).toBe('cancelled');
    expect(store.points).toHaveLength(2);
    expect(host.calls.filter((c) => c.method === 'cancelRun').map((c) => c.arg)).toEqual(['sweep-3']);
  });

  it('compare a suggestion\'s edit with the lesson as it is', async () => {
    const host = runningHost();
    openDnsLesson();
    const commands = createLessonCommands({ host, newRunId });
    await commands.compareEdit({ parameter: 'links[router-root].delayMs', value: 200 });
    const compare = useCompareStore();
    expect(compare.status).toBe('done');
    expect(compare.sides.map((s) => s.label)).toEqual(['As it is', 'With link router-root: Delay (ms) = 200']);
    const first = (i: number) => compare.sides[i]!.run.trace.metrics.find((m) => m.name === 'resolutionTime')!.value;
    expect(first(1) - first(0)).toBeCloseTo(0.36, 9);
  });

  it('refuse to sweep or compare while the user\'s own run goes, saying why', async () => {
    const host = runningHost();
    openDnsLesson();
    const commands = createLessonCommands({ host, newRunId });
    useRunStore().begin('run-1', 'x');
    await commands.compareEdit({ parameter: 'links[router-root].delayMs', value: 200 });
    expect(host.runs).toEqual([]);
    expect(useNoticeStore().notice?.text).toBe('Wait for the run under way to finish.');
  });

  it('go to a step: after a run, select its event and turn playback on; before, say to run first', () => {
    openDnsLesson();
    const commands = createLessonCommands({ host: runningHost(), newRunId });
    expect(commands.goToStep(2)).toBe(false);
    expect(useNoticeStore().notice?.text).toBe('Run the scenario first: the steps point at its messages.');
    const run = useRunStore();
    const loaded = validateScenario(JSON.parse(lessonText('dns-iterative')));
    if (!loaded.ok) throw new Error('lesson');
    const trace = runScenario(loaded.scenario).trace();
    run.begin('run-1', 'x');
    run.apply({ type: 'run.batch', runId: 'run-1', batch: { events: trace.events, updates: [], metrics: trace.metrics } });
    run.apply({ type: 'run.finished', runId: 'run-1', summary: { stopReason: 'idle', endTime: trace.header.endTime, traceEvents: trace.events.length, seed: 1 } });
    expect(commands.goToStep(2)).toBe(true);
    const selected = trace.events[useSelectionStore().selectedId!]!;
    expect(selected.kind === 'message' && selected.from).toBe('root');
  });

  it('apply a suggestion as one undoable editor step', () => {
    openDnsLesson();
    const commands = createLessonCommands({ host: runningHost(), newRunId });
    const scenario = useScenarioStore();
    expect(commands.applyEdit({ parameter: 'links[router-root].delayMs', value: 200 })).toBe(true);
    expect(scenario.scenario!.links[2]!.delayMs).toBe(200);
    useEditorStore().undo();
    expect(scenario.scenario!.links[2]!.delayMs).toBe(20);
    expect(commands.applyEdit({ parameter: 'links[nowhere].delayMs', value: 1 })).toBe(false);
  });
});
