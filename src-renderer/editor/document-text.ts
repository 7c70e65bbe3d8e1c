/**
 * The text an editor command writes back into the scenario store: the
 * document in the saved-file form (2-space indent, final newline).
 */
import type { EditorDoc } from '../../src-core/editor/doc';

export function documentText(doc: EditorDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
