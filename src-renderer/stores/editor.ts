/**
 * The topology editor's state: the pane's mode (Run shows the network and
 * animates playback; Edit lets it be changed), what is selected on the
 * canvas, the in-app clipboard, and the undo history (editor/history.ts).
 *
 * The scenario store's text stays the single source of truth: `apply` reads
 * the document from it, runs one editor command (src-core/editor: pure
 * functions of the document), writes the result back as text and records
 * the step. A text that is not a JSON object cannot be edited on the canvas
 * (the Source tab and the issues list say what is wrong with it).
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { EditorDoc, EditorLink, EditorNode } from '../../src-core/editor/doc';
import { readJson } from '../../src-core/scenario/json-text';
import { EditHistory } from '../editor/history';
import { documentText } from '../editor/document-text';
import { useScenarioStore } from './scenario';
import { t } from '../i18n/translate';

export type PaneMode = 'run' | 'edit';

export const useEditorStore = defineStore('editor', () => {
  const scenario = useScenarioStore();
  const mode = ref<PaneMode>('run');
  /** Ids of the nodes and links selected on the canvas. */
  const selected = shallowRef<ReadonlySet<string>>(new Set());
  const clipboard = shallowRef<{ nodes: readonly EditorNode[]; links: readonly EditorLink[] } | null>(null);
  const history = new EditHistory();
  /** Bumped on every step, undo and redo, so views of the history update. */
  const steps = ref(0);

  /** The document the text holds, or null when it is not a JSON object with nodes and links. */
  function readDoc(): EditorDoc | null {
    const read = readJson(scenario.text);
    if (!read.ok) return null;
    const value = read.doc.value as Partial<EditorDoc> | null;
    return value !== null && typeof value === 'object' && Array.isArray(value.nodes) && Array.isArray(value.links) && Array.isArray(value.workload)
      ? (value as EditorDoc)
      : null;
  }

  const doc = computed(() => readDoc());

  /**
   * One editor step: `command` turns the document into the next (or returns
   * null, or the same document, for "nothing to do"). Returns whether the
   * document changed.
   */
  function apply(label: string, command: (doc: EditorDoc) => EditorDoc | null): boolean {
    const current = readDoc();
    if (current === null) return false;
    const next = command(current);
    if (next === null || next === current) return false;
    const before = scenario.text;
    const after = documentText(next);
    if (after === before) return false;
    scenario.setText(after);
    history.record({ label, before, after });
    steps.value++;
    return true;
  }

  /**
   * "Revert to lesson": the text the lesson opened with, as one step (so the
   * revert itself can be undone). Only for a lesson with changes.
   */
  function revertToLesson(): boolean {
    if (scenario.lessonId === null || !scenario.dirty) return false;
    const before = scenario.text;
    scenario.setText(scenario.savedText);
    history.record({ label: t('editor.edits.revert'), before, after: scenario.savedText });
    steps.value++;
    return true;
  }

  function undo(): boolean {
    const step = history.undo(scenario.text);
    steps.value++;
    if (!step) return false;
    scenario.setText(step.before);
    return true;
  }

  function redo(): boolean {
    const step = history.redo(scenario.text);
    steps.value++;
    if (!step) return false;
    scenario.setText(step.after);
    return true;
  }

  /** The labels of the next undo and redo (null: nothing to undo or redo). */
  const next = computed(() => {
    void steps.value;
    return history.next(scenario.text);
  });

  function select(ids: Iterable<string>): void {
    selected.value = new Set(ids);
  }

  function setMode(next: PaneMode): void {
    mode.value = next;
    if (next === 'run') selected.value = new Set();
  }

  /** A new document (opened, new, a lesson): its history starts empty. */
  function forgetHistory(): void {
    history.clear();
    selected.value = new Set();
    steps.value++;
  }

  watch(() => scenario.generation, forgetHistory);

  return { mode, selected, clipboard, doc, next, apply, revertToLesson, undo, redo, select, setMode, forgetHistory, readDoc };
});
