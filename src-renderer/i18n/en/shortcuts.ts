/**
 * Shortcut hints in titles, and the key table of the help dialog, which is
 * also the README's `| key | action |` table (commands/key-table.ts).
 */
export const shortcuts = {
  titleWithKeys: '{label} ({keys})',
  /** A group's title, when its keys apply (the README's key column), and what its actions start with in the README. */
  groups: {
    commands: { title: 'Run and files' },
    playback: { title: 'Playback — moves the selection; not while typing in a field', prefix: 'playback: ' },
    chart: { title: 'Chart, when it has focus', where: 'chart focused' },
    list: { title: 'Message list, when it has focus', where: 'list focused' },
    waterfall: { title: 'Waterfall, when a row has focus', where: 'waterfall focused' },
    editor: { title: 'Topology editor, when its canvas has focus (Edit mode)', where: 'editor focused' },
    minimap: { title: 'Minimap, when it has focus (Edit mode; click or drag in it to move the view)', where: 'minimap focused' },
  },
  commands: {
    runStart: 'run the scenario',
    runCancel: 'cancel the run',
    fileNew: 'new scenario',
    fileOpen: 'open a scenario file',
    fileSave: 'save',
    fileSaveAs: 'save as',
    fileExport: 'export the trace',
    editUndo: 'undo the last edit of the network (in a text field: its typing)',
    editRedo: 'redo',
    viewToggleTransport: 'show or hide transport messages',
    viewZoomIn: 'zoom the chart’s time scale in',
    viewZoomOut: 'zoom the chart’s time scale out',
    viewFit: 'fit the whole run in the chart',
    helpAbout: 'help and keyboard shortcuts',
  },
  playback: {
    toggle: 'play or pause',
    next: 'next message',
    previous: 'previous message',
    first: 'first message',
    last: 'last message',
  },
  chart: {
    previous: 'previous message (like ←, without turning playback on)',
    next: 'next message (like →, without turning playback on)',
    zoomIn: 'zoom in',
    zoomOut: 'zoom out',
    fit: 'fit the whole run',
    toggle: 'expand or collapse the selected message’s segments',
  },
  list: {
    upDown: 'previous / next row (a message or a state change)',
    page: 'a page up / down',
    homeEnd: 'first / last row',
  },
  waterfall: {
    previous: 'previous object',
    next: 'next object',
    pageUp: 'a page up',
    pageDown: 'a page down',
    first: 'first object',
    last: 'last object',
    show: 'select the object’s HTTP response and show it in the chart',
  },
  editor: {
    delete: 'delete the selected nodes and links',
    selectAll: 'select every node and link',
    copy: 'copy the selected nodes',
    paste: 'paste them',
    duplicate: 'duplicate the selected nodes',
    nudgeLeft: 'move the selection one grid step left (with Alt: 1 px)',
    nudgeRight: 'one grid step right',
    nudgeUp: 'one grid step up',
    nudgeDown: 'one grid step down',
    linkMode: 'link mode: drag from a node to another to link them',
    layout: 'lay the network out automatically',
    fit: 'fit the network in view',
    minimap: 'show or hide the minimap',
    escape: 'leave link mode, else clear the selection',
  },
  minimap: {
    panLeft: 'move the view a quarter of its width left',
    panRight: 'a quarter right',
    panUp: 'a quarter of its height up',
    panDown: 'a quarter down',
    minimap: 'hide the minimap (the canvas gets the focus)',
  },
  /** Alternatives in a key cell: "F5 or Ctrl+R". */
  or: 'or',
  /** Alternatives in a title: ". or →". */
  alternatives: '{first} or {second}',
};
