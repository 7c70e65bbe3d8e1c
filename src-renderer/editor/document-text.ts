/**
 * The text an editor command writes back into the scenario store: the
 * document as the app saves files (src-core/scenario/canonical-text.ts:
 * the documented property order, 2-space indent, short flat values on one
 * line), so that an edit changes only the lines it touches.
 */
import type { EditorDoc } from '../../src-core/editor/doc';
import { canonicalScenarioText } from '../../src-core/scenario/canonical-text';

export function documentText(doc: EditorDoc): string {
  return canonicalScenarioText(doc);
}
