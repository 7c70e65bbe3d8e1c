import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import { DEFAULT_LAYOUT, layoutChart } from './layout';
import { chartToSvg } from './svg';

describe('state marks in the SVG export', () => {
  it('writes each mark with its summary, escaped, and the full text as its title', () => {
    const loaded = parseScenarioText(readFileSync(join(__dirname, '../../resources/lessons/dns-stale-cache.l7.json'), 'utf8'));
    if (!loaded.ok) throw new Error('lesson does not load');
    const trace = runScenario(loaded.scenario).trace();
    const layout = layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, showTransport: false, endTime: trace.header.endTime, compressGapsOver: 50_000_000 });
    const svg = chartToSvg(layout, { title: 'stale' });
    expect(svg.match(/<g class="state">/g)).toHaveLength(layout.marks.length);
    expect(svg).toContain('<title>zone example.com edited: www.example.com A now 192.0.2.80 (TTL 30 s) (serial 2026112202)</title>');
    expect(svg).toContain('font-style="italic"');
  });
});
