/** Units and number words shared by every view: a value and its unit. */
export const units = {
  ns: '{value} ns',
  us: '{value} µs',
  ms: '{value} ms',
  s: '{value} s',
  /** A time on the run's clock. */
  atTime: 'at {time}',
};
