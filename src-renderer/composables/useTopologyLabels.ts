/**
 * Keeps the topology drawing's labels readable (topology/labels.ts decides
 * which show and where): re-planned whenever nodes move (useCytoscape fits
 * them into the pane on every resize) or are added or removed, at most
 * once per animation frame, and applied as classes and data that
 * topology/style.ts reads. Also gives the drawing a tooltip with a link's
 * or node's full label under the mouse. `plan` says what is shown (for the
 * page's data attributes).
 */
import type { Core, EventObject } from 'cytoscape';
import { onUnmounted, readonly, shallowRef, watch, type Ref } from 'vue';
import { OWN_PREFIX, type TopologyKind } from '../topology/elements';
import { planLabels, type LabelPlan, type LinkShape, type Measure, type NodeShape } from '../topology/labels';
import { NODE_SIZE, TOPOLOGY_FONT } from '../topology/style';

/** Text widths in the drawing's font, measured on a canvas as cytoscape does, remembered per text. */
function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d');
  const known = new Map<string, number>();
  return (text, fontSize) => {
    const key = `${fontSize}\u0000${text}`;
    let width = known.get(key);
    if (width === undefined) {
      if (context) context.font = `normal normal ${fontSize}px ${TOPOLOGY_FONT}`;
      width = context ? Math.ceil(context.measureText(text).width) : text.length * fontSize * 0.6;
      known.set(key, width);
    }
    return width;
  };
}

const own = (event: EventObject) => event.target !== event.cy && String(event.target.id()).startsWith(OWN_PREFIX);

export function useTopologyLabels(cy: Readonly<Ref<Core | null>>, container: Readonly<Ref<HTMLElement | null>>) {
  const plan = shallowRef<LabelPlan | null>(null);
  const measure = canvasMeasure();
  let frame = 0;

  function schedule(event?: EventObject): void {
    if (frame !== 0 || (event && own(event))) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      apply();
    });
  }

  function apply(): void {
    const c = cy.value;
    const box = container.value;
    if (!c || !box || c.destroyed()) return;
    const nodes = c.nodes().toArray().filter((n) => !n.id().startsWith(OWN_PREFIX));
    // the part of the drawing in view, in its own coordinates: the pane itself in the run view (zoom 1, no pan),
    // the panned and zoomed view while editing
    const view = c.extent();
    const shapes: NodeShape[] = nodes.map((n) => {
      const size = NODE_SIZE[(n.data('kind') as TopologyKind | undefined) ?? 'host'] ?? NODE_SIZE.host;
      const p = n.position();
      return { id: n.id(), x: p.x - view.x1, y: p.y - view.y1, ...size, label: String(n.data('label') ?? ''), name: String(n.data('name') ?? '') };
    });
    const links: LinkShape[] = c.edges().map((e) => ({
      id: e.id(), source: e.source().id(), target: e.target().id(), full: String(e.data('label') ?? ''), short: String(e.data('short') ?? ''),
    }));
    const next = planLabels(shapes, links, { width: view.w, height: view.h }, measure);
    c.batch(() => {
      for (const n of nodes) {
        const p = next.nodes.get(n.id())!;
        n.data({ labelMax: p.maxWidth, labelDx: p.dx });
        for (const side of ['above', 'right', 'left'] as const) n.toggleClass(`label-${side}`, p.side === side);
        n.toggleClass('label-name', p.text === 'name');
      }
      c.edges().forEach((e) => {
        const p = next.links.get(e.id())!;
        e.data({ labelDx: p.dx, labelDy: p.dy });
        e.toggleClass('label-full', p.text === 'full').toggleClass('label-short', p.text === 'short');
      });
    });
    plan.value = next;
  }

  function showTitle(event: EventObject): void {
    const box = container.value;
    if (!box || own(event)) return;
    const t = event.target;
    box.title = t.isEdge() ? `${t.source().data('name')} ↔ ${t.target().data('name')}: ${t.data('label')}` : String(t.data('label')).replace('\n', ', ');
  }

  watch(
    cy,
    (c) => {
      if (!c) return;
      c.on('position add remove', 'node', schedule);
      c.on('add remove', 'edge', schedule);
      c.on('resize', () => schedule());
      c.on('viewport', () => schedule()); // panned or zoomed (the editor)
      c.on('mouseover', 'node, edge', showTitle);
      c.on('mouseout', 'node, edge', () => container.value?.removeAttribute('title'));
      schedule();
    },
    { immediate: true },
  );

  onUnmounted(() => {
    if (frame !== 0) cancelAnimationFrame(frame);
  });

  return { plan: readonly(plan) };
}
