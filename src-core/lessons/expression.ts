/**
 * The course's formulas as safe expressions (issue 13, the formula panel and
 * sweeps): arithmetic over named scenario parameters and measured values,
 * e.g. "2 * rtt + L / R". Parsed by jsep (a well-kept expression parser; its
 * syntax tree is all we take from it) and evaluated here by walking that tree,
 * never by `eval` (which the renderer's CSP forbids anyway).
 *
 * Rules:
 * - Allowed: decimal numbers; names given by the caller (letters, digits,
 *   "_", starting with a letter or "_"); unary - and +; binary + - * /;
 *   parentheses; calls of the functions in FUNCTIONS with their arity.
 *   Anything else (strings, member access, comparisons, "^", assignment,
 *   several expressions, an unknown name or function) is refused with a
 *   message and the character offset where it stands.
 * - A result that is not a finite number (a division by zero, the square
 *   root of a negative number) is an error, not NaN or Infinity.
 * - `substitute` writes the formula with each name's value in its place,
 *   for the panel's "numbers in the formula" line.
 */
import jsep from 'jsep';

export interface ExpressionError {
  readonly message: string;
  /** Character offset in the formula's text. */
  readonly offset: number;
}

export interface Formula {
  readonly text: string;
  readonly tree: jsep.Expression;
  /** The names it uses, in order of first use. */
  readonly names: readonly string[];
}

export type ParseFormulaResult = { readonly ok: true; readonly formula: Formula } | { readonly ok: false; readonly error: ExpressionError };
export type EvaluateResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: ExpressionError };

/** Functions a formula may call, with their number of arguments. */
export const FUNCTIONS: Readonly<Record<string, { readonly arity: number; readonly apply: (...args: number[]) => number }>> = {
  min: { arity: 2, apply: Math.min },
  max: { arity: 2, apply: Math.max },
  ceil: { arity: 1, apply: Math.ceil },
  floor: { arity: 1, apply: Math.floor },
  abs: { arity: 1, apply: Math.abs },
  sqrt: { arity: 1, apply: Math.sqrt },
  log2: { arity: 1, apply: Math.log2 },
  pow: { arity: 2, apply: Math.pow },
};

const BINARY = new Set(['+', '-', '*', '/']);
const UNARY = new Set(['-', '+']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where `word` first stands as a whole word in `text` (for located errors; jsep's tree has no positions). */
function offsetOf(text: string, word: string): number {
  const re = new RegExp(`(^|[^A-Za-z0-9_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`);
  const m = re.exec(text);
  return m ? m.index + m[1]!.length : 0;
}

/** Checks the tree against the rules; the first refusal, or null. */
function refuse(text: string, node: jsep.Expression, names: string[], known: ReadonlySet<string> | null): ExpressionError | null {
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value === 'number' && !Number.isFinite(value)) return { message: `${String((node as jsep.Literal).raw)} is too large a number`, offset: offsetOf(text, String((node as jsep.Literal).raw)) };
      return typeof value === 'number' ? null : { message: `only numbers may stand in a formula, not ${String((node as jsep.Literal).raw)}`, offset: offsetOf(text, String((node as jsep.Literal).raw)) };
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (!NAME.test(name)) return { message: `"${name}" is not a name (letters, digits and "_")`, offset: offsetOf(text, name) };
      if (known !== null && !known.has(name)) return { message: `unknown name "${name}" (known: ${[...known].join(', ') || 'none'})`, offset: offsetOf(text, name) };
      if (!names.includes(name)) names.push(name);
      return null;
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      if (!UNARY.has(u.operator)) return { message: `"${u.operator}" is not arithmetic: a formula may use + - * / and parentheses`, offset: Math.max(0, text.indexOf(u.operator)) };
      return refuse(text, u.argument, names, known);
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      if (!BINARY.has(b.operator)) return { message: `"${b.operator}" is not arithmetic: a formula may use + - * / and parentheses${b.operator === '^' || b.operator === '**' ? ' (a power is pow(a, b))' : ''}`, offset: Math.max(0, text.indexOf(b.operator)) };
      return refuse(text, b.left, names, known) ?? refuse(text, b.right, names, known);
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      const callee = c.callee.type === 'Identifier' ? (c.callee as jsep.Identifier).name : null;
      const fn = callee === null ? undefined : FUNCTIONS[callee];
      if (callee === null || fn === undefined || !Object.hasOwn(FUNCTIONS, callee)) return { message: `only the functions ${Object.keys(FUNCTIONS).join(', ')} may be called`, offset: callee === null ? 0 : offsetOf(text, callee) };
      if (c.arguments.length !== fn.arity) return { message: `${callee} takes ${fn.arity} argument${fn.arity === 1 ? '' : 's'}, got ${c.arguments.length}`, offset: offsetOf(text, callee) };
      for (const a of c.arguments) {
        const e = refuse(text, a, names, known);
        if (e) return e;
      }
      return null;
    }
    default:
      return { message: `a formula is arithmetic on numbers and names; this is a ${node.type.replace(/Expression$/, '').toLowerCase() || 'construct'}, which it may not hold`, offset: 0 };
  }
}

/** Parses and checks a formula; `known` (when given) lists the names it may use. */
export function parseFormula(text: string, known?: Iterable<string>): ParseFormulaResult {
  let tree: jsep.Expression;
  try {
    tree = jsep(text);
  } catch (e) {
    const err = e as { description?: string; message?: string; index?: number };
    return { ok: false, error: { message: err.description ?? err.message ?? 'not a formula', offset: typeof err.index === 'number' ? err.index : 0 } };
  }
  const names: string[] = [];
  const refused = text.trim() === '' ? { message: 'the formula is empty', offset: 0 } : refuse(text, tree, names, known === undefined ? null : new Set(known));
  return refused ? { ok: false, error: refused } : { ok: true, formula: { text, tree, names } };
}

function value(node: jsep.Expression, values: Readonly<Record<string, number>>): number {
  switch (node.type) {
    case 'Literal':
      return (node as jsep.Literal).value as number;
    case 'Identifier':
      return values[(node as jsep.Identifier).name] ?? Number.NaN;
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      const v = value(u.argument, values);
      return u.operator === '-' ? -v : v;
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      const l = value(b.left, values);
      const r = value(b.right, values);
      return b.operator === '+' ? l + r : b.operator === '-' ? l - r : b.operator === '*' ? l * r : l / r;
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      return FUNCTIONS[(c.callee as jsep.Identifier).name]!.apply(...c.arguments.map((a) => value(a, values)));
    }
    default:
      return Number.NaN; // parseFormula refused every other node
  }
}

/** The formula's value with these values for its names. */
export function evaluateFormula(formula: Formula, values: Readonly<Record<string, number>>): EvaluateResult {
  const missing = formula.names.find((n) => !Object.hasOwn(values, n) || typeof values[n] !== 'number');
  if (missing !== undefined) return { ok: false, error: { message: `no value for "${missing}"`, offset: offsetOf(formula.text, missing) } };
  const v = value(formula.tree, values);
  if (!Number.isFinite(v)) return { ok: false, error: { message: `the formula has no finite value here (${Number.isNaN(v) ? 'not a number' : 'infinite'}: a division by zero, or a function outside its domain)`, offset: 0 } };
  return { ok: true, value: v };
}

const PRECEDENCE: Readonly<Record<string, number>> = { '+': 1, '-': 1, '*': 2, '/': 2 };

function written(node: jsep.Expression, show: (name: string) => string, parent = 0, right = false): string {
  switch (node.type) {
    case 'Literal':
      return String((node as jsep.Literal).value);
    case 'Identifier':
      return show((node as jsep.Identifier).name);
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      return `${u.operator}${written(u.argument, show, 3)}`;
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      const p = PRECEDENCE[b.operator] ?? 3;
      const text = `${written(b.left, show, p)} ${b.operator === '*' ? '×' : b.operator === '/' ? '÷' : b.operator === '-' ? '−' : b.operator} ${written(b.right, show, p, true)}`;
      // parentheses where the tree needs them: a lower operator inside, or the same level on the right of - and /
      return p < parent || (p === parent && right) ? `(${text})` : text;
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      return `${(c.callee as jsep.Identifier).name}(${c.arguments.map((a) => written(a, show)).join(', ')})`;
    }
    default:
      return '?';
  }
}

/** The formula written out (× ÷ −), each name replaced by `show(name)`: its value with a unit, say. */
export function substitute(formula: Formula, show: (name: string) => string): string {
  return written(formula.tree, show);
}
