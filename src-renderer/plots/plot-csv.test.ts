import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parse.test-helper';
import { csvField, plotToCsv } from './plot-csv';
import type { PlotSpec } from './plot-spec';
import { lessonRun } from './test-runs';
import { plotsOfTrace } from './trace-series';

const sweep: PlotSpec = {
  id: 'sweep',
  title: 'Page load time',
  x: { label: 'Objects', unit: 'count' },
  yAxes: [{ label: 'Time', unit: 's' }],
  series: [
    { label: 'measured, "persistent"', unit: 's', x: [1, 4], y: [0.012345678901, 0.05], style: 'points' },
    { label: 'formula (1 + n) · 2 RTT', unit: 's', x: [0, 1, 2, 4], y: [0.01, 0.02, null, 0.05], style: 'line' },
  ],
};

describe('plotToCsv', () => {
  it('writes a header with units, then the aligned values at full precision, empty where a series has none', () => {
    const csv = plotToCsv(sweep);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['Objects (count)', 'measured, "persistent" (s)', 'formula (1 + n) · 2 RTT (s)'],
      ['0', '', '0.01'],
      ['1', '0.012345678901', '0.02'],
      ['2', '', ''],
      ['4', '0.05', '0.05'],
    ]);
  });

  it('quotes only fields that need it (RFC 4180 §2.6–2.7)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('parses back to the same numbers for every plot of a lesson’s run', () => {
    for (const spec of plotsOfTrace(lessonRun('http-access-link'))) {
      const [header, ...rows] = parseCsv(plotToCsv(spec));
      expect(header).toHaveLength(spec.series.length + 1);
      expect(header![0]).toBe('Simulated time (s)');
      spec.series.forEach((s, i) => {
        expect(header![i + 1]).toBe(`${s.label} (${s.unit})`);
        const column = rows.map((r) => r[i + 1]!).filter((f) => f !== '');
        expect(column.map(Number)).toEqual(s.y);
      });
    }
  });
});
