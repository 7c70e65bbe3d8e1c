/** The About dialog, "save changes?" and the recovered-work banner. */
export const dialogs = {
  about: {
    title: 'L7 Lab',
    text: 'The application layer of the Internet, made visible: real protocol engines on a simulated network, shown as message-sequence charts. It works offline and never makes a request outside itself.',
    close: 'Close',
  },
  unsaved: {
    title: 'Save changes to {name}?',
    text: "Your changes will be lost if you don't save them.",
    discard: "Don't save",
    cancel: 'Cancel',
    save: 'Save',
  },
  recovery: {
    label: 'Recovered work',
    heading: 'Unsaved work was recovered:',
    text: '{name}, last changed {when}.',
    restore: 'Restore it',
    discard: 'Discard it',
  },
};
