/**
 * A cytoscape instance wrapped for Vue (STYLE.md, after react-cytoscapejs):
 * created on mount in `container`, destroyed on unmount, kept in a
 * shallowRef (never deep-reactive, never in a store). Elements are patched
 * by id inside cy.batch() when `elements()` changes; nodes without a
 * position are placed by a breadth-first layout. On every resize the model
 * positions are scaled into the container (topology/fit.ts) at zoom 1, so
 * nodes and labels keep a readable size. Read-only in the run view: nothing
 * can be dragged or selected. While `editing()` the drawing shows the model
 * positions as they are (the editor's drops and drags are model points) and
 * the user pans and zooms it; useTopologyEditor adds the editing gestures.
 */
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import { nextTick, onMounted, onUnmounted, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import { diffElements, needsLayout, OWN_PREFIX, type TopologyElement } from '../topology/elements';
import { fitPositions, type Point } from '../topology/fit';

/** Room for labels (about 70 px wide, 30 px below a node) and the largest spread of positions. */
const FIT = { padX: 44, padTop: 26, padBottom: 50, maxScale: 1.4 } as const;
/** Room around the network when the editor fits it in view, px. */
const EDIT_PADDING = 40;
/** The least zoom the editor fits to: node labels stay readable (11 px type at 0.7). */
const MIN_EDIT_ZOOM = 0.7;

export function useCytoscape(
  container: Ref<HTMLElement | null>,
  elements: () => readonly TopologyElement[],
  style: () => StylesheetJson,
  editing: () => boolean = () => false,
): { cy: Readonly<ShallowRef<Core | null>>; fit: () => void; modelPositions: () => ReadonlyMap<string, Point>; fitForEditing: () => void } {
  const cy = shallowRef<Core | null>(null);
  let shown: readonly TopologyElement[] = [];
  /** Positions in the scenario's coordinates (or the layout's). */
  let model = new Map<string, Point>();
  let observer: ResizeObserver | undefined;
  let refitOnResize = false;
  /**
   * What the last fit was for. A fit for the same pane size, positions and mode changes nothing, and is
   * skipped: cytoscape would still draw all of the network again (the pane's observer reports the size a
   * patch has fitted to already).
   */
  let fitted: { readonly width: number; readonly height: number; readonly model: ReadonlyMap<string, Point>; readonly editing: boolean } | null = null;

  function fit(): void {
    const c = cy.value;
    const box = container.value;
    if (!c || !box) return;
    const now = { width: box.clientWidth, height: box.clientHeight, model, editing: editing() };
    const resized = fitted?.width !== now.width || fitted.height !== now.height;
    if (!resized && fitted?.model === now.model && fitted.editing === now.editing) return;
    fitted = now;
    // (cytoscape draws everything afresh after resize(): only when the pane's size did change)
    if (resized) c.resize();
    if (editing()) {
      c.batch(() => {
        for (const [id, p] of model) c.getElementById(id).position({ ...p });
      });
      return;
    }
    const placed = fitPositions(model, { width: now.width, height: now.height, ...FIT });
    c.batch(() => {
      for (const [id, p] of placed) c.getElementById(id).position({ ...p });
    });
    c.zoom(1);
    c.pan({ x: 0, y: 0 });
  }

  function patch(next: readonly TopologyElement[]): void {
    const c = cy.value;
    if (!c) return;
    const { remove, add, update } = diffElements(shown, next);
    c.batch(() => {
      for (const id of remove) c.getElementById(id).remove();
      c.add(add.map((e) => ({ group: e.group, data: { ...e.data }, ...(e.position ? { position: { ...e.position } } : {}) })));
      for (const e of update) {
        const ele = c.getElementById(e.data.id);
        ele.data({ ...e.data });
        if (e.position && ele.isNode()) ele.position({ ...e.position });
      }
    });
    shown = next;
    if (needsLayout(next)) {
      if (add.length > 0 || remove.length > 0) c.layout({ name: 'breadthfirst', directed: false, animate: false }).run();
      model = new Map();
      c.nodes().forEach((n) => {
        if (!n.id().startsWith(OWN_PREFIX)) model.set(n.id(), { ...n.position() });
      });
    } else {
      model = new Map(next.flatMap((e) => (e.group === 'nodes' && e.position ? [[e.data.id, e.position]] : [])));
    }
    // fitted once the pane has the new drawing's height (TopologyGraph sets it as it renders, after this
    // watcher): fitted at the old height, the drawing was fitted and its labels planned and painted again
    // a frame later (for 500 nodes, a tenth of a second)
    void nextTick(fit);
  }

  /** The whole network in view, but never so small that its labels cannot be read (then the user pans). */
  function fitForEditing(c: Core): void {
    c.fit(undefined, EDIT_PADDING);
    if (c.zoom() < MIN_EDIT_ZOOM) c.zoom({ level: MIN_EDIT_ZOOM, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } });
  }

  /** Enter or leave the editor: model positions as they are, the whole network in view; or the run view's fitted drawing. */
  function setEditing(on: boolean): void {
    const c = cy.value;
    if (!c) return;
    c.autoungrabify(!on);
    c.autounselectify(!on);
    c.boxSelectionEnabled(on);
    c.userPanningEnabled(on);
    c.userZoomingEnabled(on);
    if (!on) c.elements().unselect();
    fit();
    if (on) fitForEditing(c);
    // entering the editor resizes the canvas (a taller drawing, a wider pane): fit again once it has
    refitOnResize = on;
  }

  onMounted(() => {
    if (!container.value) return;
    cy.value = cytoscape({
      container: container.value,
      style: style(),
      autoungrabify: true,
      autounselectify: true,
      boxSelectionEnabled: false,
      userPanningEnabled: false,
      userZoomingEnabled: false,
    });
    patch(elements());
    if (editing()) setEditing(true);
    observer = new ResizeObserver(() => {
      fit();
      const c = cy.value;
      if (c && editing() && refitOnResize) {
        c.resize();
        fitForEditing(c);
        refitOnResize = false;
      }
    });
    observer.observe(container.value);
  });

  watch(elements, patch);
  watch(editing, setEditing);
  watch(style, (s) => cy.value?.style(s));

  onUnmounted(() => {
    observer?.disconnect();
    cy.value?.destroy();
    cy.value = null;
  });

  /** Where the nodes are in the scenario's coordinates (or the automatic layout's, for nodes the file does not place). */
  const modelPositions = (): ReadonlyMap<string, Point> => model;

  return { cy, fit, modelPositions, fitForEditing: () => (cy.value ? fitForEditing(cy.value) : undefined) };
}
