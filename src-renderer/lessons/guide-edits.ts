/**
 * The guide editor's changes as pure functions of the scenario file's value
 * (each one editor step: stores/editor.ts `apply`). The guide stays in the
 * file's own shape: fields the editor does not show (formulas, sweeps, the
 * prediction) are kept as they are.
 */
import type { EditorDoc } from '../../src-core/editor/doc';
import { getAt, setAt, type JsonPath } from '../../src-core/editor/json-path';
import type { GuideInput, TraceQueryInput } from '../../src-core/lessons/guide-schema';

type Doc = EditorDoc & { guide?: GuideInput };

export function guideOf(doc: EditorDoc): GuideInput | undefined {
  return (doc as Doc).guide;
}

/** A first guide: a summary to replace, nothing else. */
export function addGuide(doc: EditorDoc, summary: string): EditorDoc {
  return guideOf(doc) === undefined ? setAt(doc, ['guide'], { summary, steps: [], lookFor: [], tryThis: [] }) : doc;
}

export function setGuideField(doc: EditorDoc, path: JsonPath, value: unknown): EditorDoc {
  return getAt(doc, ['guide', ...path]) === value ? doc : setAt(doc, ['guide', ...path], value);
}

function list<T>(doc: EditorDoc, key: 'steps' | 'tryThis'): T[] {
  return [...((guideOf(doc)?.[key] as T[] | undefined) ?? [])];
}

export function addStep(doc: EditorDoc, text: string, at: TraceQueryInput, index?: number): EditorDoc {
  const steps = list<unknown>(doc, 'steps');
  steps.splice(index ?? steps.length, 0, { text, at });
  return setAt(doc, ['guide', 'steps'], steps);
}

export function moveItem(doc: EditorDoc, key: 'steps' | 'tryThis', from: number, to: number): EditorDoc {
  const items = list<unknown>(doc, key);
  if (to < 0 || to >= items.length || from === to) return doc;
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item);
  return setAt(doc, ['guide', key], items);
}

export function removeItem(doc: EditorDoc, key: 'steps' | 'tryThis', index: number): EditorDoc {
  const items = list<unknown>(doc, key);
  if (index < 0 || index >= items.length) return doc;
  items.splice(index, 1);
  return setAt(doc, ['guide', key], items);
}

export function addTry(doc: EditorDoc, text: string): EditorDoc {
  return setAt(doc, ['guide', 'tryThis'], [...list<unknown>(doc, 'tryThis'), { text }]);
}

/** One line per item; blank lines dropped. */
export function setLookFor(doc: EditorDoc, text: string): EditorDoc {
  const items = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return setGuideField(doc, ['lookFor'], items);
}

/** A query field set, or removed when emptied (an absent field matches anything). */
export function setQueryField(doc: EditorDoc, step: number, key: keyof TraceQueryInput, value: string | number | undefined): EditorDoc {
  const empty = value === undefined || value === '';
  return setAt(doc, ['guide', 'steps', step, 'at', key], empty ? undefined : value);
}
