/** The status bar: the run's sentence, its progress, notices. */
export const status = {
  ready: 'Ready',
  running: 'Running… {count} events so far',
  invalid: 'Cannot run: the scenario has 1 issue | Cannot run: the scenario has {count} issues',
  failed: 'Run failed: {message} ({name})',
  failedUnknown: 'Run failed: unknown error',
  finished: 'Finished',
  /** The stop reason, at the end time, then the counts. */
  finishedAt: '{reason} at {time} ms · {events} events, {messages} messages',
  stopped: {
    idle: 'Finished: nothing left to do',
    endTime: 'Finished: reached the end time',
    eventBudget: 'Stopped: the event budget ran out',
    cancelled: 'Cancelled',
  },
  progressLabel: 'Simulated time',
  progress: '{simulated} simulated of at most {endTime} · {events} simulator events',
  dismiss: 'Dismiss',
};
