/**
 * "Show me where": a request to put the source editor's cursor on a line and
 * column (from an issue in the list). The side pane switches to the source
 * tab and the editor selects the place.
 */
import { readonly, shallowRef } from 'vue';

export interface SourcePlace {
  /** 1-based, as the loader reports them. */
  readonly line: number;
  readonly column: number;
  /** Distinguishes two requests for the same place. */
  readonly serial: number;
}

const place = shallowRef<SourcePlace | null>(null);
let serial = 0;

export function useSourceJump() {
  return {
    place: readonly(place),
    jumpTo: (line: number, column = 1) => void (place.value = { line, column, serial: ++serial }),
  };
}

/** The offset in `text` of 1-based `line` and `column` (clamped to the text). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end < 0 ? text.length : end;
  return Math.min(offset + Math.max(0, column - 1), lineEnd);
}
