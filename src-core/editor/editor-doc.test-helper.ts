/** Documents for the editor commands' tests: the iterative DNS lesson as its file holds it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EditorDoc } from './doc';

export function lessonDocForTest(id: string): EditorDoc {
  return JSON.parse(readFileSync(join(__dirname, `../../resources/lessons/${id}.l7.json`), 'utf8')) as EditorDoc;
}

/** A deep copy to compare against after a command: commands never mutate their input. */
export const frozenCopyForTest = (doc: EditorDoc): EditorDoc => structuredClone(doc);
