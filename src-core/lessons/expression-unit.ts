/**
 * The unit of a formula's sub-expression, where arithmetic makes it plain,
 * so that the panel can write "rttRoot = 2 × (4 ms + 20 ms) = 48 ms": a sum
 * or difference of terms of one unit has that unit; a product or quotient
 * with a plain number (a literal, or a name without a unit) keeps the other
 * side's unit. Anything else (seconds × bit/s, min of mixed units) has no
 * unit we claim, and is shown as a plain number.
 */
import type jsep from 'jsep';
import type { MetricUnit } from '../trace/types';
import type { Formula } from './expression';

/** 'number': a plain number; null: no unit we can name. */
type Dimension = MetricUnit | 'number' | null;

function dimension(node: jsep.Expression, units: (name: string) => MetricUnit | null): Dimension {
  switch (node.type) {
    case 'Literal':
      return 'number';
    case 'Identifier':
      return units((node as jsep.Identifier).name) ?? 'number';
    case 'UnaryExpression':
      return dimension((node as jsep.UnaryExpression).argument, units);
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      const l = dimension(b.left, units);
      const r = dimension(b.right, units);
      if (l === null || r === null) return null;
      if (b.operator === '+' || b.operator === '-') return l === r ? l : l === 'number' ? r : r === 'number' ? l : null;
      if (b.operator === '*') return l === 'number' ? r : r === 'number' ? l : null;
      if (b.operator === '/') return r === 'number' ? l : l === r ? 'number' : null;
      return null;
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      const name = (c.callee as jsep.Identifier).name;
      const args = c.arguments.map((a) => dimension(a, units));
      if ((name === 'min' || name === 'max' || name === 'abs' || name === 'ceil' || name === 'floor') && args.every((a) => a === args[0])) return args[0] ?? null;
      return args.every((a) => a === 'number') ? 'number' : null;
    }
    default:
      return null;
  }
}

/** The formula's unit from its names' units, or null when it is a plain number or not plain at all. */
export function unitOfFormula(formula: Formula, units: (name: string) => MetricUnit | null): MetricUnit | null {
  const d = dimension(formula.tree, units);
  return d === 'number' ? null : d;
}
