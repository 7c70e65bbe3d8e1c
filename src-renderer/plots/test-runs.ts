/** Built-in lessons run to their end, as plot input, once per test file (tests only). */
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { lessonText } from '../testing/lessons';
import type { PlotInput } from './trace-series';

const cache = new Map<string, PlotInput>();

export function lessonRun(id: string): PlotInput {
  const known = cache.get(id);
  if (known) return known;
  const loaded = parseScenarioText(lessonText(id));
  if (!loaded.ok) throw new Error(`lesson ${id} does not load`);
  const trace = runScenario(loaded.scenario).trace();
  const input: PlotInput = { events: trace.events, metrics: trace.metrics, nodes: trace.nodes, endTime: trace.header.endTime };
  cache.set(id, input);
  return input;
}
