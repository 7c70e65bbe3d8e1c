/** The window's top bar: file and run commands, the lesson picker, theme, help. */
export const toolbar = {
  /** A no-break space: the name never wraps. */
  brand: 'L7\u00a0Lab',
  file: 'File',
  new: { label: 'New', title: 'New scenario' },
  open: { label: 'Open…', title: 'Open a scenario file' },
  save: { label: 'Save', title: 'Save the scenario' },
  export: { label: 'Export…', title: 'Export the chart, the trace, its packets or the scenario' },
  run: { group: 'Run', label: 'Run', title: 'Run the scenario' },
  cancel: { label: 'Cancel', title: 'Cancel the run' },
  help: { label: 'Help', title: 'Keyboard shortcuts and about' },
  /** While the scenario has issues: beside the Run button, and its title. */
  blocker: {
    note: '1 issue to fix | {count} issues to fix',
    title: 'Cannot run yet: fix 1 issue first. {issue} | Cannot run yet: fix {count} issues first. {issue}',
  },
  theme: {
    label: 'Dark theme',
    dark: 'Dark',
    light: 'Light',
    toDark: 'Switch to the dark theme',
    toLight: 'Switch to the light theme',
    toDarkFollowing: 'Switch to the dark theme (now following the system)',
    toLightFollowing: 'Switch to the light theme (now following the system)',
  },
  unsaved: '● unsaved',
  lessons: {
    label: 'Lesson',
    choose: 'Choose a lesson…',
    title: 'Open one of the built-in lessons',
    listFailed: 'Could not list the lessons: {message}',
  },
};
