/**
 * The editor minimap's drawing and gestures (EditorMinimap shows it). It
 * reads cytoscape's model positions and the view's extent, at most once per
 * animation frame after the view or the drawing changed (pan, zoom, resize,
 * a node added, removed, moved or (un)selected), and paints them with
 * topology/minimap-draw.ts through topology/minimap-geometry.ts. It always
 * works out whether the network fits in view (`fits`, `nodeCount`: whether
 * the minimap is wanted); it paints only while `shown()`.
 *
 * A press or drag in the minimap pans the view there (cytoscape's pan only:
 * view state, never an edit, no undo step). While a drag lasts the minimap's
 * scale is held, so the rectangle under the pointer does not rescale as the
 * view moves; it is worked out again when the drag ends.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { onUnmounted, ref, watch, type Ref } from 'vue';
import { OWN_PREFIX, type TopologyKind } from '../topology/elements';
import type { Box, Point } from '../topology/geometry';
import { drawMinimap, type MinimapNode } from '../topology/minimap-draw';
import {
  dragTarget, fitsInView, grabOffset, inBox, keyPanBy, MINIMAP_SIZE, minimapTransform, modelBounds, panToCenter, unionBox,
  type MinimapTransform, type PanDirection,
} from '../topology/minimap-geometry';
import { NODE_SIZE, type TopologyColors } from '../topology/style';

/** What changes the minimap: the view, and the nodes and links drawn. */
const EVENTS = 'viewport resize add remove position select unselect';
/** Half the largest node, model px: the network's bounds reach the nodes' edges. */
const NODE_MARGIN = Math.max(...Object.values(NODE_SIZE).flatMap((s) => [s.width, s.height])) / 2;

/** A node of the scenario's, not one the app or cytoscape-edgehandles draws for itself (the link handle, the packet, a ghost). */
const isModelNode = (n: NodeSingular) => !n.id().startsWith(OWN_PREFIX) && !n.hasClass('eh-ghost');

export function useMinimap(
  cy: Readonly<Ref<Core | null>>,
  canvas: Readonly<Ref<HTMLCanvasElement | null>>,
  colors: () => TopologyColors,
  shown: () => boolean,
) {
  /** Whether the whole network is in view; how many nodes it has. */
  const fits = ref(true);
  const nodeCount = ref(0);
  /** The view's rectangle in minimap px, "x1,y1,x2,y2" rounded, or '' before it is drawn: for tests. */
  const viewportText = ref('');
  const dragging = ref(false);
  /** The pointer is over the view's rectangle (it can be grabbed there). */
  const overViewport = ref(false);
  let transform: MinimapTransform | null = null;
  let viewport: Box | null = null;
  let drag: { pointerId: number; offset: Point } | null = null;
  let frame = 0;
  let bound: Core | null = null;

  function schedule(): void {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  }

  function update(): void {
    const c = cy.value;
    if (!c || c.destroyed()) return;
    const places = new Map<string, Point>();
    const nodes: MinimapNode[] = [];
    c.nodes().forEach((n) => {
      if (!isModelNode(n)) return;
      const p = n.position();
      const size = NODE_SIZE[n.data('kind') as TopologyKind] ?? NODE_SIZE.host;
      places.set(n.id(), p);
      nodes.push({ x: p.x, y: p.y, ...size, selected: n.selected() });
    });
    const network = modelBounds(places.values(), NODE_MARGIN);
    const view = c.extent();
    fits.value = network === null || fitsInView(network, view);
    nodeCount.value = nodes.length;
    const box = canvas.value;
    const ctx = box?.getContext('2d');
    if (!shown() || !box || !ctx) return;

    if (!drag || !transform) transform = minimapTransform(network ? unionBox(network, view) : view, MINIMAP_SIZE);
    const links: [Point, Point][] = [];
    c.edges().forEach((e) => {
      if (e.hasClass('eh-ghost') || e.hasClass('eh-preview')) return;
      const a = places.get(e.data('source') as string);
      const b = places.get(e.data('target') as string);
      if (a && b) links.push([a, b]);
    });
    // the canvas has the screen's pixels behind its CSS size: sharp on a HiDPI display
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(MINIMAP_SIZE.width * ratio);
    const height = Math.round(MINIMAP_SIZE.height * ratio);
    if (box.width !== width || box.height !== height) {
      box.width = width;
      box.height = height;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    viewport = drawMinimap(ctx, { nodes, links, view }, transform, colors(), MINIMAP_SIZE);
    viewportText.value = [viewport.x1, viewport.y1, viewport.x2, viewport.y2].map(Math.round).join(',');
  }

  /** A pointer event's point in minimap px (the canvas may be drawn at another size than MINIMAP_SIZE by zoom). */
  function local(event: PointerEvent): Point {
    const r = canvas.value!.getBoundingClientRect();
    return {
      x: ((event.clientX - r.left) * MINIMAP_SIZE.width) / Math.max(1, r.width),
      y: ((event.clientY - r.top) * MINIMAP_SIZE.height) / Math.max(1, r.height),
    };
  }

  function panTo(pointer: Point): void {
    const c = cy.value;
    if (!c || !drag || !transform) return;
    c.pan(panToCenter(dragTarget(pointer, drag.offset, transform), c.zoom(), { width: c.width(), height: c.height() }));
  }

  function onPointerDown(event: PointerEvent): void {
    const box = canvas.value;
    if (event.button !== 0 || !box || !transform || !viewport) return;
    event.preventDefault(); // no text selection, no native drag
    box.focus({ preventScroll: true }); // its keys next (the press's default would not give it the focus once prevented)
    box.setPointerCapture(event.pointerId);
    const at = local(event);
    drag = { pointerId: event.pointerId, offset: grabOffset(at, viewport) };
    dragging.value = true;
    panTo(at);
  }

  function onPointerMove(event: PointerEvent): void {
    if (drag?.pointerId === event.pointerId) panTo(local(event));
    else if (!drag) overViewport.value = viewport !== null && inBox(local(event), viewport);
  }

  function onPointerUp(event: PointerEvent): void {
    if (drag?.pointerId !== event.pointerId) return;
    drag = null;
    dragging.value = false;
    if (canvas.value?.hasPointerCapture(event.pointerId)) canvas.value.releasePointerCapture(event.pointerId);
    schedule(); // the scale is worked out again for where the view is now
  }

  /** Moves the view a step (a key on the focused minimap). */
  function panBy(direction: PanDirection): void {
    const c = cy.value;
    if (c) c.panBy(keyPanBy(direction, { width: c.width(), height: c.height() }));
  }

  function bind(c: Core | null): void {
    if (bound && !bound.destroyed()) bound.off(EVENTS, schedule);
    bound = c;
    c?.on(EVENTS, schedule);
    schedule();
  }

  watch(cy, bind, { immediate: true });
  watch([shown, colors], schedule);

  onUnmounted(() => {
    if (bound && !bound.destroyed()) bound.off(EVENTS, schedule);
    bound = null;
    if (frame !== 0) cancelAnimationFrame(frame);
    frame = 0;
  });

  return { fits, nodeCount, viewportText, dragging, overViewport, onPointerDown, onPointerMove, onPointerUp, panBy };
}
