/** The HTTP lessons' traces and their page loads, run once per test file (tests only). */
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import type { TraceEvent } from '../../src-core/trace/types';
import { lessonText } from '../testing/lessons';
import { pageLoadsOf, type PageLoad } from './page-loads';

export interface LessonLoads {
  readonly events: readonly TraceEvent[];
  readonly loads: readonly PageLoad[];
  readonly pageLoadTimes: readonly number[];
}

const cache = new Map<string, LessonLoads>();

export function lessonLoads(id: 'http-non-persistent' | 'http-persistent' | 'http-browser-cache'): LessonLoads {
  const known = cache.get(id);
  if (known) return known;
  const loaded = parseScenarioText(lessonText(id));
  if (!loaded.ok) throw new Error(`lesson ${id} does not load`);
  const trace = runScenario(loaded.scenario).trace();
  const result = {
    events: trace.events,
    loads: pageLoadsOf(trace.events),
    pageLoadTimes: trace.metrics.filter((m) => m.name === 'pageLoadTime').map((m) => m.value),
  };
  cache.set(id, result);
  return result;
}
