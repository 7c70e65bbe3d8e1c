/**
 * A plot's values as CSV (RFC 4180): a header line, then one record per x
 * value of the aligned columns (aligned.ts) — the x column, then one column
 * per series in the spec's order. The header names each column with its
 * unit as the values are written ("Simulated time (s)", "utilisation
 * (ratio)"): values are the spec's own numbers at full precision, never the
 * display units, so a spreadsheet computes with them. A series with no
 * value at an x leaves its field empty. Records end in CRLF (§2.1); a field
 * with a comma, a double quote, CR or LF is quoted, its quotes doubled (§2.6, §2.7).
 */
import { alignSeries } from './aligned';
import type { PlotSpec } from './plot-spec';

/** One field, quoted when it has to be. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const numberField = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(v));

export function plotToCsv(spec: PlotSpec): string {
  const { x, y } = alignSeries(spec);
  const header = [`${spec.x.label} (${spec.x.unit})`, ...spec.series.map((s) => `${s.label} (${s.unit})`)];
  const lines = [header.map(csvField).join(',')];
  for (let row = 0; row < x.length; row++) lines.push([numberField(x[row]), ...y.map((column) => numberField(column[row]))].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
