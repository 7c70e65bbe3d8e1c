/**
 * A plot's series on one shared x column, as uPlot draws them and the CSV
 * lists them: the ascending union of every series' x values; a series has
 * its y where it has that x, `undefined` where it has no point there (uPlot
 * draws across it: not a gap) and null where its own y is null (a gap).
 * Equal x values within one series are kept as separate rows (a step up and
 * down at one moment).
 */
import type { PlotSpec } from './plot-spec';

export interface AlignedColumns {
  readonly x: readonly number[];
  /** One column per series, in the spec's order, each as long as `x`. */
  readonly y: readonly (readonly (number | null | undefined)[])[];
}

export function alignSeries(spec: PlotSpec): AlignedColumns {
  // every series' points, merged in x order; a point's row is shared with other series' points at that x
  const rows: number[] = [];
  const cursors = spec.series.map(() => 0);
  const columns: (number | null | undefined)[][] = spec.series.map(() => []);
  for (;;) {
    let next = Infinity;
    spec.series.forEach((s, i) => {
      if (cursors[i]! < s.x.length) next = Math.min(next, s.x[cursors[i]!]!);
    });
    if (next === Infinity) break;
    rows.push(next);
    spec.series.forEach((s, i) => {
      const at = cursors[i]!;
      if (at < s.x.length && s.x[at] === next) {
        columns[i]!.push(s.y[at]!);
        cursors[i] = at + 1;
      } else columns[i]!.push(undefined);
    });
  }
  return { x: rows, y: columns };
}
