/** The Export dialog: formats, the part of the chart, progress, notices. */
export const exportDialog = {
  title: 'Export',
  format: 'Format',
  formats: {
    chartPng: { label: 'Chart as PNG', detail: 'A picture of the sequence chart, for slides and notes.' },
    chartSvg: { label: 'Chart as SVG', detail: 'The chart as a scalable drawing; opens in browsers and Inkscape.' },
    traceJson: { label: 'Trace as JSON', detail: 'Every event of the run (l7-trace format).' },
    pcapng: { label: 'Packets as pcapng', detail: 'The TCP and UDP packets, for Wireshark or tshark.' },
    scenario: { label: 'Scenario as .l7.json', detail: 'The scenario text, to share or run again.' },
  },
  unavailable: {
    running: 'Wait for the run to finish.',
    noRun: 'Run the scenario first: there is nothing to export yet.',
    noPackets: 'This run sent no TCP or UDP packets.',
  },
  part: 'Part of the chart',
  whole: 'Whole chart',
  visible: 'Visible time range',
  visibleRange: '{from} – {to} ms',
  visibleNone: 'Shown when the chart is on screen.',
  exporting: 'Exporting…',
  cancel: 'Cancel',
  export: 'Export',
  /** The exported chart's title for a part of the run: "dns.l7.json (0.000–12.000 ms)". */
  chartTitle: '{name} ({from}–{to} ms)',
  noChart: 'there is no chart to export',
  saved: 'Exported {file}',
  failed: 'Could not export: {message}',
};
