/** What the web host says when a file, the runner or the recovery store fails (shown in notices and the status bar). */
export const host = {
  tooLarge: '{file} is {size}; a scenario file is at most {limit}',
  size: { bytes: '{count} bytes', kb: '{count} KB', mb: '{count} MB', gb: '{count} GB' },
  pickerType: 'L7 Lab scenario',
  writeFailed: 'could not write {file}: {message}; the file on disk is unchanged',
  noLesson: 'there is no lesson "{id}"',
  runnerStopped: 'the runner stopped unexpectedly',
  runnerUnreadable: 'a message from the runner could not be read',
  runnerHung: 'the runner did not stop within {seconds} s of the cancel, so it was restarted',
  recovery: {
    notOpened: 'IndexedDB: the database could not be opened',
    blocked: 'IndexedDB: the database is held open by an older tab of L7 Lab',
    writeFailed: 'IndexedDB: the write failed',
    writeAborted: 'IndexedDB: the write was aborted',
    readFailed: 'IndexedDB: the read failed',
  },
};
