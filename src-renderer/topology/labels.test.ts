import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { lessonText } from '../testing/lessons';
import { scenarioElements, type TopologyKind } from './elements';
import { fitPositions } from './fit';
import { boxesOverlap, segmentHitsBox, type Box } from './geometry';
import { planLabels, wrapLines, type LabelPlan, type LinkShape, type NodeShape } from './labels';
import { NODE_SIZE } from './style';

/** About DejaVu Sans: 0.55 em a character. */
const measure = (text: string, fontSize: number) => Math.ceil(text.length * fontSize * 0.55);
const node = (id: string, x: number, y: number, label = `${id}\n10.0.0.1`): NodeShape => ({ id, x, y, ...NODE_SIZE.host, label, name: label.split('\n')[0]! });
const link = (source: string, target: string): LinkShape => ({ id: `${source}-${target}`, source, target, full: '20 ms · 100 Mbit/s', short: '20 ms' });
const view = { width: 400, height: 300 };

/** Every pair of label boxes, and each link label against node bodies and other links: nothing overlaps. */
function expectNoOverlaps(plan: LabelPlan, nodes: readonly NodeShape[], links: readonly LinkShape[]): void {
  const body = (n: NodeShape): Box => ({ x1: n.x - n.width / 2, y1: n.y - n.height / 2, x2: n.x + n.width / 2, y2: n.y + n.height / 2 });
  const linkBoxes = [...plan.links].flatMap(([id, p]) => (p.box ? [{ id, box: p.box }] : []));
  const labels = [...[...plan.nodes.values()].map((p) => p.box), ...linkBoxes.map((l) => l.box)];
  labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => expect(boxesOverlap(a, b), `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(false)));
  const at = new Map(nodes.map((n) => [n.id, n]));
  for (const { id, box } of linkBoxes) {
    for (const n of nodes) expect(boxesOverlap(box, body(n))).toBe(false);
    for (const l of links) if (l.id !== id) expect(segmentHitsBox(at.get(l.source)!, at.get(l.target)!, box), `${l.id} crosses ${id}'s label`).toBe(false);
    expect(box.x1 >= 0 && box.y1 >= 0 && box.x2 <= view.width && box.y2 <= view.height).toBe(true);
  }
}

describe('wrapLines', () => {
  const width = (t: string) => t.length * 6;
  it('keeps lines that fit and breaks longer ones at spaces, as cytoscape does', () => {
    expect(wrapLines('Host\n10.0.0.10', 60, width)).toEqual(['Host', '10.0.0.10']);
    expect(wrapLines('TLD server (.com)\n192.5.6.30', 60, width)).toEqual(['TLD server', '(.com)', '192.5.6.30']);
  });
  it('lets a word longer than the width overflow on its own line', () => {
    expect(wrapLines('a verylongname b', 30, width)).toEqual(['a', 'verylongname', 'b']);
  });
});

describe('planLabels: nodes', () => {
  it('wraps the labels of nodes in a row narrower, so that they do not overlap', () => {
    const nodes = [node('a', 60, 100, 'TLD server (.com)\n192.5.6.30'), node('b', 124, 110, 'example.com server\n192.0.2.53'), node('c', 300, 100)];
    const plan = planLabels(nodes, [], view, measure);
    expect(plan.nodes.get('a')!.maxWidth).toBe(61);
    expect(plan.nodes.get('b')!.maxWidth).toBe(61);
    expect(plan.nodes.get('c')!.maxWidth).toBe(112); // alone in its row
    expectNoOverlaps(plan, nodes, []);
  });

  it('moves labels sideways to keep them inside the drawing', () => {
    const plan = planLabels([node('left', 20, 100, 'Local DNS server\n10.0.0.53'), node('right', 380, 200), node('middle', 200, 200)], [], view, measure);
    expect(plan.nodes.get('left')).toMatchObject({ side: 'below', dx: 27.5, box: { x1: 0 } }); // 93 + 2 px wide, from x = 0
    expect(plan.nodes.get('right')!.box.x2).toBe(400);
    expect(plan.nodes.get('middle')!.dx).toBe(0);
  });

  it('puts a label above its node when below it is taken or outside the drawing', () => {
    const nodes = [node('top', 100, 100), node('under', 100, 140), node('bottom', 300, 285)];
    const plan = planLabels(nodes, [], view, measure);
    expect(plan.nodes.get('top')!.side).toBe('above'); // 'under' sits where its label would hang
    expect(plan.nodes.get('under')!.side).toBe('below');
    expect(plan.nodes.get('bottom')!.side).toBe('above');
  });

  it('puts a label beside its node rather than on a link above it, or else the name alone', () => {
    const nodes = [node('r', 200, 190), node('s', 200, 285)]; // s's label would leave the drawing below
    expect(planLabels(nodes, [], view, measure).nodes.get('s')!.side).toBe('above');
    expect(planLabels(nodes, [link('r', 's')], view, measure).nodes.get('s')!.side).toBe('right');
    const atRightSide = [node('r', 360, 190), node('s', 360, 285)];
    expect(planLabels(atRightSide, [link('r', 's')], view, measure).nodes.get('s')!.side).toBe('left');
    const boxedIn = [...atRightSide, node('t', 290, 285)];
    expect(planLabels(boxedIn, [link('r', 's'), link('s', 't')], view, measure).nodes.get('s')).toMatchObject({ text: 'name', side: 'right' }); // the name alone fits
  });

  it('leaves the label of a node outside the drawing (the editor panned off it) below it, unmoved, and keeps that place', () => {
    const nodes = [node('off', -150, 100, 'Local DNS server\n10.0.0.53'), node('far', 200, 900), node('in', 20, 100, 'Local DNS server\n10.0.0.54')];
    const plan = planLabels(nodes, [], view, measure);
    expect(plan.nodes.get('off')).toMatchObject({ text: 'full', side: 'below', dx: 0 });
    expect(plan.nodes.get('off')!.box.x2).toBeLessThan(0); // not moved into the drawing
    expect(plan.nodes.get('far')).toMatchObject({ text: 'full', side: 'below', dx: 0 });
    expect(plan.nodes.get('in')).toMatchObject({ side: 'below', box: { x1: 0 } }); // moved sideways, as before
  });

  it('leaves the name below a node boxed in on every side', () => {
    const nodes = [node('s', 200, 150), node('b', 200, 185), node('a', 200, 115), node('r', 240, 150), node('l', 160, 150)];
    expect(planLabels(nodes, [], view, measure).nodes.get('s')).toMatchObject({ text: 'name', side: 'below' });
  });
});

describe('planLabels: links', () => {
  it('shows the full text on a long link, the delay alone on a shorter one, and nothing on a stub', () => {
    const nodes = [node('a', 20, 40), node('b', 260, 40), node('c', 20, 150), node('d', 110, 150), node('e', 20, 250), node('f', 70, 250)];
    const links = [link('a', 'b'), link('c', 'd'), link('e', 'f')];
    const plan = planLabels(nodes, links, view, measure);
    expect([...plan.links.values()].map((p) => p.text)).toEqual(['full', 'short', 'none']);
    expect(plan.links.get('a-b')).toMatchObject({ dx: 0, dy: 0 });
    expectNoOverlaps(plan, nodes, links);
  });

  it('slides a label along its link, off a node label that lies on the middle', () => {
    const nodes = [node('a', 40, 45), node('b', 340, 45), node('m', 190, 20, 'M')]; // m's label hangs over a–b's middle
    const plan = planLabels(nodes, [link('a', 'b')], view, measure);
    const p = plan.links.get('a-b')!;
    expect(p.text).toBe('full');
    expect(p.dx).toBeLessThan(0); // (0.5 − 0.3) of the visible 266 px
    expect(p.dx).toBeCloseTo(-53.2);
    expect(p.dy).toBe(0);
  });

  it('never lets a label overlap another label, a node or a link, and gives the same plan for the same drawing', () => {
    const point = fc.record({ x: fc.integer({ min: 20, max: 380 }), y: fc.integer({ min: 20, max: 260 }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 7 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }), (points, pairs) => {
        const nodes = points.map((p, i) => node(`n${i}`, p.x, p.y));
        const links = [...new Set(pairs.map(([a, b]) => `${a % nodes.length}:${b % nodes.length}`))]
          .map((k) => k.split(':').map(Number) as [number, number])
          .filter(([a, b]) => a !== b)
          .map(([a, b]) => link(`n${a}`, `n${b}`));
        const plan = planLabels(nodes, links, view, measure);
        for (const [id, p] of plan.links) {
          if (!p.box) continue;
          for (const n of nodes) expect(boxesOverlap(p.box, { x1: n.x - 17, y1: n.y - 13, x2: n.x + 17, y2: n.y + 13 })).toBe(false);
          for (const [other, q] of plan.links) if (other !== id && q.box) expect(boxesOverlap(p.box, q.box)).toBe(false);
          for (const q of plan.nodes.values()) expect(boxesOverlap(p.box, q.box)).toBe(false);
        }
        expect(planLabels(nodes, links, view, measure)).toEqual(plan);
      }),
    );
  });
});

describe('the DNS lesson in the side pane', () => {
  const parsed = parseScenarioText(lessonText('dns-iterative'));
  if (!parsed.ok) throw new Error('lesson does not load');
  const elements = scenarioElements(parsed.scenario);
  /** As useCytoscape shows it in a pane `width` px wide (its FIT options). */
  function drawing(width: number, height = 300): { nodes: NodeShape[]; links: LinkShape[] } {
    const model = new Map(elements.flatMap((e) => (e.position ? [[e.data.id, e.position] as const] : [])));
    const at = fitPositions(model, { width, height, padX: 44, padTop: 26, padBottom: 50, maxScale: 1.4 });
    const nodes = elements.filter((e) => e.group === 'nodes').map((e) => ({ id: e.data.id, ...at.get(e.data.id)!, ...NODE_SIZE[e.data['kind'] as TopologyKind], label: e.data['label']!, name: e.data['name']! }));
    const links = elements.filter((e) => e.group === 'edges').map((e) => ({ id: e.data.id, source: e.data['source']!, target: e.data['target']!, full: e.data['label']!, short: e.data['short']! }));
    return { nodes, links };
  }

  it('shows every name and address and labels most links at 360 px, without overlaps', () => {
    const { nodes, links } = drawing(360);
    const plan = planLabels(nodes, links, { width: 360, height: 300 }, measure);
    expect([...plan.nodes.values()].every((p) => p.text === 'full')).toBe(true);
    // Which link loses its label first depends on the font's widths (e2e/web/layout.spec.ts checks the real ones).
    expect([...plan.links.values()].filter((p) => p.text !== 'none').length).toBeGreaterThanOrEqual(4);
    expectNoOverlaps(plan, nodes, links);
  });

  it('shows every name and address at the default width, without overlaps', () => {
    const { nodes, links } = drawing(240, 376); // TopologyGraph's height for this width
    const plan = planLabels(nodes, links, { width: 240, height: 376 }, measure);
    expect([...plan.nodes.values()].every((p) => p.text === 'full')).toBe(true);
    expectNoOverlaps(plan, nodes, links);
  });
});
