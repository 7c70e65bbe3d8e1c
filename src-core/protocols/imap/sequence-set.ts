/**
 * Sequence sets (RFC 9051 §9 sequence-set): "1", "2,4:6", "1:*", "*".
 * "*" is the largest number in use (the last message's number, or its
 * UID under UID commands); "n:m" is the same set as "m:n". In an empty
 * mailbox "*" stands for nothing.
 */

export type SeqRange = readonly [from: number | '*', to: number | '*'];

export function parseSequenceSet(text: string): SeqRange[] | null {
  const ranges: SeqRange[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+|\*)(?::(\d+|\*))?$/.exec(part);
    if (!m) return null;
    const a = m[1] === '*' ? '*' : Number(m[1]);
    const b = m[2] === undefined ? a : m[2] === '*' ? '*' : Number(m[2]);
    if (a === 0 || b === 0 || (typeof a === 'number' && a > 0xffffffff) || (typeof b === 'number' && b > 0xffffffff)) return null;
    ranges.push([a, b]);
  }
  return ranges;
}

/** Whether `n` is in the set, `largest` standing for "*" (0: the set has no "*" member). */
export function inSequenceSet(ranges: readonly SeqRange[], n: number, largest: number): boolean {
  return ranges.some(([a, b]) => {
    const x = a === '*' ? largest : a;
    const y = b === '*' ? largest : b;
    if (x === 0 || y === 0) return false;
    return n >= Math.min(x, y) && n <= Math.max(x, y);
  });
}

/** Numbers in ascending order as the shortest set ("1:3,5"). */
export function formatSequenceSet(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
