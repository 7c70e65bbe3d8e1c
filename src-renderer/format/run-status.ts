/** The status bar's sentence for a run, in plain words. */
import type { HostError, RunSummary } from '../../src-core/api/contract';
import type { RunStatus } from '../stores/run';
import { formatCount, formatMs } from './time';

export interface RunStatusInput {
  readonly status: RunStatus;
  readonly summary: RunSummary | null;
  readonly error: HostError | null;
  readonly issueCount: number;
  readonly eventCount: number;
  readonly messageCount: number;
}

export type Tone = 'normal' | 'warn' | 'error';

const STOPPED: Readonly<Record<RunSummary['stopReason'], string>> = {
  idle: 'Finished: nothing left to do',
  'end-time': 'Finished: reached the end time',
  'event-budget': 'Stopped: the event budget ran out',
  cancelled: 'Cancelled',
};

export function runStatusText(input: RunStatusInput): { text: string; tone: Tone } {
  switch (input.status) {
    case 'idle':
      return { text: 'Ready', tone: 'normal' };
    case 'running':
      return { text: `Running… ${formatCount(input.eventCount)} events so far`, tone: 'normal' };
    case 'invalid': {
      const n = input.issueCount;
      return { text: `Cannot run: the scenario has ${n === 1 ? '1 issue' : `${n} issues`}`, tone: 'warn' };
    }
    case 'failed': {
      const error = input.error;
      return { text: `Run failed: ${error ? `${error.message} (${error.name})` : 'unknown error'}`, tone: 'error' };
    }
    case 'finished': {
      const s = input.summary;
      if (!s) return { text: 'Finished', tone: 'normal' };
      const counts = `${formatCount(s.traceEvents)} events, ${formatCount(input.messageCount)} messages`;
      return { text: `${STOPPED[s.stopReason]} at ${formatMs(s.endTime)} ms · ${counts}`, tone: s.stopReason === 'event-budget' ? 'warn' : 'normal' };
    }
  }
}
