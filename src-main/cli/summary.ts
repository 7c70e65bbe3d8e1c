/** The run summary the command line prints. */
import { formatTime } from '../../src-core/sim/time';
import type { TraceContent } from '../../src-core/trace/json';
import { LINK_SAMPLE_NAMES } from '../../src-core/net/link-report';
import { formatMetricValue } from '../../src-core/trace/metric-format';
import type { Metric } from '../../src-core/trace/types';

export function summarizeTrace(trace: TraceContent): string {
  const lines: string[] = [];
  const h = trace.header;
  lines.push(`scenario:   ${h.scenario}`);
  lines.push(`seed:       ${h.seed}`);
  lines.push(`simulated:  ${formatTime(h.endTime)} (stopped: ${describeStop(h.stopReason)})`);
  const messages = trace.events.filter((e) => e.kind === 'message');
  const states = trace.events.length - messages.length;
  lines.push(`events:     ${trace.events.length} (${messages.length} messages, ${states} state changes)`);

  const perProtocol = new Map<string, { layer: string; sent: number; lost: number }>();
  for (const m of messages) {
    const key = m.protocol;
    const entry = perProtocol.get(key) ?? { layer: m.layer, sent: 0, lost: 0 };
    entry.sent++;
    if (m.lost) entry.lost++;
    perProtocol.set(key, entry);
  }
  if (perProtocol.size > 0) {
    lines.push('messages:');
    const sorted = [...perProtocol.entries()].sort((a, b) => (a[1].layer === b[1].layer ? a[0].localeCompare(b[0]) : a[1].layer.localeCompare(b[1].layer)));
    for (const [protocol, e] of sorted) {
      const lost = e.lost ? `, ${e.lost} lost` : '';
      lines.push(`  ${protocol.padEnd(10)} ${e.layer.padEnd(12)} ${e.sent}${lost}`);
    }
  }
  const samples = trace.metrics.filter((m) => LINK_SAMPLE_NAMES.has(m.name)).length;
  if (trace.metrics.length > samples) {
    lines.push('metrics:');
    for (const m of trace.metrics) {
      if (LINK_SAMPLE_NAMES.has(m.name)) continue;
      lines.push(`  ${m.node.padEnd(12)} ${m.name.padEnd(14)} ${formatValue(m)}  (at ${formatTime(m.at)})`);
    }
  }
  if (samples > 0) lines.push(`link load over time: ${samples} samples in the trace (linkUtilisationSample, queueingDelaySample)`);
  return lines.join('\n');
}

function describeStop(reason: string): string {
  switch (reason) {
    case 'idle':
      return 'nothing left to do';
    case 'end-time':
      return 'reached the end time';
    case 'event-budget':
      return 'event budget used up (raise run.maxEvents)';
    case 'cancelled':
      return 'cancelled';
    case 'internal-error':
      return 'an internal error (a bug of ours: please report it with the scenario)';
    default:
      return reason;
  }
}

function formatValue(m: Metric): string {
  return m.unit === 's' ? formatTime(Math.round(m.value * 1e9)) : formatMetricValue(m);
}
