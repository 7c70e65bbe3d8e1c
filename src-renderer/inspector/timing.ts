/**
 * A message's delay split into its parts (K&R §1.4: propagation,
 * transmission, queueing), as fractions of the total for bars that add up.
 * Whatever the parts do not explain (e.g. processing) is shown as "other".
 */
import type { MessageTiming } from '../../src-core/trace/types';

export interface DelayPart {
  readonly name: 'propagation' | 'transmission' | 'queueing' | 'other';
  /** ns. */
  readonly value: number;
  /** Of the total, 0..1. */
  readonly fraction: number;
}

export function delayParts(timing: MessageTiming, total: number): DelayPart[] {
  const named = [
    { name: 'propagation', value: timing.propagation },
    { name: 'transmission', value: timing.transmission },
    { name: 'queueing', value: timing.queueing },
  ] as const;
  const sum = named.reduce((s, p) => s + p.value, 0);
  const whole = Math.max(total, sum);
  const parts: DelayPart[] = named.map((p) => ({ ...p, fraction: whole > 0 ? p.value / whole : 0 }));
  const other = total - sum;
  if (other > 0) parts.push({ name: 'other', value: other, fraction: other / whole });
  return parts;
}
