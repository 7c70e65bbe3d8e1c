/**
 * The workload kept in time order: after an action is added or its start
 * time edited, the actions are sorted by `atMs` (stable: actions at the same
 * time keep their order, which is the order they run in).
 */
import type { EditorDoc } from './doc';

export function sortWorkload(doc: EditorDoc): EditorDoc {
  const at = (a: EditorDoc['workload'][number]) => (typeof a.atMs === 'number' ? a.atMs : 0);
  const sorted = doc.workload.map((a, i) => ({ a, i })).sort((x, y) => at(x.a) - at(y.a) || x.i - y.i);
  return sorted.every((e, k) => e.i === k) ? doc : { ...doc, workload: sorted.map((e) => e.a) };
}

/** The workload without the action at `index`. */
export function deleteAction(doc: EditorDoc, index: number): EditorDoc {
  if (index < 0 || index >= doc.workload.length) return doc;
  return { ...doc, workload: doc.workload.filter((_, i) => i !== index) };
}
