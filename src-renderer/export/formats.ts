/**
 * What the export dialog can write, and the file each choice makes. One
 * function per format builds the bytes or text from the stores; `runExport`
 * hands them to the host (Electron: a save dialog; web: a download).
 *
 * Names: "<scenario>.chart.svg", "<scenario>.chart.png", "<scenario>.trace.json",
 * "<scenario>.pcapng", and the scenario under its own name.
 */
import { fileLocation, type L7Host, type SavedFile } from '../../src-core/api/contract';
import type { ChartLayout } from '../../src-core/chart/layout';
import { computeAnnotations } from '../../src-core/chart/annotations';
import { chartToSvg, type TimeRange } from '../../src-core/chart/svg';
import { GENERATOR } from '../../src-core/scenario/runner';
import { traceToJson } from '../../src-core/trace/json';
import { traceToPcapng } from '../../src-core/trace/pcapng';
import { t } from '../i18n/translate';
import { useChartViewStore } from '../stores/chart-view';
import { useRunStore } from '../stores/run';
import { useScenarioStore } from '../stores/scenario';
import { chartPaneView } from '../chart/chart-state';
import { exportChartPng } from '../chart/export-png';

export type ExportFormat = 'chart-png' | 'chart-svg' | 'trace-json' | 'pcapng' | 'scenario';
export type ChartScope = 'whole' | 'visible';

export interface ExportChoice {
  readonly format: ExportFormat;
  /** Chart formats only. */
  readonly scope: ChartScope;
  /** The visible time range, when scope is "visible". */
  readonly range: TimeRange | null;
}

export interface FormatInfo {
  readonly format: ExportFormat;
  readonly label: string;
  readonly detail: string;
  readonly chart: boolean;
}

/** A format whose words are read from the catalogue when shown (so they follow the language). */
function formatInfo(format: ExportFormat, words: 'chartPng' | 'chartSvg' | 'traceJson' | 'pcapng' | 'scenario', chart: boolean): FormatInfo {
  return {
    format,
    chart,
    get label() {
      return t(`exportDialog.formats.${words}.label`);
    },
    get detail() {
      return t(`exportDialog.formats.${words}.detail`);
    },
  };
}

export const FORMATS: readonly FormatInfo[] = [
  formatInfo('chart-png', 'chartPng', true),
  formatInfo('chart-svg', 'chartSvg', true),
  formatInfo('trace-json', 'traceJson', false),
  formatInfo('pcapng', 'pcapng', false),
  formatInfo('scenario', 'scenario', false),
];

/** Why a format cannot be exported now, or null when it can. */
export function unavailableReason(format: ExportFormat): string | null {
  const run = useRunStore();
  if (format === 'scenario') return null;
  if (run.running) return t('exportDialog.unavailable.running');
  if (run.eventCount === 0) return t('exportDialog.unavailable.noRun');
  if (format === 'pcapng' && !run.trace.events.some((e) => e.kind === 'message' && e.layer === 'transport')) {
    return t('exportDialog.unavailable.noPackets');
  }
  return null;
}

function baseName(): string {
  return useScenarioStore().name.replace(/(\.l7)?\.json$/i, '') || 'scenario';
}

function chartTitle(range: TimeRange | null): string {
  const run = useRunStore();
  const name = run.scenarioName || useScenarioStore().name;
  const ms = (ns: number) => (ns / 1e6).toFixed(3);
  return range ? t('exportDialog.chartTitle', { name, from: ms(range.t0), to: ms(range.t1) }) : name;
}

function currentLayout() {
  const view = useChartViewStore();
  if (view.layout === null) view.computeLayout();
  if (view.layout === null) throw new Error(t('exportDialog.noChart'));
  return view.layout;
}

export function buildSvg(choice: ExportChoice): string {
  const run = useRunStore();
  const layout = currentLayout();
  const range = choice.scope === 'visible' ? choice.range : null;
  const annotations = computeAnnotations(layout, run.trace.events, run.trace.metrics);
  return chartToSvg(layout, { title: chartTitle(range), range, annotations, theme: 'light' });
}

export function buildTraceJson(): string {
  const run = useRunStore();
  return traceToJson({
    header: {
      generator: GENERATOR,
      scenario: run.scenarioName,
      seed: run.seed ?? 0,
      endTime: run.summary?.endTime ?? run.progress?.simTime ?? 0,
      stopReason: run.summary?.stopReason ?? 'cancelled',
    },
    nodes: run.nodes,
    events: run.trace.events,
    metrics: run.trace.metrics,
  });
}

/** The time range the chart pane shows, or null when it shows no chart. */
export function visibleTimeRange(layout: ChartLayout | null): TimeRange | null {
  if (layout === null || chartPaneView.bodyHeight <= 0) return null;
  const t0 = Math.max(0, layout.scale.t(chartPaneView.top));
  const t1 = layout.scale.t(chartPaneView.top + chartPaneView.bodyHeight);
  return t1 > t0 ? { t0, t1 } : null;
}

const savedName = (file: SavedFile | null) => (file === null ? null : fileLocation(file));

/** Writes the file(s) for `choice`; says what was written, or null when the user cancelled the save dialog. */
export async function runExport(host: L7Host, choice: ExportChoice): Promise<string | null> {
  const reason = unavailableReason(choice.format);
  if (reason !== null) throw new Error(reason);
  const base = baseName();
  const suffix = choice.scope === 'visible' && choice.range ? '-part' : '';
  switch (choice.format) {
    case 'chart-svg':
      return savedName(await host.exportFile({ kind: 'svg', suggestedName: `${base}${suffix}.chart.svg`, data: buildSvg(choice) }));
    case 'chart-png': {
      // The chart's own exporter: the on-screen painter on an offscreen canvas, split into pages if tall.
      currentLayout();
      const result = await exportChartPng({ range: choice.scope === 'visible' ? 'visible' : 'all' });
      if (result === null) throw new Error(t('exportDialog.noChart'));
      const first = result.saved[0];
      if (!first) return null;
      return result.pages > 1 ? `${result.saved.length} of ${result.pages} pages, ${savedName(first)} …` : savedName(first);
    }
    case 'trace-json':
      return savedName(await host.exportFile({ kind: 'json', suggestedName: `${base}.trace.json`, data: buildTraceJson() }));
    case 'pcapng':
      return savedName(await host.exportFile({ kind: 'pcapng', suggestedName: `${base}.pcapng`, data: traceToPcapng(useRunStore().trace.events) }));
    case 'scenario': {
      const scenario = useScenarioStore();
      // A copy: the document keeps its own path and saved state.
      return savedName(await host.saveFile({ path: null, suggestedName: scenario.name, text: scenario.text }));
    }
  }
}
