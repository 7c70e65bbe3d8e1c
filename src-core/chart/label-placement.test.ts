import { describe, expect, it } from 'vitest';
import { Prng } from '../sim/prng';
import { boxesOverlap, rectBox, rotatedBox, type Box } from './label-boxes';
import { arrowEndBoxes, fitText, fitWords, placeLabels, wrapText, type LabelPlacementOptions, type LabelRequest, type PlacedLabel } from './label-placement';

/** 6 px a character, "…" included (the fake canvas context measures the same). */
const measure = (text: string) => text.length * 6;
const OPTIONS: LabelPlacementOptions = { measure, height: 12, offset: 8, tailMargin: 24, headMargin: 14, minLength: 40, minWidth: 36, maxAngle: 1.2, gap: 2 };

function request(id: number, x1: number, y1: number, x2: number, y2: number, text: string, over: Partial<LabelRequest> = {}): LabelRequest {
  return { id, x1, y1, x2, y2, text, font: 'f', wins: false, rank: 1, ...over };
}

/** The box a placed label occupies (without the gap). */
const boxOf = (p: PlacedLabel): Box => rotatedBox(p.x, p.y, p.width, OPTIONS.height, p.angle);

/** Where along its arrow (share of the room between the margins) a label's centre is. */
function shareAlong(r: LabelRequest, p: PlacedLabel): number {
  const from = Math.min(r.x1, r.x2) + OPTIONS.tailMargin; // horizontal arrows, tail on the left
  const to = Math.max(r.x1, r.x2) - OPTIONS.headMargin;
  return (p.x - from) / (to - from);
}

describe('placeLabels', () => {
  it('puts a lone label whole at the middle of its room, above the arrow and along it', () => {
    const r = request(1, 100, 100, 500, 200, 'hello');
    const [p] = placeLabels([r], [], OPTIONS);
    const angle = Math.atan2(100, 400);
    const length = Math.hypot(400, 100);
    const mid = (OPTIONS.tailMargin + length - OPTIONS.headMargin) / 2;
    expect(p).toMatchObject({ id: 1, text: 'hello', width: 30, shortened: false });
    expect(p!.angle).toBeCloseTo(angle, 9);
    expect(p!.x).toBeCloseTo(100 + Math.cos(angle) * mid + Math.sin(angle) * 8, 9);
    expect(p!.y).toBeCloseTo(100 + Math.sin(angle) * mid - Math.cos(angle) * 8, 9);
  });

  it('reads left to right on a right-to-left arrow, keeping the head margin on the left', () => {
    const r = request(1, 500, 100, 100, 100, 'reply');
    const [p] = placeLabels([r], [], OPTIONS);
    expect(p!.angle).toBeCloseTo(0, 9);
    expect(p!.x).toBeCloseTo((100 + OPTIONS.headMargin + 500 - OPTIONS.tailMargin) / 2, 9);
    expect(p!.y).toBe(92);
  });

  it('puts the second of two arrows drawn on top of each other below it', () => {
    const [a, b] = placeLabels([request(1, 0, 0, 400, 0, 'first'), request(2, 0, 0, 400, 0, 'second')], [], OPTIONS);
    expect(a!.y).toBe(-8);
    expect(b!.y).toBe(8);
    expect(b!.x).toBe(a!.x);
  });

  it('tries 30 %, 70 %, 20 % and 80 % of the room when the middle is taken', () => {
    const r = request(1, 0, 100, 600, 100, 'label'); // room 24 … 586
    const at = (...obstacles: Box[]) => shareAlong(r, placeLabels([r], obstacles, OPTIONS)[0]!);
    const middle = rectBox(300 - 20, 80, 40, 40); // covers the middle, above and below
    expect(at(middle)).toBeCloseTo(0.3, 9);
    expect(at(middle, rectBox(193, 80, 40, 40))).toBeCloseTo(0.7, 9);
    expect(at(middle, rectBox(193, 80, 40, 40), rectBox(400, 80, 40, 40))).toBeCloseTo(0.2, 9);
    expect(at(middle, rectBox(130, 80, 120, 40), rectBox(400, 80, 40, 40))).toBeCloseTo(0.8, 9);
    // only the space above is taken: below the middle
    const [below] = placeLabels([r], [rectBox(0, 85, 600, 10)], OPTIONS);
    expect(below).toMatchObject({ x: 24 + 562 / 2, y: 108 });
  });

  it('slides a label that fills most of its room only as far as the room allows', () => {
    const r = request(1, 0, 100, 300, 100, 'x'.repeat(40)); // 240 px in a room of 262
    // the left end is taken: at the middle, 30 % or 20 % of the room the label would reach it; at 70 % it ends at the room's end
    const [p] = placeLabels([r], [rectBox(0, 80, 40, 40)], OPTIONS);
    expect(p!.x + 120).toBeCloseTo(300 - 14, 9);
    expect(p!.shortened).toBe(false);
  });

  it('shortens a label, cut after a word, when every position is taken at full width, and skips it when nothing fits', () => {
    const r = request(1, 0, 100, 300, 100, '[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0'); // 228 px, room 262
    const wall = (x: number) => rectBox(x, 60, 4, 80);
    const [short] = placeLabels([r], [wall(150)], OPTIONS);
    expect(short).toMatchObject({ text: '[SYN, ACK] Seq=0…', shortened: true });
    expect(boxesOverlap(boxOf(short!), wall(150))).toBe(false);
    expect(placeLabels([r], [wall(60), wall(110), wall(160), wall(210)], OPTIONS)).toEqual([]);
  });

  it('keeps further from the tail of an arrow that asks for a larger tail margin (a handle there)', () => {
    const [p] = placeLabels([request(1, 600, 100, 0, 100, 'label', { tailMargin: 100 })], [], OPTIONS);
    expect(p!.x).toBe((OPTIONS.headMargin + 600 - 100) / 2); // right to left: the tail is on the right
    const [q] = placeLabels([request(1, 0, 100, 600, 100, 'label', { tailMargin: 10 })], [], OPTIONS);
    expect(q!.x).toBe((OPTIONS.tailMargin + 600 - OPTIONS.headMargin) / 2); // never less than the options' margin
  });

  it('leaves out arrows too steep to read along or too short for a label', () => {
    expect(placeLabels([request(1, 0, 0, 100, 300, 'steep')], [], OPTIONS)).toEqual([]);
    expect(placeLabels([request(1, 0, 0, 70, 0, 'short')], [], OPTIONS)).toEqual([]);
    expect(placeLabels([request(1, 0, 0, 78, 0, 'short')], [], OPTIONS)).toHaveLength(1);
  });

  it('places the winner first and draws it even over an obstacle; the others give way', () => {
    const obstacle = rectBox(0, 60, 600, 80);
    const requests = [request(1, 0, 100, 600, 100, 'other'), request(2, 0, 100, 600, 100, 'selected', { wins: true, rank: 2 })];
    const placed = placeLabels(requests, [obstacle], OPTIONS);
    expect(placed.map((p) => p.id)).toEqual([2]);
    expect(placed[0]).toMatchObject({ text: 'selected', y: 92, shortened: false });
    const free = placeLabels(requests, [], OPTIONS);
    expect(free.map((p) => [p.id, p.y])).toEqual([[2, 92], [1, 108]]);
  });

  it('places by rank, then in the order given, whatever order the ranks come in', () => {
    const ack = request(1, 0, 100, 600, 100, 'ack', { rank: 2 });
    const data = request(2, 0, 100, 600, 100, 'data', { rank: 0 });
    const syn = request(3, 0, 100, 600, 100, 'syn', { rank: 1 });
    const order = (rs: LabelRequest[]) => placeLabels(rs, [], OPTIONS).map((p) => `${p.id}@${p.y}`);
    expect(order([ack, data, syn])).toEqual(['2@92', '3@108', '1@92']);
    expect(order([syn, ack, data])).toEqual(order([ack, data, syn]));
  });

  it('never overlaps two labels or a label and an obstacle, on a busy random chart, and always places winners', () => {
    const rng = new Prng(5);
    const requests: LabelRequest[] = [];
    for (let id = 0; id < 400; id++) {
      const from = rng.nextInt(0, 5);
      let to = rng.nextInt(0, 5);
      if (to === from) to = (from + 1) % 6;
      const y = rng.nextInt(0, 3_000);
      const words = Array.from({ length: rng.nextInt(1, 6) }, () => 'w'.repeat(rng.nextInt(1, 8)));
      requests.push(request(id, 100 + from * 190, y, 100 + to * 190, y + rng.nextInt(0, 120), words.join(' '), { rank: rng.nextInt(0, 2), wins: id % 97 === 0 }));
    }
    const obstacles = Array.from({ length: 60 }, () => rectBox(rng.nextInt(0, 1_100), rng.nextInt(0, 3_000), rng.nextInt(10, 90), rng.nextInt(8, 40)));
    const placed = placeLabels(requests, obstacles, OPTIONS);
    const winners = requests.filter((r) => r.wins).map((r) => r.id);
    expect(placed.slice(0, winners.length).map((p) => p.id)).toEqual(winners);
    const others = placed.slice(winners.length);
    expect(others.length).toBeGreaterThan(150);
    expect(others.some((p) => p.shortened)).toBe(true);
    for (const [i, p] of others.entries()) {
      for (const o of obstacles) expect(boxesOverlap(boxOf(p), o)).toBe(false);
      for (const q of placed.slice(0, winners.length + i)) expect(boxesOverlap(boxOf(p), boxOf(q))).toBe(false);
      if (p.shortened) expect(p.width).toBeGreaterThanOrEqual(OPTIONS.minWidth - 6); // fitText's cut is up to a character short
    }
    // the same requests give the same placement
    expect(placeLabels(requests, obstacles, OPTIONS)).toEqual(placed);
  });
});

describe('full labels: overhang, wrapping, footnotes', () => {
  const FULL: LabelPlacementOptions = { ...OPTIONS, overhang: 60, maxLines: 2 };
  const text = '[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0'; // 228 px
  const ends = (r: LabelRequest) => arrowEndBoxes([{ x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y2 } as never], 6);

  it('writes a label longer than its room in full across the space beside the arrow, clear of its own head', () => {
    const r = request(1, 0, 100, 230, 100, text); // room 192: 36 px short, within the 60 px overhang
    const [p] = placeLabels([r], ends(r), FULL);
    expect(p).toMatchObject({ text, lines: [text], width: 228, shortened: false, full: text });
    expect(p!.y).toBe(100 - 8 - 7); // OVERHANG_LIFT further out: its box clears its own head's end box
    expect(boxesOverlap(rotatedBox(p!.x, p!.y, p!.width, p!.height, p!.angle), ends(r)[1]!)).toBe(false);
    expect(p!.x - 114).toBeGreaterThanOrEqual(24 - 60);
    expect(p!.x + 114).toBeLessThanOrEqual(216 + 60);
  });

  it('wraps a label into two lines stacked away from the arrow when one line does not fit', () => {
    const r = request(1, 0, 100, 140, 100, text); // room 102, 222 with the overhang: too short for one line
    const [p] = placeLabels([r], [], FULL);
    // three lines within the room are too many; two reach past it
    expect(p!.lines).toEqual(['[SYN, ACK] Seq=0', 'Ack=1 Win=65535 Len=0']);
    expect(p!.height).toBe(24);
    expect(p!.y).toBe(100 - 8 - 7 - 6); // the lower line 15 px above the arrow
    expect(p!.shortened).toBe(false);
  });

  it('wraps at spaces and breaks a word longer than a line', () => {
    expect(wrapText(measure, 'ab cd ef', 30)).toEqual(['ab cd', 'ef']);
    expect(wrapText(measure, 'abcdefgh', 30)).toEqual(['abcde', 'fgh']);
  });

  it('in exports, moves a label with no free room in full to a footnote, numbered in request order, and never cuts one', () => {
    const wall = (x: number) => rectBox(x, 60, 4, 80);
    const rs = [request(1, 0, 300, 300, 300, text, { rank: 2 }), request(2, 0, 100, 300, 100, text, { rank: 0 })];
    const placed = placeLabels(rs, [wall(150), wall(0 + 150), rectBox(150, 260, 4, 80)], { ...FULL, footnotes: true });
    expect(placed.map((p) => [p.id, p.text, p.footnote, p.full])).toEqual([
      [2, '[2]', 2, text],
      [1, '[1]', 1, text],
    ]);
    for (const p of placed) expect(p.text.endsWith('…')).toBe(false);
  });
});

describe('fitText and fitWords', () => {
  it('cut at the longest prefix that fits, fitWords after a whole word where that keeps half of it', () => {
    expect(fitText(measure, 'f', 'abcdefghij', 60)).toBe('abcdefghij');
    expect(fitText(measure, 'f', 'abcdefghij', 59)).toBe('abcdefgh…');
    expect(fitText(measure, 'f', 'abcdefghij', 11)).toBe('');
    expect(fitWords(measure, 'f', '[ACK] Seq=1 Ack=1', 60)).toBe('[ACK]…');
    expect(fitWords(measure, 'f', '[ACK] Seq=1 Ack=1', 78)).toBe('[ACK] Seq=1…');
    expect(fitWords(measure, 'f', 'Reply "HELLO FROM"', 84)).toBe('Reply "HELLO…');
    expect(fitWords(measure, 'f', 'a verylongword', 60)).toBe('a verylon…');
    expect(fitWords(measure, 'f', '[SYN, ACK] Seq=0', 68)).toBe('[SYN, ACK]…'); // cut just before a space
    expect(fitWords(measure, 'f', 'short', 60)).toBe('short');
  });
});

describe('brief forms', () => {
  const measure = (t: string) => t.length * 6;
  const OPTS: LabelPlacementOptions = { measure, height: 12, offset: 8, tailMargin: 10, headMargin: 10, minLength: 30, minWidth: 30, maxAngle: 1.2, gap: 2 };
  const at = (text: string, brief?: readonly string[]): LabelRequest => ({ id: 1, x1: 0, y1: 100, x2: 160, y2: 100, text, font: 'f', wins: false, rank: 0, ...(brief ? { brief } : {}) });

  it('writes the longest brief form that fits before cutting a label', () => {
    // room 140 px: the full text (222 px) and the first form (156 px) do not fit, the second (108 px) does
    const [p] = placeLabels([at('[ACK] Seq=26 Ack=26 Win=65535 Len=0', ['[ACK] Seq=26 Ack=26 Len=0', '[ACK] Seq=26 Ack=26'])], [], OPTS);
    expect(p).toMatchObject({ text: '[ACK] Seq=26 Ack=26', shortened: true, full: '[ACK] Seq=26 Ack=26 Win=65535 Len=0' });
  });

  it('cuts the briefest form when no form fits whole', () => {
    const [p] = placeLabels([at('Standard query 0x2239 A www.example.com and more words', ['Query A www.example.com and more words'])], [], OPTS);
    expect(p!.text.endsWith('…')).toBe(true);
    expect(p!.text.startsWith('Query A')).toBe(true);
  });

  it('writes no label rather than one cut inside its first word', () => {
    // room 32 px (6 px a character): "[SYN…" would be cut inside "[SYN,"; at 40 px "[SYN,…" keeps the word
    const r: LabelRequest = { ...at('[SYN, ACK] Seq=0'), x2: 52 };
    expect(placeLabels([{ ...r, x2: 60 }], [], OPTS)[0]!.text).toBe('[SYN,…');
    expect(placeLabels([r], [], OPTS)).toEqual([]);
  });

  it('never uses brief forms in exports: the full text goes to a footnote', () => {
    const [p] = placeLabels([at('[ACK] Seq=26 Ack=26 Win=65535 Len=0', ['[ACK] Seq=26 Ack=26'])], [], { ...OPTS, footnotes: true });
    expect(p!.footnote).toBe(1);
  });
});
