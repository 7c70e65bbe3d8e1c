/** The scenario's issues above the chart, and a file that Open refused. */
export const issues = {
  refused: {
    heading: 'Did not open {file}: 1 issue — {name} is unchanged | Did not open {file}: {count} issues — {name} is unchanged',
    label: 'Issues in {file}',
    openAnyway: 'Open it anyway to fix it',
    dismiss: 'Dismiss these issues',
  },
  heading: '1 issue in {name} — fix it to run the scenario | {count} issues in {name} — fix them to run the scenario',
  label: 'Scenario issues',
  line: 'line {line}',
  lineColumn: 'line {line}, column {column}',
  show: 'Show {place} in the source',
};
