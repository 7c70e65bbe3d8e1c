/**
 * What the editor's keys and toolbar do with the selection, each one editor
 * step (stores/editor.ts apply): delete, copy, paste, duplicate, select
 * all, nudge. Pure over the store and the document; the canvas only shows
 * the result.
 */
import { deleteElements } from '../../src-core/editor/delete-elements';
import type { Point } from '../../src-core/editor/doc';
import { duplicateNodes, PASTE_OFFSET } from '../../src-core/editor/duplicate-nodes';
import { moveNodes } from '../../src-core/editor/move-nodes';
import { linkIdOf } from '../../src-core/scenario/resolve';
import type { useEditorStore } from '../stores/editor';
import { t } from '../i18n/translate';

type EditorStore = ReturnType<typeof useEditorStore>;

export function deleteSelection(editor: EditorStore): boolean {
  const ids = editor.selected;
  if (ids.size === 0) return false;
  const done = editor.apply(ids.size === 1 ? t('editor.edits.delete') : t('editor.edits.deleteMany', { count: ids.size }), (doc) => deleteElements(doc, ids));
  if (done) editor.select([]);
  return done;
}

export function selectAll(editor: EditorStore): void {
  const doc = editor.readDoc();
  if (doc) editor.select([...doc.nodes.map((n) => n.id), ...doc.links.map(linkIdOf)]);
}

export function copySelection(editor: EditorStore): number {
  const doc = editor.readDoc();
  if (!doc) return 0;
  const nodes = doc.nodes.filter((n) => editor.selected.has(n.id));
  if (nodes.length === 0) return 0;
  const ids = new Set(nodes.map((n) => n.id));
  editor.clipboard = { nodes: structuredClone(nodes), links: structuredClone(doc.links.filter((l) => ids.has(l.a) && ids.has(l.b))) };
  return nodes.length;
}

/** Pastes the clipboard's nodes (PASTE_OFFSET from where they were copied) and selects the copies. */
export function paste(editor: EditorStore): boolean {
  const copied = editor.clipboard;
  if (!copied || copied.nodes.length === 0) return false;
  let ids: string[] = [];
  const done = editor.apply(t('editor.edits.paste', { count: copied.nodes.length }, copied.nodes.length), (doc) => {
    const result = duplicateNodes(doc, copied.nodes, [...copied.links], PASTE_OFFSET);
    ids = result.ids;
    return result.doc;
  });
  if (done) {
    editor.select(ids);
    // the next paste lands one offset further
    editor.clipboard = { ...copied, nodes: copied.nodes.map((n) => (n.position ? { ...n, position: { x: n.position.x + PASTE_OFFSET.x, y: n.position.y + PASTE_OFFSET.y } } : n)) };
  }
  return done;
}

export function duplicateSelection(editor: EditorStore): boolean {
  const doc = editor.readDoc();
  if (!doc) return false;
  const nodes = doc.nodes.filter((n) => editor.selected.has(n.id));
  if (nodes.length === 0) return false;
  let ids: string[] = [];
  const done = editor.apply(t('editor.edits.duplicate', { count: nodes.length }, nodes.length), (d) => {
    const result = duplicateNodes(d, nodes, d.links);
    ids = result.ids;
    return result.doc;
  });
  if (done) editor.select(ids);
  return done;
}

/** Moves the selected nodes by `by` model px (their places from `positions` where the file has none). */
export function nudgeSelection(editor: EditorStore, by: Point, positions: ReadonlyMap<string, Point>): boolean {
  const picked = [...editor.selected].filter((id) => positions.has(id));
  if (picked.length === 0) return false;
  return editor.apply('nudge', (doc) => {
    const places = new Map(positions);
    for (const id of picked) {
      const p = positions.get(id)!;
      places.set(id, { x: p.x + by.x, y: p.y + by.y });
    }
    const unplaced = doc.nodes.some((n) => n.position === undefined);
    return moveNodes(doc, unplaced ? places : new Map(picked.map((id) => [id, places.get(id)!])));
  });
}
