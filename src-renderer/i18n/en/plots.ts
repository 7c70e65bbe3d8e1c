/** The Plots tab: metrics of a run over time (plots/), the plot view and its exports. */
export const plots = {
  tab: 'Plots',
  pane: 'Plots',
  picker: 'Show plot',
  formulaLine: 'Formula: {title}',
  empty: {
    idle: 'Run the scenario: its measures over time are plotted here.',
    running: 'Running… the plots appear when the run has data for them.',
    none: 'This run has nothing to plot over time: no busy link, no TCP data, no cache and no application message.',
  },
  axis: {
    time: 'Simulated time',
    utilisation: 'Utilisation',
    queueing: 'Queueing delay',
    throughput: 'Throughput',
    entries: 'Entries',
    messages: 'Messages sent per {width}',
  },
  link: {
    title: 'Utilisation and queueing delay: {where}',
    utilisation: 'utilisation',
    queueing: 'queueing delay',
  },
  throughput: {
    title: 'TCP throughput at the receiver, per {width}',
    total: 'all {count} connection directions together',
  },
  cache: {
    title: 'Cache entries',
    dns: '{node} (DNS)',
    http: '{node} (HTTP)',
  },
  messages: {
    title: 'Application messages sent, per {width}',
  },
  view: {
    toolbar: 'Plot',
    resetZoom: 'Reset zoom',
    resetZoomHint: 'Show the whole x range again (or double-click the plot)',
    zoomHint: 'Drag across the plot to zoom in on a range of x; double-click to see it all. With the plot focused, ← and → read the values out point by point.',
    readout: '{x}: {values}',
    readoutValue: '{label} {value}',
    summary: '{title}. {series}. x from {from} to {to}.',
    seriesSummary: '{label}: up to {max}',
    exportPng: 'Export this plot as PNG',
    exportSvg: 'Export this plot as SVG',
    exportCsv: 'Export this plot’s values as CSV',
    exported: 'Exported the plot to {where}',
    exportFailed: 'Could not export the plot: {error}',
  },
};
