/**
 * A sweep as a plot (plots/plot-spec.ts): the formula's line and the
 * simulated points, against the swept parameter. A delay or a rate is
 * plotted in SI (the axis then writes ms or Mbit/s itself); any other number
 * as it is; a flag's or a mode's choices at 1, 2, 3 … in the order swept,
 * named in the axis label. Where the formula needs measured values (so it
 * has no line of its own), its value at each point is drawn through them.
 */
import { siFactorOf, siUnitOf } from '../../src-core/lessons/parameter-path';
import type { SweepPoint, SweepValue } from '../../src-core/lessons/sweep';
import type { PlotSpec, PlotUnit } from '../plots/plot-spec';
import type { SweepSpec } from '../stores/sweep';

export interface SweepPlotWords {
  readonly formula: string;
  readonly simulated: string;
}

function xAxis(spec: SweepSpec): { label: string; unit: PlotUnit; at: (v: SweepValue, i: number) => number } {
  if (!spec.values.every((v) => typeof v === 'number')) {
    const choices = spec.values.map((v, i) => `${i + 1}: ${String(v)}`).join(', ');
    return { label: `${spec.parameterLabel} (${choices})`, unit: 'count', at: (_v, i) => i + 1 };
  }
  const unit = siUnitOf(spec.parameter);
  const factor = unit === null ? 1 : siFactorOf(spec.parameter);
  // the label without its own unit in parentheses: the axis writes the SI one
  const label = unit === null ? spec.parameterLabel : spec.parameterLabel.replace(/ \([^)]*\)$/, '');
  return { label, unit: unit ?? 'count', at: (v) => (v as number) * factor };
}

export function sweepPlotSpec(spec: SweepSpec, points: readonly SweepPoint[], line: readonly { x: number; y: number }[], words: SweepPlotWords): PlotSpec {
  const x = xAxis(spec);
  const unit = spec.formula.unit;
  const indexOf = (p: SweepPoint) => spec.values.indexOf(p.value);
  const byX = [...points].map((p) => ({ x: x.at(p.value, indexOf(p)), p })).sort((a, b) => a.x - b.x);
  const formula =
    line.length > 0
      ? { x: line.map((l) => x.at(l.x, 0)), y: line.map((l) => l.y) }
      : { x: byX.map((b) => b.x), y: byX.map((b) => b.p.computed) };
  return {
    id: `sweep-${spec.formula.id}`,
    title: spec.title,
    x: { label: x.label, unit: x.unit },
    yAxes: [{ label: spec.formula.title, unit }],
    series: [
      { label: words.formula, unit, x: formula.x, y: formula.y, style: 'line' },
      { label: words.simulated, unit, x: byX.map((b) => b.x), y: byX.map((b) => b.p.simulated), style: 'points' },
    ],
    fromZero: true,
  };
}
