/// <reference types="vite/client" />
/**
 * Test helper: the built-in lessons as their files hold them (bundled by
 * vitest's import.meta.glob, so this stays free of Node's file system like
 * the rest of src-core), loaded, and run.
 */
import { parseScenarioText, type Scenario } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import type { RunRecord } from './measure';

const TEXTS = import.meta.glob<string>('../../resources/lessons/*.l7.json', { query: '?raw', import: 'default', eager: true });
const idOf = (path: string) => path.replace(/^.*\//, '').replace(/\.l7\.json$/, '');

/** Every built-in lesson's id, sorted. */
export const LESSON_IDS_FOR_TEST: readonly string[] = Object.keys(TEXTS).map(idOf).sort();

export function lessonTextForTest(id: string): string {
  const text = TEXTS[`../../resources/lessons/${id}.l7.json`];
  if (text === undefined) throw new Error(`no lesson ${id}`);
  return text;
}

export function loadLessonForTest(id: string): { input: unknown; scenario: Scenario; run: () => RunRecord } {
  const text = lessonTextForTest(id);
  const loaded = parseScenarioText(text);
  if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.issues)}`);
  const scenario = loaded.scenario;
  return { input: JSON.parse(text) as unknown, scenario, run: () => runScenario(scenario).trace() };
}
