/** The page-load waterfall: its pane, toolbar, legend, rows, words and the exported picture. */
export const waterfall = {
  label: 'Waterfall',
  empty: {
    running: 'Running… the waterfall appears when the browser starts loading a page.',
    idle: 'Run the scenario: a browser’s page loads are drawn here.',
    none: 'This run loaded no web page. A waterfall needs a browser that loads one (an http-browse action in the workload).',
  },
  toolbar: {
    pageLoad: 'Page load',
    option: '{n}. {label}',
    png: { label: 'PNG', title: 'Export this page load’s waterfall as PNG' },
    saved: 'Exported the waterfall to {file}',
    failed: 'Could not export the waterfall: {message}',
  },
  legend: {
    label: 'Phase colours',
    /** A phase and what it measures: "DNS (resolving the server’s name)"; the parentheses are the legend's. */
    item: '{label} ({detail})',
    loaded: 'Page loaded',
    loadedDetail: '(the page-load time)',
    loadedAt: 'Page loaded ({time} ms)',
  },
  /** The phases of an object's bar (waterfall/phases.ts): name, what it measures, and the name inside a sentence. */
  phases: {
    dns: { label: 'DNS', detail: 'resolving the server’s name', inText: 'dns' },
    connect: { label: 'Connect', detail: 'TCP handshake', inText: 'connect' },
    waiting: { label: 'Waiting', detail: 'request sent → first byte', inText: 'waiting' },
    receiving: { label: 'Receiving', detail: 'first → last byte', inText: 'receiving' },
  },
  columns: { object: 'Object', status: 'Status', size: 'Size', connection: 'Connection' },
  rows: {
    label: 'Objects of {url}, in request order',
    noneYet: 'No object has arrived yet.',
    none: 'No object arrived.',
    failedLabel: 'Objects not loaded',
    failedUrl: '✕ {url}',
    failedReason: 'not loaded: {reason}',
    failed: '✕ not loaded: {reason}',
  },
  /** A bar segment's tooltip: "Connect (TCP handshake): 60.771 → 90.912 ms, 30.141 ms". */
  segment: '{label} ({detail}): {from} → {to} ms, {duration} ms',
  words: {
    connections: '1 connection | {count} parallel connections',
    mode: '{mode}, {connections}',
    load: '{node} · {url} · {mode} · at {time}',
    failed: 'Failed: {reason}',
    unfinished: 'Not finished: 1 object so far | Not finished: {count} objects so far',
    loaded: 'Loaded in {time} ms: {objects} over {connections}',
    objects: '1 object | {count} objects',
    connectionCount: '1 connection | {count} connections',
    bytes: '{count} B',
    kilobytes: '{count} kB',
    cache: 'cache',
    newConnection: '{n} (new)',
    /** An object's row read out: "/img1.jpg, 200, 1,000 B, connection 2 (new): connect 60.771–90.912 ms; done at 122.124 ms". */
    object: '{path}, {status}, {size}, connection {connection}: {phases}; done at {done} ms',
    objectNoPhases: '{path}, {status}, {size}, connection {connection}: done at {done} ms',
    phase: '{phase} {from}–{to} ms',
    svgTitle: '{title}: waterfall of {url} ({time} ms)',
  },
  export: {
    noMeasure: 'This browser cannot measure text on a canvas',
    noCanvas: 'This browser cannot draw on a canvas',
    notEncoded: 'The waterfall could not be encoded as PNG',
  },
};
