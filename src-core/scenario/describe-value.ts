/**
 * Short English descriptions of values found in a file, for messages such as
 * 'expected a number ≥ 0, got "5ms"'. Bounded: never walks into nested values,
 * so it is safe on any input (huge, deep or cyclic).
 */

/** Longest string shown in a message, in characters; longer ones are cut with "…". */
const MAX_SHOWN_STRING = 40;

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      if (Array.isArray(value)) {
        return value.length === 0 ? 'an empty array' : `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
      }
      return Object.keys(value).length === 0 ? 'an empty object' : 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** A string as JSON shows it, cut to MAX_SHOWN_STRING characters. */
export function quote(text: string): string {
  if (text.length <= MAX_SHOWN_STRING) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, MAX_SHOWN_STRING)).slice(0, -1)}…"`;
}

/** ["a", "b", "c"] → '"a", "b" or "c"' (values quoted as JSON). */
export function orList(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? quote(v) : String(v)));
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}
