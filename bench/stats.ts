/** Figures over repeated runs, printed as min / median / max (bench/README: each figure a median of at least five runs). */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]! };
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatSpread(s: Spread, unit: string, digits = 0): string {
  const f = (n: number) => (digits === 0 ? fmt(n) : n.toFixed(digits));
  return `median ${f(s.median)} ${unit} (min ${f(s.min)}, max ${f(s.max)})`;
}
