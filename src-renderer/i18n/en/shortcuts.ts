/** Shortcut hints in titles, and the key table of the help dialog and the README. */
export const shortcuts = {
  titleWithKeys: '{label} ({keys})',
};
