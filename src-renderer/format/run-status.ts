/** The status bar's sentence for a run, in plain words. */
import type { HostError, RunSummary } from '../../src-core/api/contract';
import type { RunStatus } from '../stores/run';
import { t, type MessageKey } from '../i18n/translate';
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

const STOPPED: Readonly<Record<RunSummary['stopReason'], MessageKey>> = {
  idle: 'status.stopped.idle',
  'end-time': 'status.stopped.endTime',
  'event-budget': 'status.stopped.eventBudget',
  cancelled: 'status.stopped.cancelled',
};

export function runStatusText(input: RunStatusInput): { text: string; tone: Tone } {
  switch (input.status) {
    case 'idle':
      return { text: t('status.ready'), tone: 'normal' };
    case 'running':
      return { text: t('status.running', { count: formatCount(input.eventCount) }), tone: 'normal' };
    case 'invalid': {
      return { text: t('status.invalid', { count: input.issueCount }, input.issueCount), tone: 'warn' };
    }
    case 'failed': {
      const error = input.error;
      return { text: error ? t('status.failed', { message: error.message, name: error.name }) : t('status.failedUnknown'), tone: 'error' };
    }
    case 'finished': {
      const s = input.summary;
      if (!s) return { text: t('status.finished'), tone: 'normal' };
      const text = t('status.finishedAt', { reason: t(STOPPED[s.stopReason]), time: formatMs(s.endTime), events: formatCount(s.traceEvents), messages: formatCount(input.messageCount) });
      return { text, tone: s.stopReason === 'event-budget' ? 'warn' : 'normal' };
    }
  }
}
