/**
 * Saves a plot through the host (Electron: a save dialog; web: a download):
 * SVG as plot-svg.ts writes it, PNG as that SVG rasterised at EXPORT_SCALE×
 * (the waterfall's rasterise: crisp text and lines, and the same picture as
 * the SVG), CSV as plot-csv.ts writes it. SVG and PNG show the x range on
 * screen (a zoom); CSV always has every value.
 */
import type { SavedFile } from '../../src-core/api/contract';
import type { ChartTheme } from '../../src-core/chart/colors';
import { EXPORT_SCALE } from '../chart/export-png';
import { getHost } from '../host';
import { rasterise } from '../waterfall/export-png';
import { plotToCsv } from './plot-csv';
import { plotFileName, type PlotExportKind } from './plot-files';
import type { PlotSpec } from './plot-spec';
import { plotToSvg } from './plot-svg';

export interface PlotExportRequest {
  readonly spec: PlotSpec;
  readonly kind: PlotExportKind;
  readonly theme: ChartTheme;
  /** The scenario's file name (the exported file's base). */
  readonly fileName: string;
  /** The x range shown, when zoomed. */
  readonly xRange: readonly [number, number] | null;
}

/** The file saved, or null when the user cancelled the save dialog. */
export async function exportPlot(request: PlotExportRequest): Promise<SavedFile | null> {
  const { spec, kind, theme } = request;
  const suggestedName = plotFileName(request.fileName, spec.id, kind);
  if (kind === 'csv') return getHost().exportFile({ kind, suggestedName, data: plotToCsv(spec) });
  const doc = plotToSvg(spec, { theme, ...(request.xRange ? { xRange: request.xRange } : {}) });
  const data = kind === 'svg' ? doc.svg : await rasterise(doc, EXPORT_SCALE);
  return getHost().exportFile({ kind, suggestedName, data });
}
