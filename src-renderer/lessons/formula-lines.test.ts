import { describe, expect, it } from 'vitest';
import { evaluateGuideFormula } from '../../src-core/lessons/formula-result';
import { validateScenario } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { specProblem } from '../plots/plot-spec';
import { plotsOfTrace } from '../plots/trace-series';
import { createTraceArrays, mergeBatch } from '../trace/merge-batch';
import { lessonText } from '../testing/lessons';
import { withFormulaLines } from './formula-lines';

describe('the course\'s formula on the run\'s plots', () => {
  it('draws the access link\'s utilisation formula as a level line on that link\'s plot', () => {
    const loaded = validateScenario(JSON.parse(lessonText('http-access-link')));
    if (!loaded.ok) throw new Error('lesson');
    const trace = runScenario(loaded.scenario).trace();
    const arrays = createTraceArrays();
    mergeBatch(arrays, { events: trace.events, updates: [], metrics: trace.metrics });
    const plots = plotsOfTrace({ ...arrays, nodes: trace.nodes, endTime: trace.header.endTime });
    const results = loaded.scenario.guide!.formulas.map((f) => evaluateGuideFormula(f, loaded.scenario, trace));
    const drawn = withFormulaLines(plots, results, trace.metrics, (title) => `Formula: ${title}`);
    const link = drawn.find((p) => p.id === 'link access, isp → campus')!;
    const lines = link.series.filter((s) => s.label.startsWith('Formula: '));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    const utilisation = results.find((r) => r.formula.id === 'utilisation')!;
    expect(lines[0]!.y).toEqual([utilisation.computed, utilisation.computed]);
    expect(specProblem(link)).toBeNull();
    // plots a formula is not about are left as they were
    expect(drawn.filter((p) => p.id !== link.id)).toEqual(plots.filter((p) => p.id !== link.id));
  });
});
