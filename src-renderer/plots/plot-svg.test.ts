import { describe, expect, it } from 'vitest';
import { checkXml } from '../../src-core/chart/xml-check.test-helper';
import { plotPalette } from './plot-colors';
import type { PlotSpec } from './plot-spec';
import { plotToSvg } from './plot-svg';
import { lessonRun } from './test-runs';
import { plotsOfTrace } from './trace-series';

const sweep: PlotSpec = {
  id: 'sweep',
  title: 'Page load <time> & "RTTs"',
  x: { label: 'Objects', unit: 'count' },
  yAxes: [{ label: 'Page load time', unit: 's' }],
  fromZero: true,
  series: [
    { label: 'measured', unit: 's', x: [1, 2, 4], y: [0.03, 0.05, 0.09], style: 'points' },
    { label: 'formula (1 + n) · 2 RTT', unit: 's', x: [0, 1, 2], y: [0.01, null, 0.05], style: 'line' },
  ],
};

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('plotToSvg', () => {
  it('writes a well-formed document with the title and every series escaped', () => {
    const { svg, width, height } = plotToSvg(sweep, { theme: 'light' });
    expect(checkXml(svg).root).toBe('svg');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    expect(svg).toContain(`width="${width}" height="${height}"`);
    expect(texts(svg)).toContain('Page load &lt;time&gt; &amp; &quot;RTTs&quot;');
    expect(texts(svg)).toEqual(expect.arrayContaining(['measured', 'formula (1 + n) · 2 RTT', 'Objects', 'Page load time (ms)']));
  });

  it('draws points as circles and a line broken at its null into separate runs', () => {
    const { svg } = plotToSvg(sweep, { theme: 'dark' });
    expect(svg.match(/<circle /g)).toHaveLength(3 + 1); // the three points and the legend's swatch
    const line = /<path d="([^"]*)"[^>]*><title>formula/.exec(svg)![1]!;
    expect(line.match(/M/g)).toHaveLength(2);
    expect(line).not.toContain('L');
    expect(svg).toContain(plotPalette('dark').background);
  });

  it('draws steps as horizontal then vertical moves, with a right axis for a second unit', () => {
    const plot = plotsOfTrace(lessonRun('transport-bulk')).find((p) => p.id.startsWith('link '))!;
    const { svg } = plotToSvg(plot, { theme: 'light' });
    expect(checkXml(svg).root).toBe('svg');
    for (const s of plot.series) expect(svg).toContain(`<title>${s.label}</title>`);
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+H[\d.]+V[\d.]+/);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Utilisation (%)', 'Simulated time (s)']));
    expect(texts(svg).some((t) => /^Queueing delay \((ms|s)\)$/.test(t))).toBe(true);
  });

  it('shows a zoomed x range: its ticks lie inside it', () => {
    const { svg } = plotToSvg(sweep, { theme: 'light', xRange: [1, 2] });
    const xTicks = [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+" text-anchor="middle">([\d.]+)<\/text>/g)].map((m) => Number(m[1]));
    expect(xTicks.length).toBeGreaterThan(1);
    for (const v of xTicks) expect(v >= 1 && v <= 2).toBe(true);
  });
});
