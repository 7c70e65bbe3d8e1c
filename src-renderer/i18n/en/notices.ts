/** Notices in the status bar from the app's commands (commands/app-commands.ts) and the recovery copy. */
export const notices = {
  saved: 'Saved {file}',
  failed: {
    newScenario: 'Could not start a new scenario: {message}',
    openLesson: 'Could not open the lesson: {message}',
    openFile: 'Could not open the file: {message}',
    restore: 'Could not restore the work: {message}',
    save: 'Could not save: {message}',
    exportTrace: 'Could not export the trace: {message}',
    cancelRun: 'Could not cancel the run: {message}',
    recoveryCopy: 'Could not keep a recovery copy of the work: {message}',
  },
  refused: 'Did not open {file}: it has 1 issue; {name} is unchanged | Did not open {file}: it has {count} issues; {name} is unchanged',
  exportWait: 'Wait for the run to finish, then export its trace',
  exportNothing: 'Run the scenario first: there is no trace to export yet',
  exportedTrace: 'Exported the trace to {file}',
  nothingToUndo: 'Nothing to undo',
  nothingToRedo: 'Nothing to redo',
  restored: 'Restored the unsaved work on {name}',
};
