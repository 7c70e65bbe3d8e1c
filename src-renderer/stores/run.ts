/**
 * The current run and its trace, as RunEvents deliver it.
 *
 * The trace is big (10^5–10^6 events) and must never be deep-reactive: the
 * arrays (trace/merge-batch.ts) live in a shallowRef, hold markRaw events,
 * and are changed in place; each change bumps `version` and triggers the
 * ref. A computed that returns one of the arrays would not notice a change
 * (same array): derive new values and read `version` in them.
 * Events for any run but the current one are ignored (a cancelled run may
 * still report its end after the next one started).
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, triggerRef } from 'vue';
import type { HostError, RunEvent, RunProgressInfo, RunSummary } from '../../src-core/api/contract';
import type { ScenarioIssue } from '../../src-core/scenario/errors';
import type { TraceNode } from '../../src-core/trace/types';
import { createTraceArrays, mergeBatch } from '../trace/merge-batch';

export type RunStatus = 'idle' | 'running' | 'finished' | 'failed' | 'invalid';

export const useRunStore = defineStore('run', () => {
  const status = ref<RunStatus>('idle');
  const runId = ref<string | null>(null);
  const scenarioName = ref('');
  const seed = ref<number | null>(null);
  const nodes = shallowRef<readonly TraceNode[]>([]);
  const trace = shallowRef(createTraceArrays());
  const version = ref(0);
  const progress = shallowRef<RunProgressInfo | null>(null);
  const summary = shallowRef<RunSummary | null>(null);
  const issues = shallowRef<readonly ScenarioIssue[]>([]);
  const error = shallowRef<HostError | null>(null);

  const running = computed(() => status.value === 'running');
  /** Read `version` so that this recomputes after every batch (the arrays change in place). */
  const eventCount = computed(() => (version.value >= 0 ? trace.value.events.length : 0));

  function clear(): void {
    scenarioName.value = '';
    seed.value = null;
    nodes.value = [];
    trace.value = createTraceArrays();
    version.value++;
    progress.value = null;
    summary.value = null;
    issues.value = [];
    error.value = null;
  }

  /** A run was asked for; its events follow through `apply`. */
  function begin(id: string, name: string): void {
    clear();
    runId.value = id;
    scenarioName.value = name;
    status.value = 'running';
  }

  /** Back to no run at all (a new document). */
  function reset(): void {
    clear();
    runId.value = null;
    status.value = 'idle';
  }

  /** The scenario did not validate, so nothing was started. */
  function markInvalid(found: readonly ScenarioIssue[]): void {
    clear();
    runId.value = null;
    issues.value = found;
    status.value = 'invalid';
  }

  function apply(event: RunEvent): void {
    if (event.runId !== runId.value) return;
    switch (event.type) {
      case 'run.started':
        nodes.value = event.nodes;
        seed.value = event.seed;
        scenarioName.value = event.scenarioName;
        break;
      case 'run.batch':
        mergeBatch(trace.value, event.batch);
        version.value++;
        triggerRef(trace);
        break;
      case 'run.progress':
        progress.value = event.progress;
        break;
      case 'run.finished':
        summary.value = event.summary;
        status.value = 'finished';
        break;
      case 'run.invalid':
        issues.value = event.issues;
        status.value = 'invalid';
        break;
      case 'run.failed':
        error.value = event.error;
        status.value = 'failed';
        break;
    }
  }

  return {
    status, runId, scenarioName, seed, nodes, trace, version, progress, summary, issues, error,
    running, eventCount,
    begin, reset, markInvalid, apply,
  };
});
