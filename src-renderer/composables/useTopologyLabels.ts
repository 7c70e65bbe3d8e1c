/**
 * Keeps the topology drawing's labels readable (topology/labels.ts decides
 * which show and where): re-planned whenever nodes move (useCytoscape fits
 * them into the pane on every resize) or are added or removed, at most
 * once per animation frame, and applied as classes and data that
 * topology/style.ts reads. Also gives the drawing a tooltip with a link's
 * or node's full label under the mouse. `plan` says what is shown (for the
 * page's data attributes).
 *
 * Once the drawing has been painted with its labels planned after elements
 * came or went or it was resized (a file opened, an edit, the pane's new
 * size), where that moved a node or changed a label, it leaves a
 * performance mark, DRAWN_MARK, whose detail counts the nodes and links:
 * the editor benchmark (bench/editor) times opening a file to the last one.
 * One mark per such change, never per move or frame; only the latest is kept.
 */
import type { Core, EventObject, NodeSingular, SingularElementArgument } from 'cytoscape';
import { onUnmounted, readonly, shallowRef, watch, type Ref } from 'vue';
import { OWN_PREFIX, type TopologyKind } from '../topology/elements';
import { planLabels, type LabelPlan, type LinkLabelPlan, type LinkShape, type Measure, type NodeLabelPlan, type NodeShape } from '../topology/labels';
import { NODE_SIZE, TOPOLOGY_FONT } from '../topology/style';

/** Text widths in the drawing's font, measured on a canvas as cytoscape does, remembered per font size and text. */
function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d');
  const known = new Map<number, Map<string, number>>();
  return (text, fontSize) => {
    let sized = known.get(fontSize);
    if (!sized) known.set(fontSize, (sized = new Map()));
    let width = sized.get(text);
    if (width === undefined) {
      if (context) context.font = `normal normal ${fontSize}px ${TOPOLOGY_FONT}`;
      width = context ? Math.ceil(context.measureText(text).width) : text.length * fontSize * 0.6;
      sized.set(text, width);
    }
    return width;
  };
}

/** The performance mark's name; its detail is `{ nodes, links }`, the drawing's own elements (not the views' `OWN_PREFIX` ones). */
export const DRAWN_MARK = 'l7:topology-drawn';

/** Sets the fields of `values` when some differ from the element's data; whether it did. */
function setData(e: SingularElementArgument, values: Readonly<Record<string, number>>): boolean {
  if (!Object.entries(values).some(([k, v]) => e.data(k) !== v)) return false;
  e.data(values);
  return true;
}

/** Whether two plans of a label show the same (their boxes move with their node and are not shown). */
const sameNodeLabel = (p: NodeLabelPlan, q: NodeLabelPlan | undefined) =>
  q !== undefined && p.text === q.text && p.maxWidth === q.maxWidth && p.side === q.side && p.dx === q.dx;
const sameLinkLabel = (p: LinkLabelPlan, q: LinkLabelPlan | undefined) => q !== undefined && p.text === q.text && p.dx === q.dx && p.dy === q.dy;

function setClass(e: SingularElementArgument, name: string, on: boolean): boolean {
  if (e.hasClass(name) === on) return false;
  e.toggleClass(name, on);
  return true;
}

const own = (event: EventObject) => event.target !== event.cy && String(event.target.id()).startsWith(OWN_PREFIX);

export function useTopologyLabels(cy: Readonly<Ref<Core | null>>, container: Readonly<Ref<HTMLElement | null>>) {
  const plan = shallowRef<LabelPlan | null>(null);
  const measure = canvasMeasure();
  let frame = 0;
  /**
   * Since the last plan: elements came or went or the drawing was resized (`structural`); elements came or
   * went or a node moved (`moved`). `markPending`: a DRAWN_MARK waits for the next paint.
   */
  let structural = true;
  let moved = true;
  let markPending = false;
  /** Elements added since the last plan (they have none of its classes and data yet); the instance it was applied to. */
  const fresh = new Set<string>();
  let planned: Core | null = null;

  let soon = false;
  let unmounted = false;

  /**
   * Plans again: right after the current task when elements come or go, the drawing is resized or nodes
   * are moved other than by dragging (a file opened, an edit, the pane's new size, the fit to it), so that
   * cytoscape's next frame already draws the new labels (drawn first with the old ones, 500 nodes were drawn
   * twice: their label styles change, and cytoscape draws them afresh); at most once a frame while a node is
   * dragged or the view panned or zoomed (a mouse event each time).
   */
  function schedule(event?: EventObject): void {
    if (event && own(event)) return;
    const type = event?.type;
    if (type === 'add') fresh.add(String(event!.target.id()));
    if (type === 'add' || type === 'remove' || type === 'position') moved = true;
    if (type === 'add' || type === 'remove' || type === 'resize') structural = true;
    const dragged = type === 'position' && (event!.target as NodeSingular).grabbed();
    if (structural || (type === 'position' && !dragged)) {
      if (soon) return;
      soon = true;
      queueMicrotask(() => {
        soon = false;
        if (frame !== 0) cancelAnimationFrame(frame);
        frame = 0;
        if (!unmounted) apply();
      });
      return;
    }
    if (frame !== 0 || soon) return;
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
    const shown = planned === c ? plan.value : null;
    let wrote = false;
    // only what changed since the last plan (a drag changes a few labels a frame): cytoscape restyles an element
    // on every data() and toggleClass() call, changed or not
    c.batch(() => {
      for (const n of nodes) {
        const p = next.nodes.get(n.id())!;
        if (!fresh.has(n.id()) && sameNodeLabel(p, shown?.nodes.get(n.id()))) continue;
        wrote = setData(n, { labelMax: p.maxWidth, labelDx: p.dx }) || wrote;
        for (const side of ['above', 'right', 'left'] as const) wrote = setClass(n, `label-${side}`, p.side === side) || wrote;
        wrote = setClass(n, 'label-name', p.text === 'name') || wrote;
      }
      c.edges().forEach((e) => {
        const p = next.links.get(e.id())!;
        if (!fresh.has(e.id()) && sameLinkLabel(p, shown?.links.get(e.id()))) return;
        wrote = setData(e, { labelDx: p.dx, labelDy: p.dy }) || wrote;
        wrote = setClass(e, 'label-full', p.text === 'full') || wrote;
        wrote = setClass(e, 'label-short', p.text === 'short') || wrote;
      });
    });
    plan.value = next;
    planned = c;
    fresh.clear();
    // a resize that moved nothing and changed no label (cytoscape resizes itself when the container's attributes
    // change, the page's data-* ones included) draws the same again: no mark for it
    if (structural && (moved || wrote)) markWhenPainted(c);
    structural = false;
    moved = false;
  }

  function markWhenPainted(c: Core): void {
    if (markPending) return;
    markPending = true;
    c.one('render', () => {
      markPending = false;
      const nodes = c.nodes().filter((n) => !n.id().startsWith(OWN_PREFIX)).length;
      const links = c.edges().filter((e) => !e.id().startsWith(OWN_PREFIX)).length;
      performance.clearMarks(DRAWN_MARK);
      performance.mark(DRAWN_MARK, { detail: { nodes, links } });
    });
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
      c.on('resize', schedule);
      c.on('viewport', () => schedule()); // panned or zoomed (the editor)
      c.on('mouseover', 'node, edge', showTitle);
      c.on('mouseout', 'node, edge', () => container.value?.removeAttribute('title'));
      schedule();
    },
    { immediate: true },
  );

  onUnmounted(() => {
    unmounted = true;
    if (frame !== 0) cancelAnimationFrame(frame);
  });

  return { plan: readonly(plan) };
}
