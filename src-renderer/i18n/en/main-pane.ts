/** The middle of the window: its tabs. */
export const mainPane = {
  label: 'Sequence chart',
  tabsLabel: 'Messages view',
  tabs: { chart: 'Chart', list: 'List', waterfall: 'Waterfall' },
};

/** The window's splitters (App.vue). */
export const splitters = {
  side: 'Resize side pane',
  inspector: 'Resize inspector',
};
