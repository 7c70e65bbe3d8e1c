import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import { chartPalette, legendFor } from './colors';
import { DEFAULT_LAYOUT, layoutChart } from './layout';
import { chartToSvg, SVG_HEADER_HEIGHT, SVG_TITLE_HEIGHT } from './svg';
import { titleBand, titleLegendEntries } from './svg-legend';

function lessonLayout(name: string, showTransport: boolean) {
  const loaded = parseScenarioText(readFileSync(join(__dirname, '../../resources/lessons', name), 'utf8'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const trace = runScenario(loaded.scenario).trace();
  return layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, showTransport, endTime: trace.header.endTime });
}

/** The title-band legend's entries as drawn: [stroke colour, protocol name]. */
function titleLegend(svg: string): [string, string][] {
  const group = /<g class="title-legend"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
  const strokes = [...group.matchAll(/<line [^>]*stroke="([^"]+)"/g)].map((m) => m[1]!);
  const names = [...group.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  expect(strokes.length).toBe(names.length);
  return strokes.map((s, i) => [s, names[i]!]);
}

describe('the title band of the SVG export (the PNG export’s legend)', () => {
  it('names every protocol the chart draws, in legend order and colour, as the PNG’s title band does', () => {
    const layout = lessonLayout('dns-tcp-fallback.l7.json', true);
    const drawn = new Set(layout.arrows.map((a) => a.protocol));
    expect(drawn.size).toBeGreaterThanOrEqual(2);
    for (const theme of ['light', 'dark'] as const) {
      const svg = chartToSvg(layout, { title: 'DNS over TCP', theme });
      // paint-header.ts paintTitle draws legendFor(chartAux(layout).protocols), chartAux's protocols being those of layout.arrows
      expect(titleLegend(svg)).toEqual(legendFor(drawn, theme).map((e) => [e.color, e.protocol]));
    }
  });

  it('lists the whole chart’s protocols even for a time range, as the PNG does', () => {
    const layout = lessonLayout('sockets-tcp.l7.json', true);
    const svg = chartToSvg(layout, { title: 'part', range: { t0: 0, t1: 1 } });
    expect(titleLegend(svg).map(([, name]) => name)).toEqual(titleLegendEntries(layout, 'light').map((e) => e.protocol));
  });

  it('wraps entries that do not fit onto rows of their own, and moves the lanes header down below them', () => {
    const entries = legendFor(['dns', 'http', 'smtp', 'tcp', 'udp', 'sockets'], 'light');
    const colors = chartPalette('light');
    const one = titleBand('T', entries, 2000, colors);
    expect(one.height).toBe(SVG_TITLE_HEIGHT);
    const narrow = titleBand('A rather long scenario title for a narrow chart', entries, 360, colors);
    expect(narrow.height).toBeGreaterThan(SVG_TITLE_HEIGHT);
    const ys = [...narrow.svg.join('\n').matchAll(/<line [^>]*y1="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(new Set(ys).size).toBeGreaterThan(1);
    for (const y of ys) expect(y + 9).toBeLessThanOrEqual(narrow.height);
    const xs = [...narrow.svg.join('\n').matchAll(/<line x1="([\d.]+)"[^>]*x2="([\d.]+)"/g)].map((m) => Number(m[2]));
    for (const x of xs) expect(x).toBeLessThanOrEqual(360 - 12);
  });

  it('puts the lanes header right under the title band', () => {
    const layout = lessonLayout('sockets-udp.l7.json', false);
    const svg = chartToSvg(layout, { title: 'UDP' });
    const header = /<g class="lanes-header">\n<rect x="0" y="([\d.]+)" width="100%" height="(\d+)"/.exec(svg);
    expect(Number(header?.[1])).toBe(SVG_TITLE_HEIGHT);
    expect(Number(header?.[2])).toBe(SVG_HEADER_HEIGHT);
  });
});
