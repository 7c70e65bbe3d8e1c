/**
 * A run beside the current one (a sweep's points, the two sides of a
 * comparison): started through the host like any run, but its events are
 * collected here, never in the run store, so the chart keeps showing the
 * user's own run.
 *
 * Rules:
 * - The host runs one scenario at a time, and starting a run cancels the one
 *   before (api/contract.ts): detached runs go one after another, and a run
 *   the user starts meanwhile ends the detached one as cancelled.
 * - A scenario the host refuses, a failed run or a cancelled one resolves
 *   with the reason; this never rejects.
 */
import type { HostError, L7Host, RunSummary } from '../../src-core/api/contract';
import type { TraceNode } from '../../src-core/trace/types';
import { createTraceArrays, mergeBatch, type TraceArrays } from '../trace/merge-batch';

export interface DetachedRecord {
  readonly trace: TraceArrays;
  readonly nodes: readonly TraceNode[];
  readonly summary: RunSummary;
}

export type DetachedResult = { readonly ok: true; readonly run: DetachedRecord } | { readonly ok: false; readonly cancelled: boolean; readonly error: string };

export interface DetachedRun {
  readonly result: Promise<DetachedResult>;
  cancel(): void;
}

const describeError = (e: HostError) => `${e.name}: ${e.message}`;

/** Starts `scenario` (a file's value) as run `runId`; its result resolves when the run ends. */
export function startDetachedRun(host: L7Host, runId: string, scenario: unknown): DetachedRun {
  const trace = createTraceArrays();
  let nodes: readonly TraceNode[] = [];
  let settle: (r: DetachedResult) => void = () => undefined;
  let off: () => void = () => undefined;
  const result = new Promise<DetachedResult>((resolve) => {
    settle = (r) => {
      off();
      resolve(r);
    };
  });
  off = host.onRunEvent((event) => {
    if (event.runId !== runId) return;
    switch (event.type) {
      case 'run.started':
        nodes = event.nodes;
        break;
      case 'run.batch':
        mergeBatch(trace, event.batch);
        break;
      case 'run.progress':
        break;
      case 'run.finished':
        settle(event.summary.stopReason === 'cancelled' ? { ok: false, cancelled: true, error: 'cancelled' } : { ok: true, run: { trace, nodes, summary: event.summary } });
        break;
      case 'run.invalid':
        settle({ ok: false, cancelled: false, error: event.issues.map((i) => `${i.path}: ${i.message}`).join('; ') });
        break;
      case 'run.failed':
        settle({ ok: false, cancelled: false, error: describeError(event.error) });
        break;
    }
  });
  host.startRun({ runId, scenario }).catch((e: unknown) => settle({ ok: false, cancelled: false, error: e instanceof Error ? e.message : String(e) }));
  return {
    result,
    cancel: () => void host.cancelRun(runId).catch(() => undefined),
  };
}
