/**
 * Editing gestures on the topology drawing (the pane's Edit mode). The
 * scenario stays the model: every gesture becomes one editor command
 * (stores/editor.ts apply), and the drawing follows the new scenario
 * through useCytoscape's patch. So:
 * - a drag ends in one "move" step; nodes snap to a GRID px grid unless Alt
 *   is held at the drop; the first move of a file whose nodes have no
 *   places writes every node's place (the automatic layout's), so none moves
 *   when another is added;
 * - a link is drawn by dragging from a node's handle (the dot shown at its
 *   corner on hover, and again on the first move after a link was drawn
 *   there) to another node, or from any node in link mode
 *   (cytoscape-edgehandles); the edge the extension adds is taken away
 *   again and the link command adds the model's;
 * - the canvas's selection is the editor store's;
 * - palette items dropped on the canvas (HTML drag and drop, the preset id
 *   in PRESET_MIME) become nodes at the drop point.
 */
import cytoscape, { type Core, type EventObject, type NodeSingular } from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import { onUnmounted, ref, watch, type Ref, type ShallowRef } from 'vue';
import { addLink } from '../../src-core/editor/add-link';
import { addNode } from '../../src-core/editor/add-node';
import type { Point } from '../../src-core/editor/doc';
import { moveNodes } from '../../src-core/editor/move-nodes';
import { presetById } from '../editor/palette';
import { useEditorStore } from '../stores/editor';
import { OWN_PREFIX } from '../topology/elements';
import { t } from '../i18n/translate';

/** The grid nodes snap to, model px. */
export const GRID = 20;
/** The dataTransfer type of a palette item being dragged: its preset id. */
export const PRESET_MIME = 'application/x-l7-preset';
const HANDLE_ID = `${OWN_PREFIX}edit-handle`;

let registered = false;

export function snapToGrid(p: Point): Point {
  return { x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID };
}

export function useTopologyEditor(cy: Readonly<ShallowRef<Core | null>>, container: Ref<HTMLElement | null>, modelPositions: () => ReadonlyMap<string, Point>) {
  const editor = useEditorStore();
  const linkMode = ref(false);
  /** Where the link handle is drawn (canvas px), "x,y", or '' when hidden: for tests, which draw links by the mouse. */
  const handlePlace = ref('');
  let handles: ReturnType<Core['edgehandles']> | null = null;
  let handleFor: NodeSingular | null = null;
  /** A link is being drawn (between edgehandles' ehstart and ehstop). */
  let drawing = false;
  const editing = () => editor.mode === 'edit';

  /** A point of the canvas (client px) in model coordinates. */
  function modelPoint(clientX: number, clientY: number): Point | null {
    const c = cy.value;
    const box = container.value?.getBoundingClientRect();
    if (!c || !box) return null;
    const pan = c.pan();
    const zoom = c.zoom();
    return { x: (clientX - box.left - pan.x) / zoom, y: (clientY - box.top - pan.y) / zoom };
  }

  function onDragFree(event: EventObject): void {
    if (!editing()) return;
    const c = cy.value!;
    const alt = (event.originalEvent as MouseEvent | undefined)?.altKey === true;
    const places = new Map(modelPositions());
    const target = event.target as NodeSingular;
    // a drag moves the grabbed node and, when it was selected, the whole selection
    const group = target.selected() ? c.nodes(':selected') : target;
    const moved = new Set<string>();
    group.forEach((n: NodeSingular) => {
      if (n.id().startsWith(OWN_PREFIX)) return;
      const p = n.position();
      places.set(n.id(), alt ? { x: p.x, y: p.y } : snapToGrid(p));
      moved.add(n.id());
    });
    editor.apply(t('editor.edits.move', { count: moved.size }, moved.size), (doc) =>
      // every node gets its place written when some have none yet (the layout's places stay)
      moveNodes(doc, doc.nodes.some((n) => n.position === undefined) ? places : new Map([...places].filter(([id]) => moved.has(id)))),
    );
  }

  function onSelect(): void {
    const c = cy.value;
    if (!c || !editing()) return;
    editor.select(c.elements(':selected').map((e) => e.id()).filter((id) => !id.startsWith(OWN_PREFIX)));
  }

  function showHandle(event: EventObject): void {
    const c = cy.value;
    const node = event.target as NodeSingular;
    if (!c || !editing() || node.id().startsWith(OWN_PREFIX)) return;
    handleFor = node;
    const at = { x: node.position('x') + node.width() / 2 + 4, y: node.position('y') - node.height() / 2 - 4 };
    const handle = c.getElementById(HANDLE_ID);
    if (handle.empty()) c.add({ group: 'nodes', data: { id: HANDLE_ID }, classes: 'edit-handle', position: at, grabbable: false, selectable: false });
    else handle.position(at);
    const shown = c.getElementById(HANDLE_ID).renderedPosition();
    handlePlace.value = `${Math.round(shown.x)},${Math.round(shown.y)}`;
  }

  function hideHandle(): void {
    cy.value?.getElementById(HANDLE_ID).remove();
    handlePlace.value = '';
  }

  function onLinkDrawn(_event: EventObject, source: NodeSingular, target: NodeSingular, added: cytoscape.EdgeSingular): void {
    added.remove(); // the model's link comes back through the patch
    hideHandle();
    const a = source.id();
    const b = target.id();
    editor.apply(t('editor.edits.addLink'), (doc) => addLink(doc, a, b)?.doc ?? null);
  }

  function setUp(c: Core): void {
    if (!registered) {
      cytoscape.use(edgehandles);
      registered = true;
    }
    handles = c.edgehandles({
      canConnect: (s, t) => !s.same(t) && !t.id().startsWith(OWN_PREFIX) && s.edgesWith(t).empty(),
      edgeParams: () => ({ data: {} }),
      snap: true,
      hoverDelay: 100,
    });
    c.on('dragfree', 'node', onDragFree);
    c.on('select unselect', onSelect);
    c.on('mouseover', 'node', showHandle);
    // after a link is drawn the pointer is still over its end: the first move there shows that node's handle again
    c.on('mousemove', 'node', (event: EventObject) => {
      if (handlePlace.value === '' && !drawing) showHandle(event);
    });
    c.on('ehstart', () => (drawing = true));
    c.on('tapstart', `#${HANDLE_ID}`, () => {
      if (handleFor && handles) handles.start(handleFor);
    });
    c.on('ehcomplete', onLinkDrawn as unknown as cytoscape.EventHandler);
    c.on('ehstop', () => {
      drawing = false;
      hideHandle();
    });
  }

  watch(
    cy,
    (c) => {
      if (c) setUp(c);
    },
    { immediate: true },
  );
  watch(linkMode, (on) => (on ? handles?.enableDrawMode() : handles?.disableDrawMode()));
  watch(
    () => editor.mode,
    (mode) => {
      if (mode !== 'edit') {
        linkMode.value = false;
        hideHandle();
      }
    },
  );

  /** A palette item dropped on the canvas. */
  function onDrop(event: DragEvent): void {
    const id = event.dataTransfer?.getData(PRESET_MIME);
    if (!editing() || !id) return;
    event.preventDefault();
    const at = modelPoint(event.clientX, event.clientY);
    const preset = presetById(id);
    if (!at || !preset) return;
    addPreset(id, event.altKey ? at : snapToGrid(at));
  }

  function onDragOver(event: DragEvent): void {
    if (editing() && event.dataTransfer?.types.includes(PRESET_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }

  /** Adds a preset's node at `at` (model px), or in the middle of the view; selects it. */
  function addPreset(presetId: string, at?: Point): void {
    const preset = presetById(presetId);
    const c = cy.value;
    if (!preset || !c) return;
    const extent = c.extent();
    const place = at ?? snapToGrid({ x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 });
    let added = '';
    editor.apply(t('editor.edits.addPreset', { preset: preset.label }), (doc) => {
      const result = addNode(doc, preset, place);
      added = result.id;
      return result.doc;
    });
    if (added) editor.select([added]);
  }

  onUnmounted(() => {
    handles?.destroy();
    handles = null;
  });

  return { linkMode, handlePlace, onDrop, onDragOver, addPreset, modelPoint };
}
