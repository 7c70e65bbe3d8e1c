/**
 * The current document: a scenario file's text, where it came from, and what
 * the loader makes of it (a validated scenario, or issues with JSON path,
 * line and column). The text is the source of truth; it is parsed again on
 * every change. `dirty` compares it with the text last opened or saved.
 * A file that does not load cleanly never becomes the document: it is kept
 * apart as `refused` (its issues shown), and the document and its run stay.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { OpenedFile, SavedFile } from '../../src-core/api/contract';
import { parseScenarioText, type LoadResult, type Scenario, type ScenarioIssue } from '../../src-core/scenario/load';
import { NEW_FILE_NAME, NEW_SCENARIO_TEXT } from './new-scenario';

export const useScenarioStore = defineStore('scenario', () => {
  /** Display name, e.g. "sockets-tcp.l7.json". */
  const name = ref(NEW_FILE_NAME);
  /** Where it is saved (Electron); null for a new file, a lesson, or in the web host. */
  const path = ref<string | null>(null);
  /** The built-in lesson it was opened from, if any. */
  const lessonId = ref<string | null>(null);
  const text = ref(NEW_SCENARIO_TEXT);
  const savedText = ref(NEW_SCENARIO_TEXT);
  const scenario = shallowRef<Scenario | null>(null);
  const issues = shallowRef<readonly ScenarioIssue[]>([]);
  /** The file an Open turned down because it does not load cleanly, with its issues; null when none is. */
  const refused = shallowRef<{ readonly file: OpenedFile; readonly issues: readonly ScenarioIssue[] } | null>(null);
  /** Counts documents loaded, so views can reset (scroll, cursor) on a new one. */
  const generation = ref(0);

  const dirty = computed(() => text.value !== savedText.value);
  const valid = computed(() => scenario.value !== null);
  /** The scenario's own name when it has one, else the file name. */
  const title = computed(() => scenario.value?.name ?? name.value);

  function parse(result: LoadResult = parseScenarioText(text.value)): void {
    scenario.value = result.ok ? markRaw(result.scenario) : null;
    issues.value = result.ok ? [] : markRaw(result.issues);
  }

  /** `parsed`: what the loader made of `file.text` already (Open checks it first), so that a big file is not parsed twice. */
  function load(file: OpenedFile, fromLesson: string | null = null, parsed?: LoadResult): void {
    name.value = file.name;
    path.value = file.path;
    lessonId.value = fromLesson;
    text.value = file.text;
    savedText.value = file.text;
    refused.value = null;
    generation.value++;
    parse(parsed);
  }

  function newDocument(): void {
    load({ path: null, name: NEW_FILE_NAME, text: NEW_SCENARIO_TEXT });
  }

  /** Keeps `file` apart, with the issues that kept it from loading; the document is unchanged. */
  function refuse(file: OpenedFile, fileIssues: readonly ScenarioIssue[]): void {
    refused.value = markRaw({ file, issues: markRaw([...fileIssues]) });
  }

  function dismissRefused(): void {
    refused.value = null;
  }

  function setText(next: string): void {
    if (next === text.value) return;
    text.value = next;
    parse();
  }

  function markSaved(saved: SavedFile, savedAs: string): void {
    name.value = saved.name;
    path.value = saved.path;
    savedText.value = savedAs;
    if (saved.path !== null) lessonId.value = null;
  }

  parse();

  return { name, path, lessonId, text, savedText, scenario, issues, refused, generation, dirty, valid, title, load, newDocument, refuse, dismissRefused, setText, markSaved };
});
