/**
 * The files a plot exports to: "<scenario>-<plot>.png|svg|csv", the plot's
 * part from its id (lower case, runs of anything but letters and digits as
 * one "-"), so "link access, isp → campus" gives "…-link-access-isp-campus.svg".
 */
import type { ExportKind } from '../../src-core/api/contract';

export type PlotExportKind = Extract<ExportKind, 'png' | 'svg' | 'csv'>;

export const PLOT_EXPORT_KINDS: readonly PlotExportKind[] = ['png', 'svg', 'csv'];

export function plotFileName(scenarioFile: string, plotId: string, kind: PlotExportKind): string {
  const base = scenarioFile.replace(/(\.l7)?\.json$/i, '') || 'plot';
  const part = plotId.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'plot';
  return `${base}-${part}.${kind}`;
}
