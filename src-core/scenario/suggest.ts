/**
 * "Did you mean …?" for misspelt property names and ids, and short lists of
 * the names that would have been accepted.
 */

/** Lists of names longer than this are not spelt out in messages. */
export const MAX_LISTED_NAMES = 20;

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo:
 * the same ignoring case; else one that `word` begins (a unit left off:
 * "delay" for "delayMs"; at least 3 characters); else one within an edit
 * distance (insert, delete, replace, swap two neighbours) of 1 for short
 * words and ⌊length/3⌋ for longer ones.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    if (word.length >= 3 && candidate.toLowerCase().startsWith(lower)) {
      // Ranks after case-only differences and before any edit.
      if (bestDistance > 0.5) {
        best = candidate;
        bestDistance = 0.5;
      }
      continue;
    }
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const d = editDistance(word, candidate);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * A hint for an unknown name: ' (did you mean "x"?)', else the accepted
 * names when there are few enough (' (nodes are: a, b)'), else ''.
 * `what` names the list, e.g. "nodes are" or "allowed here"; `whenNone` is
 * said when there are no candidates at all.
 */
export function unknownNameHint(
  word: string,
  candidates: readonly string[],
  what: string,
  whenNone = 'there are none',
): string {
  const near = closest(word, candidates);
  if (near !== undefined) return ` (did you mean ${JSON.stringify(near)}?)`;
  if (candidates.length === 0) return ` (${whenNone})`;
  if (candidates.length <= MAX_LISTED_NAMES) return ` (${what}: ${candidates.join(', ')})`;
  return '';
}
