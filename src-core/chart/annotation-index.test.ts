import { describe, expect, it } from 'vitest';
import { Prng } from '../sim/prng';
import { annotationIndex, visibleAnnotations, type Annotation } from './annotations';
import { IdMap, IdSet } from './id-index';

/** What the painter drew before the index: every annotation tested against the band. */
function bruteForce(notes: readonly Annotation[], top: number, bottom: number): number[] {
  const out: number[] = [];
  notes.forEach((n, i) => {
    const [a, b] = n.kind === 'metric' ? [n.y - 20, n.y + 40] : n.kind === 'group' ? [n.caption?.y ?? n.band.y, n.band.y + n.band.height] : [n.y1, n.y2];
    if (b >= top && a <= bottom) out.push(i);
  });
  return out;
}

function randomNotes(count: number, seed: number): Annotation[] {
  const rng = new Prng(seed);
  const notes: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const y1 = rng.nextInt(0, 20_000) + rng.nextInt(0, 99) / 100;
    const y2 = y1 + rng.nextInt(0, 400);
    const kind = rng.nextInt(0, 3);
    if (kind === 0) notes.push({ kind: 'rtt', lane: 0, y1, y2, label: 'rtt' });
    else if (kind === 1) notes.push({ kind: 'transmission', lane: 1, id: i, y1, y2, label: 'tx' });
    else if (kind === 2) notes.push({ kind: 'metric', lane: 2, y: y1, label: 'm 1' });
    else {
      // a band 4 px beyond its messages, its caption (when it has one) 13 px above it
      const band = { x: 66, y: y1 - 4, width: 428, height: y2 - y1 + 8 };
      const caption = rng.nextInt(0, 1) === 0 ? null : { x: 70, y: band.y - 13, width: 80, height: 13 };
      notes.push({ kind: 'group', lanes: [0, 2], y1, y2, label: 'TCP handshake', tone: 0, band, caption });
    }
  }
  return notes;
}

describe('visibleAnnotations', () => {
  it('finds exactly the annotations the painter would draw in a band, in list order', () => {
    const notes = randomNotes(5_000, 3);
    for (const [top, bottom] of [[0, 750], [9_000, 9_750], [19_900, 21_000], [-500, -10], [-100, 30_000], [4_321.5, 4_321.5]] as const) {
      expect(visibleAnnotations(notes, top, bottom)).toEqual(bruteForce(notes, top, bottom));
    }
  });

  it('reaches a metric’s pill below the band and its diamond above it', () => {
    const notes: Annotation[] = [
      { kind: 'metric', lane: 0, y: 90, label: 'above' },
      { kind: 'metric', lane: 0, y: 219, label: 'below' },
      { kind: 'metric', lane: 0, y: 221, label: 'out' },
    ];
    expect(visibleAnnotations(notes, 130, 200)).toEqual([0, 1]);
  });

  it('sorts once per annotation list, by where each starts', () => {
    const notes = randomNotes(200, 5);
    const index = annotationIndex(notes);
    expect(annotationIndex(notes)).toBe(index);
    for (let k = 1; k < index.lo.length; k++) expect(index.lo[k]!).toBeGreaterThanOrEqual(index.lo[k - 1]!);
    expect(visibleAnnotations([], 0, 100)).toEqual([]);
  });
});

describe('IdMap and IdSet', () => {
  it('answer for dense ids and for ids no array should hold', () => {
    const map = new IdMap<string>(10);
    const set = new IdSet(10);
    for (const id of [0, 3, 9, 5_000, -1, 2.5, 1e12]) {
      map.set(id, `v${id}`);
      set.add(id);
    }
    for (const id of [0, 3, 9, 5_000, -1, 2.5, 1e12]) {
      expect(map.get(id)).toBe(`v${id}`);
      expect(set.has(id)).toBe(true);
    }
    for (const id of [1, 8, 10, 4_999, -2, 1e12 + 1]) {
      expect(map.get(id)).toBeUndefined();
      expect(set.has(id)).toBe(false);
    }
  });
});
