/** The message list ("List" tab): header, rows, and what it says when empty. */
export const messageList = {
  heading: 'Messages',
  label: 'Messages',
  shown: '{count} shown',
  transport: {
    label: 'Show transport messages (TCP, UDP)',
    title: 'TCP segments and UDP datagrams, besides the application messages they carry ({keys})',
  },
  states: {
    label: 'State changes',
    title: 'List the state changes too: cache entries, zone edits, answers received … (the chart marks the same ones)',
  },
  columns: { time: 'Time (ms)', ends: 'From → To', protocol: 'Protocol', summary: 'Summary' },
  lost: '✕ lost',
  discarded: '○ discarded at host',
  empty: {
    fixIssues: 'Fix the issues listed above, then press Run.',
    pressRun: 'Press Run ({keys}) to simulate the scenario. Its messages appear here.',
    running: 'Running…',
    invalid: 'The scenario has issues (listed above), so nothing ran.',
    failed: 'The run failed before any message was sent; the status bar says why.',
    noApplication: 'No application messages in this trace. Show transport messages to see the rest.',
    nothingSent: 'The run finished without sending any message.',
  },
};
