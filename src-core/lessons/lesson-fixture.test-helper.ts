// Test helper: a built-in lesson's file value, loaded scenario and run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText, type Scenario } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import type { RunRecord } from './measure';

export function lessonTextForTest(id: string): string {
  return readFileSync(join(__dirname, '../../resources/lessons', `${id}.l7.json`), 'utf8');
}

export function loadLessonForTest(id: string): { input: unknown; scenario: Scenario; run: () => RunRecord } {
  const text = lessonTextForTest(id);
  const loaded = parseScenarioText(text);
  if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.issues)}`);
  const scenario = loaded.scenario;
  return { input: JSON.parse(text) as unknown, scenario, run: () => runScenario(scenario).trace() };
}
