/** The sequence chart: its toolbar, legend, canvas, tooltips and what it paints. */
export const chart = {
  label: 'Chart',
  toolbar: {
    zoomOut: { label: 'Zoom out', title: 'Zoom out (−)' },
    zoomIn: { label: 'Zoom in', title: 'Zoom in (+)' },
    fit: { label: 'Fit', title: 'Fit the whole run in the pane (0)' },
    compressGaps: 'Compress idle gaps',
    showTransport: 'Show transport',
    states: { label: 'State changes', title: 'Mark state changes on the lanes: cache entries, zone edits, answers received …' },
    png: { label: 'PNG', title: 'Export the whole chart as PNG' },
  },
  export: {
    nothing: 'Run the scenario first: there is no chart to export yet',
    pages: 'The chart is tall: exported it as {pages} pages ({names})',
    saved: 'Exported the chart to {names}',
    failed: 'Could not export the chart: {message}',
    noCanvas: 'This browser cannot draw on an offscreen canvas',
    notEncoded: 'The chart could not be encoded as PNG',
  },
  legend: {
    label: 'Protocol colours',
    hint: '✕ lost · ○ discarded at host · ×N burst · ⊞ expand',
    title: 'A lost message ends in a cross; one the receiving host discarded (no socket on its port) ends on its lane in a hollow circle; ×N is a burst of N alike messages (click it to show them); ⊞ expands a message into the segments carrying it',
  },
  canvas: {
    empty: 'Run the scenario to draw its sequence chart.',
    emptyLabel: 'Sequence chart, empty',
    description: 'Sequence chart: {lanes}; {count} messages. Arrow keys select messages, plus and minus zoom, 0 fits, Enter expands.',
    moreBelow: 'More below, to {time}',
    moreBelowFit: 'Fit',
    moreBelowTitle: 'Fit the whole run in the pane (0)',
  },
  tooltip: {
    expand: 'Show the segments carrying it',
    collapse: 'Collapse into the application message',
    bundle: 'Bundle these {n} messages into one arrow again',
    unbundle: 'Show the {n} messages of this burst one by one',
  },
  /** Painted on the canvas: how long an idle gap is. */
  idle: '{duration} idle',
};
