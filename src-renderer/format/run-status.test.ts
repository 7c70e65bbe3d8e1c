import { describe, expect, it } from 'vitest';
import { runStatusText, type RunStatusInput } from './run-status';

const base: RunStatusInput = { status: 'idle', summary: null, error: null, issueCount: 0, eventCount: 0, messageCount: 0 };

describe('runStatusText', () => {
  it('says what happened in plain words', () => {
    expect(runStatusText(base)).toEqual({ text: 'Ready', tone: 'normal' });
    expect(runStatusText({ ...base, status: 'running', eventCount: 12345 }).text).toBe('Running… 12,345 events so far');
    expect(runStatusText({ ...base, status: 'invalid', issueCount: 1 })).toEqual({ text: 'Cannot run: the scenario has 1 issue', tone: 'warn' });
    expect(runStatusText({ ...base, status: 'invalid', issueCount: 3 }).text).toBe('Cannot run: the scenario has 3 issues');
    expect(runStatusText({ ...base, status: 'failed', error: { name: 'WorkerError', message: 'the runner stopped unexpectedly' } })).toEqual({
      text: 'Run failed: the runner stopped unexpectedly (WorkerError)',
      tone: 'error',
    });
  });

  it('names why a finished run stopped, when, and how much it produced', () => {
    const summary = { stopReason: 'idle' as const, endTime: 95_421_760, traceEvents: 48, seed: 1 };
    expect(runStatusText({ ...base, status: 'finished', summary, messageCount: 26 }).text).toBe(
      'Finished: nothing left to do at 95.422 ms · 48 events, 26 messages',
    );
    expect(runStatusText({ ...base, status: 'finished', summary: { ...summary, stopReason: 'cancelled' } }).text).toMatch(/^Cancelled at 95.422 ms/);
    expect(runStatusText({ ...base, status: 'finished', summary: { ...summary, stopReason: 'event-budget' } }).tone).toBe('warn');
  });
});
