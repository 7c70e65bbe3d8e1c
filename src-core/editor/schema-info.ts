/**
 * What the properties panel needs to know about one zod schema, read from
 * zod 4's definitions (`schema._zod.def`) rather than written per field.
 *
 * Rules:
 * - Wrappers are unwrapped generically: `optional` makes a field optional,
 *   `default` / `prefault` make it optional and give its default; the
 *   description is the outermost one found on the way in (fields.ts describes
 *   the checked schema, a few fields describe the default wrapper).
 * - Numbers: `greater_than` / `less_than` checks give min and max (an
 *   exclusive bound is still given: the loader reports the edge itself), a
 *   `number_format` check makes an integer.
 * - A union of literals or enums is an enum; a union of a number and string
 *   literals (a port or "random") is a number-or-text; any other union is
 *   kept as a union of its options (discriminated unions of objects).
 */
import type { ZodType } from '../scenario/zod';

export type SchemaInfo =
  | (Common & { kind: 'string' })
  | (Common & { kind: 'number'; min?: number; max?: number; integer: boolean })
  | (Common & { kind: 'boolean' })
  | (Common & { kind: 'enum'; options: readonly string[] })
  /** A fixed value (a dns-server's port 53, a variant's type). */
  | (Common & { kind: 'literal'; value: string | number | boolean })
  /** A number or one of some words: targetPort, 53 or "random". */
  | (Common & { kind: 'number-or-text'; words: readonly string[] })
  | (Common & { kind: 'array'; element: ZodType })
  | (Common & { kind: 'object'; shape: Readonly<Record<string, ZodType>> })
  | (Common & { kind: 'union'; options: readonly ZodType[] })
  | (Common & { kind: 'other' });

interface Common {
  /** The checked schema, wrappers removed (compare it with the shared field schemas of fields.ts). */
  readonly schema: ZodType;
  readonly optional: boolean;
  /** The default a file without the field gets; undefined when it has none. */
  readonly defaultValue: unknown;
  /** The `.describe()` phrase: "a number from 0 to 1000000000 (milliseconds)". */
  readonly description: string | undefined;
  /**
   * What a new required value starts as in the editor, when the schema offers
   * one: the first of its `.meta({ examples })` (a record's TTL, 3600 s);
   * undefined otherwise.
   */
  readonly example: unknown;
}

/** The zod 4 definition fields this file reads (zod's own types differ per schema kind). */
interface Def {
  readonly type: string;
  readonly innerType?: ZodType;
  readonly defaultValue?: unknown;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: readonly unknown[];
  readonly options?: readonly ZodType[];
  readonly element?: ZodType;
  readonly shape?: Readonly<Record<string, ZodType>>;
  readonly in?: ZodType;
  /** The property a discriminated union switches on ("type"). */
  readonly discriminator?: string;
}

interface CheckDef {
  readonly check: string;
  readonly value?: unknown;
}

export function defOf(schema: ZodType): Def {
  return schema._zod.def as unknown as Def;
}

function firstExample(schema: ZodType): unknown {
  const examples = (schema.meta() as { examples?: unknown } | undefined)?.examples;
  return Array.isArray(examples) ? (examples as unknown[])[0] : undefined;
}

export function schemaInfo(outer: ZodType): SchemaInfo {
  let schema = outer;
  let optional = false;
  let defaultValue: unknown = undefined;
  let description = outer.description;
  let example = firstExample(outer);
  for (;;) {
    const def = defOf(schema);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly') {
      optional ||= def.type === 'optional';
    } else if (def.type === 'default' || def.type === 'prefault') {
      optional = true;
      if (defaultValue === undefined) defaultValue = def.defaultValue;
    } else if (def.type === 'pipe' && def.in) {
      schema = def.in;
      description ??= schema.description;
      example ??= firstExample(schema);
      continue;
    } else {
      break;
    }
    schema = def.innerType!;
    description ??= schema.description;
    example ??= firstExample(schema);
  }
  const common = { schema, optional, defaultValue, description, example };
  return { ...common, ...kindOf(schema) } as SchemaInfo;
}

/** SchemaInfo without the common part, variant by variant. */
type Kind = SchemaInfo extends infer S ? (S extends SchemaInfo ? Omit<S, keyof Common> : never) : never;

function kindOf(schema: ZodType): Kind {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return { kind: 'string' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'number':
      return numberKind(def);
    case 'enum':
      return { kind: 'enum', options: Object.values(def.entries ?? {}).map(String) };
    case 'literal': {
      const values = def.values ?? [];
      if (values.length === 1 && isPrimitive(values[0])) return { kind: 'literal', value: values[0] };
      return { kind: 'enum', options: values.map(String) };
    }
    case 'array':
      return { kind: 'array', element: def.element! };
    case 'object':
      return { kind: 'object', shape: def.shape ?? {} };
    case 'union':
      return unionKind(def.options ?? []);
    default:
      return { kind: 'other' };
  }
}

function numberKind(def: Def): Kind {
  let min: number | undefined;
  let max: number | undefined;
  let integer = false;
  for (const check of def.checks ?? []) {
    const { check: name, value } = check._zod.def;
    if (name === 'greater_than' && typeof value === 'number') min = min === undefined ? value : Math.max(min, value);
    else if (name === 'less_than' && typeof value === 'number') max = max === undefined ? value : Math.min(max, value);
    else if (name === 'number_format') integer = true;
  }
  return { kind: 'number', integer, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

function unionKind(options: readonly ZodType[]): Kind {
  const infos = options.map(schemaInfo);
  const words = infos.flatMap((i) => (i.kind === 'enum' ? i.options : i.kind === 'literal' && typeof i.value === 'string' ? [i.value] : []));
  const wordy = infos.filter((i) => i.kind === 'enum' || (i.kind === 'literal' && typeof i.value === 'string')).length;
  const numbers = infos.filter((i) => i.kind === 'number').length;
  if (wordy === infos.length) return { kind: 'enum', options: words };
  if (numbers > 0 && wordy + numbers === infos.length) return { kind: 'number-or-text', words };
  return { kind: 'union', options };
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
