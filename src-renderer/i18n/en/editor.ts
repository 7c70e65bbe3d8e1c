/**
 * The network editor (Edit mode): toolbar, palette, minimap, properties and
 * the names of edits as Undo and Redo say them ("Undo move 2 nodes").
 */
export const editor = {
  toolbar: {
    label: 'Network editor',
    undo: 'Undo',
    undoTitle: 'Undo {edit} ({keys})',
    nothingToUndo: 'Nothing to undo',
    redo: 'Redo',
    redoTitle: 'Redo {edit} ({keys})',
    nothingToRedo: 'Nothing to redo',
    link: { label: 'Link', title: "Link mode (L): drag from a node to another to link them; or drag from a node's handle at any time" },
    delete: { label: 'Delete', title: 'Delete the selection (Delete)' },
    duplicate: { label: 'Duplicate', title: 'Duplicate the selected nodes ({keys})' },
    layout: { label: 'Lay out', title: 'Lay the network out automatically ({keys})' },
    fit: { label: 'Fit', title: 'Fit the network in view (F)' },
    minimap: { label: 'Minimap', title: 'Show or hide the minimap (M): the whole network, and the part in view; click or drag in it to move the view' },
    revert: { label: 'Revert to lesson', title: 'Undo every change to this lesson (one step: Undo brings them back)' },
  },
  palette: {
    heading: 'Add a node',
    /** The plain host and router's group; the others are the protocol modules' titles. */
    network: 'Network',
    itemTitle: '{label}: drag onto the network, or press to add it in the middle',
  },
  minimap: {
    role: 'minimap',
    label: 'Minimap of the network: the rectangle is the part in view. Click or drag to move the view; arrow keys pan; M hides it.',
    title: 'Minimap: click or drag to move the view (M hides it)',
  },
  canvasLabel: 'Network editor: drop nodes from the palette, drag from a node’s handle to link it, Delete removes the selection',
  clipboard: {
    selectToCopy: 'Select nodes to copy',
    copied: 'Copied a node | Copied {count} nodes',
    nothingToPaste: 'Nothing to paste: copy nodes first',
  },
  properties: {
    heading: 'Properties',
    notAnObject: 'The scenario’s text is not a scenario object: fix it in the Source tab.',
    manySelected: '{count} elements selected: select one to edit it.',
    noneSelected: 'Select a node or a link to edit it. The scenario’s own settings:',
    link: 'Link {a} ↔ {b}',
    runSettings: 'Run settings',
    viewSettings: 'View settings',
    removeService: 'Remove the {service} from {host}',
    remove: 'Remove',
    addService: 'Add a service',
    choose: 'Choose…',
    optional: ' (optional)',
    onePerLine: 'One per line.',
  },
  table: {
    unit: ' ({unit})',
    dataTitle: "The fields of this row's type",
    data: 'Data',
    actions: 'Actions',
    notUsed: 'not used by this row',
    deleteRowLabel: 'Delete row {row} of {table}',
    deleteRow: 'Delete',
    addRow: 'Add a row to {table}',
    /** A cell's accessible name: "Port (ms), row 2", with ", one per line" for a list. */
    cell: '{column}, row {row}',
    cellWithUnit: '{column} ({unit}), row {row}',
    cellList: '{cell}, one per line',
  },
  /** What an edit is called in Undo's and Redo's titles. */
  edits: {
    delete: 'delete',
    deleteMany: 'delete {count} elements',
    paste: 'paste a node | paste {count} nodes',
    duplicate: 'duplicate a node | duplicate {count} nodes',
    move: 'move a node | move {count} nodes',
    addLink: 'add a link',
    addPreset: 'add {preset}',
    addService: 'add a {service}',
    removeService: 'remove a service',
    edit: 'edit {section}',
    revert: 'revert to the lesson',
    layout: 'lay out the network',
  },
};
