/**
 * The values of a sweep as a user types them: a list ("10, 20, 40 80") or an
 * evenly spaced range "from..to:count" ("10..160:5"). Between 2 and
 * MAX_SWEEP_VALUES numbers; anything else is refused (null). A flag or a
 * mode is swept over its choices (`parseChoices`).
 */
import { MAX_SWEEP_VALUES } from '../../src-core/lessons/guide-schema';
import { valueRange } from '../../src-core/lessons/sweep';

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const RANGE = new RegExp(String.raw`^\s*(${NUMBER})\s*\.\.\s*(${NUMBER})\s*:\s*(\d+)\s*$`);
const ITEM = new RegExp(`^${NUMBER}$`);

export function parseSweepValues(text: string): number[] | null {
  const range = RANGE.exec(text);
  if (range) {
    const count = Number(range[3]);
    if (count < 2 || count > MAX_SWEEP_VALUES) return null;
    return valueRange(Number(range[1]), Number(range[2]), count);
  }
  const items = text.split(/[\s,;]+/).filter((s) => s !== '');
  if (items.length < 2 || items.length > MAX_SWEEP_VALUES || !items.every((s) => ITEM.test(s))) return null;
  return items.map(Number);
}

/** How a list of values is written back in the field. */
export function formatSweepValues(values: readonly number[]): string {
  return values.join(', ');
}

/** Choices of a flag or a mode as typed ("persistent, pipelined"): each one of `options`, at least 2. */
export function parseChoices(text: string, options: readonly string[]): string[] | null {
  const items = text.split(/[\s,;]+/).filter((s) => s !== '');
  if (items.length < 2 || items.length > MAX_SWEEP_VALUES || !items.every((s) => options.includes(s))) return null;
  return items;
}
