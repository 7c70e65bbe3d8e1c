/**
 * The waterfall's time axis: from the page load's start (0) to its end
 * rounded up to a fifth of a tick step (little is left empty),
 * with ticks of 1, 2 or 5 × 10^k ns labelled in milliseconds.
 * A time's place on the axis is a fraction of its length (0 … 1), so the
 * screen (CSS percentages) and the export (px) share one axis.
 */
import { timeTicks } from '../../src-core/chart/time-scale';
import { NS_PER_MS, type SimTime } from '../../src-core/sim/time';
import { t as translate } from '../i18n/translate';
import type { PageLoad } from './page-loads';

export interface AxisTick {
  /** ns since the page load began. */
  readonly t: SimTime;
  readonly label: string;
}

export interface WaterfallAxis {
  /** The axis's length, ns: a whole number of fifths of a step, at least the load's end. */
  readonly end: SimTime;
  readonly step: SimTime;
  readonly ticks: readonly AxisTick[];
}

/** When the load ended, ns since its start: its page-load time, else its last byte so far (0 for a load with no object yet). */
export function loadEnd(load: PageLoad): SimTime {
  const last = load.objects.reduce((max, o) => Math.max(max, o.relative.lastByte), 0);
  return load.outcome.kind === 'loaded' ? Math.max(load.outcome.elapsed, last) : last;
}

/** The axis for `load` with about `target` ticks. */
export function waterfallAxis(load: PageLoad, target: number): WaterfallAxis {
  const content = Math.max(loadEnd(load), NS_PER_MS);
  const { step } = timeTicks(0, content, Math.max(1, target));
  const fifth = step / 5;
  const end = Math.ceil(content / fifth - 1e-9) * fifth;
  const ticks: AxisTick[] = [];
  for (let i = 0; i * step <= end + fifth / 2; i++) ticks.push({ t: Math.round(i * step), label: msLabel(i * step, step) });
  return { end, step, ticks };
}

/** A tick's time in ms with as many decimals as its step needs: "0 ms", "150 ms", "0.25 ms". */
export function msLabel(t: SimTime, step: SimTime): string {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step / NS_PER_MS) - 1e-9));
  return translate('units.ms', { value: (t / NS_PER_MS).toFixed(decimals) });
}

/** Where `t` (ns since the load's start) lies on the axis, 0 … 1. */
export function axisFraction(axis: WaterfallAxis, t: SimTime): number {
  return Math.min(1, Math.max(0, t / axis.end));
}

/** How a tick's label is anchored at its place: the first from its start, one in the axis's last tenth by its end (so neither runs past the axis), the rest by their middle. */
export function tickAnchor(axis: WaterfallAxis, index: number): 'start' | 'middle' | 'end' {
  if (index === 0) return 'start';
  return axisFraction(axis, axis.ticks[index]!.t) > 0.9 ? 'end' : 'middle';
}
