/** The side pane's network view: Run/Edit, the drawing, its legend and the list of nodes and links. */
export const topology = {
  modes: 'Network view',
  run: 'Run',
  edit: 'Edit',
  invalid: 'The scenario has issues, so its network cannot be shown. See the list of issues.',
  asList: 'Nodes and links as a list',
  summary: 'Network: {nodes} nodes, {links} links',
  drawing: 'Network drawing',
  nodeItem: '{name} ({kind}, {address})',
  /** How a node is drawn (src-core's displayKind). */
  kinds: { host: 'host', server: 'server', router: 'router' },
  nodes: 'Nodes',
  links: 'Links',
  /** A link's label: "2 ms · 10 Mbit/s", with " · loss 1%" when it loses packets. */
  linkLabel: '{delay} ms · {bandwidth} Mbit/s',
  linkLabelLoss: '{delay} ms · {bandwidth} Mbit/s · loss {loss}%',
  linkShort: '{delay} ms',
  source: 'Scenario source (JSON)',
  splitter: '{label}: drag, or use the arrow keys; double-click for the default width',
};
