// Every built-in lesson exported as SVG, with and without transport
// messages and with its annotations: no text is cut short (none ends in
// "…": labels are whole, wrapped, or a marker "[n]" with footnote n), every
// marker has its footnote, and the lane header names every node drawn.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import { computeAnnotations } from './annotations';
import { DEFAULT_LAYOUT, layoutChart } from './layout';
import { chartToSvg } from './svg';

const DIR = join(__dirname, '../../resources/lessons');
const LESSONS = readdirSync(DIR).filter((f) => f.endsWith('.l7.json')).sort();

const unescape = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/** Texts of all <text> elements (wrapped lines joined by spaces), unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>((?:[^<]|<\/?tspan[^>]*>)*)<\/text>/g)].map((m) =>
    unescape(m[1]!.includes('<tspan') ? [...m[1]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]!).join(' ') : m[1]!),
  );
}

describe('SVG of every built-in lesson', () => {
  it('finds the lessons', () => expect(LESSONS.length).toBeGreaterThan(10));

  for (const name of LESSONS) {
    it(`${name}: no text cut short, every marker footnoted, every node named in the lane header`, () => {
      const loaded = parseScenarioText(readFileSync(join(DIR, name), 'utf8'));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const trace = runScenario(loaded.scenario).trace();
      for (const showTransport of [false, true]) {
        const layout = layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, showTransport, endTime: trace.header.endTime, laneOrder: loaded.scenario.view.laneOrder });
        const svg = chartToSvg(layout, { title: loaded.scenario.name, annotations: computeAnnotations(layout, trace.events, trace.metrics) });
        const all = texts(svg);
        expect(all.filter((t) => t.trimEnd().endsWith('…')), `${name}, transport ${showTransport}`).toEqual([]);
        const notes = all.filter((t) => /^\[\d+\] /.test(t)).map((t) => t.slice(0, t.indexOf(' ')));
        for (const marker of all.filter((t) => /^\[\d+\]$/.test(t))) expect(notes).toContain(marker);
        const header = texts(svg.slice(svg.indexOf('<g class="lanes-header">'), svg.indexOf('</g>', svg.indexOf('<g class="lanes-header">'))));
        expect(layout.lanes.length).toBeGreaterThan(1);
        for (const lane of layout.lanes) expect(header).toContain(lane.node.name);
      }
    });
  }
});
