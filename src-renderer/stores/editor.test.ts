import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { addNode, BASIC_PRESETS } from '../../src-core/editor/add-node';
import { lessonText } from '../testing/lessons';
import { useEditorStore } from './editor';
import { useScenarioStore } from './scenario';

beforeEach(() => setActivePinia(createPinia()));

function openLesson() {
  const scenario = useScenarioStore();
  scenario.load({ path: null, name: 'dns-iterative.l7.json', text: lessonText('dns-iterative') }, 'dns-iterative');
  return { scenario, editor: useEditorStore() };
}

describe('editor store', () => {
  it('applies a command to the document the text holds, as one undoable step', () => {
    const { scenario, editor } = openLesson();
    const original = scenario.text;
    expect(editor.apply('add a router', (doc) => addNode(doc, BASIC_PRESETS[1]!, { x: 0, y: 0 }).doc)).toBe(true);
    expect(scenario.text).toContain('"router2"');
    expect(scenario.scenario).not.toBeNull();
    expect(editor.next.undo).toBe('add a router');
    expect(editor.undo()).toBe(true);
    expect(scenario.text).toBe(original);
    expect(editor.redo()).toBe(true);
    expect(scenario.text).toContain('"router2"');
  });

  it('records nothing for a command that changes nothing, and edits nothing when the text is not a scenario object', () => {
    const { scenario, editor } = openLesson();
    expect(editor.apply('nothing', (doc) => doc)).toBe(false);
    expect(editor.next.undo).toBeNull();
    scenario.setText('{ not json');
    expect(editor.doc).toBeNull();
    expect(editor.apply('add', (doc) => addNode(doc, BASIC_PRESETS[0]!, { x: 0, y: 0 }).doc)).toBe(false);
  });

  it('reverts a changed lesson in one step that can itself be undone; a new document starts a new history', () => {
    const { scenario, editor } = openLesson();
    const original = scenario.text;
    expect(editor.revertToLesson()).toBe(false); // nothing changed
    editor.apply('add', (doc) => addNode(doc, BASIC_PRESETS[0]!, { x: 0, y: 0 }).doc);
    const edited = scenario.text;
    expect(editor.revertToLesson()).toBe(true);
    expect(scenario.text).toBe(original);
    expect(editor.undo()).toBe(true);
    expect(scenario.text).toBe(edited);
    scenario.newDocument();
    expect(editor.next).toEqual({ undo: null, redo: null });
  });
});
