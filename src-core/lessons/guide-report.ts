/**
 * A guide worked out for a run, as plain text: what `l7 run` prints after
 * its summary, so a lesson's author (and a student at a terminal) sees each
 * step's event and each formula's numbers without the app:
 *
 *   guide:
 *     1. 0.000 ms  dns host → local  Standard query 0x2239 A www.example.com
 *     …
 *   formula firstLookup: First lookup of www.example.com: four round trips
 *     rttHost + rttRoot + rttTld + rttAuth
 *     = 2 ms + 48 ms + 38 ms + 28 ms = 116.000 ms; simulated 116.085 ms (+0.085 ms, +0.07 %): agrees
 *     ✓ Transmission and queueing add …
 */
import { formatMetricValue } from '../trace/metric-format';
import type { TraceContent } from '../trace/json';
import type { Guide } from './guide-schema';
import { evaluateGuideFormula, type FormulaResult } from './formula-result';
import { describeQuery, findEvent } from './trace-query';

const at = (ns: number) => `${(ns / 1e6).toFixed(3)} ms`;

function signed(value: number, unit: FormulaResult['formula']['unit']): string {
  const text = formatMetricValue({ value: Math.abs(value), unit });
  return `${value < 0 ? '−' : '+'}${text}`;
}

/** The comparison line: "= … = 116.000 ms; simulated 116.085 ms (+0.085 ms, +0.07 %): agrees". */
export function comparisonLine(r: FormulaResult): string {
  const unit = r.formula.unit;
  const parts: string[] = [];
  if (r.substituted !== null) parts.push(`= ${r.substituted}`);
  if (r.computed !== null) parts.push(`= ${formatMetricValue({ value: r.computed, unit })}`);
  let line = parts.join(' ');
  if (r.simulated !== null) {
    line += `; simulated ${formatMetricValue({ value: r.simulated, unit })}`;
    if (r.difference !== null) {
      const relative = r.relative === null ? '' : `, ${r.relative < 0 ? '−' : '+'}${Math.abs(r.relative * 100).toFixed(2)} %`;
      line += ` (${signed(r.difference, unit)}${relative}): ${r.agrees === true ? 'agrees' : 'differs'}`;
    }
  }
  return line;
}

export function guideReport(guide: Guide, scenario: unknown, trace: Pick<TraceContent, 'events' | 'metrics'>): string {
  const lines = ['guide:'];
  guide.steps.forEach((step, i) => {
    const event = findEvent(trace.events, step.at);
    const n = `${i + 1}.`.padEnd(4);
    if (event === null) lines.push(`  ${n}not found: ${describeQuery(step.at)}`);
    else if (event.kind === 'message') lines.push(`  ${n}${at(event.sentAt)}  ${event.protocol} ${event.from} → ${event.to}  ${event.summary}`);
    else lines.push(`  ${n}${at(event.at)}  ${event.type} at ${event.node}  ${event.summary}`);
  });
  for (const formula of guide.formulas) {
    const r = evaluateGuideFormula(formula, scenario, trace);
    lines.push(`formula ${formula.id}: ${formula.title}`, `  ${formula.expression}`, `  ${comparisonLine(r)}`);
    if (r.error !== null) lines.push(`  error: ${r.error}`);
    for (const a of r.assumptions) lines.push(`  ${a.holds ? '✓' : '✗'} ${a.text}`);
  }
  return lines.join('\n');
}
