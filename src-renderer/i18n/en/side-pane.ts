/** The left pane: its tabs. */
export const sidePane = {
  label: 'Scenario',
  tabsLabel: 'Scenario views',
  tabs: { lesson: 'Guide', topology: 'Topology', source: 'Source', view: 'View' },
};
