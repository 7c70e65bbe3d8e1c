import { describe, expect, it } from 'vitest';
import { setAt } from '../../src-core/editor/json-path';
import { validateScenario } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { lessonText } from '../testing/lessons';
import { compareCharts, type CompareRun } from './compare-charts';

function runOf(value: unknown): CompareRun {
  const loaded = validateScenario(value);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const trace = runScenario(loaded.scenario).trace();
  return { scenario: loaded.scenario, nodes: trace.nodes, events: trace.events, metrics: trace.metrics, endTime: trace.header.endTime };
}

/** The y of the time axis' tick labelled `label` in an SVG chart. */
function tickY(svg: string, label: string): number | null {
  const m = new RegExp(`<text[^>]*y="([\\d.]+)"[^>]*>${label.replace(/\./g, '\\.')}</text>`).exec(svg);
  return m ? Number(m[1]) : null;
}

describe('two runs charted on one time axis', () => {
  it('gives the same time the same height in both, even with idle gaps compressed differently', () => {
    const file = JSON.parse(lessonText('dns-iterative')) as unknown;
    const lesson = setAt(file, ['view', 'compressIdleGaps'], true);
    const a = runOf(lesson);
    const b = runOf(setAt(lesson, ['links', 2, 'delayMs'], 200)); // a longer first lookup
    const [ca, cb] = compareCharts([a, b], 'DNS', 'light');
    expect(ca!.headerY).toBe(cb!.headerY);
    for (const label of ['0 s', '100 ms', '400 ms']) {
      const ya = tickY(ca!.svg, label);
      expect(ya, label).not.toBeNull();
      expect(tickY(cb!.svg, label), label).toBe(ya);
    }
  });
});
