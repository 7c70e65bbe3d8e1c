/**
 * Scenario → stable `.l7.json` text: properties in schema order, 2-space
 * indent, "\n" line ends and a final newline. The same scenario always gives
 * the same text, so saved files diff cleanly.
 *
 * It writes what it is given (a Scenario writes every default explicitly; a
 * ScenarioInput only what it has). Properties the schema does not know are
 * kept after the known ones, in their own order, so nothing is lost silently;
 * the loader will then report them.
 */
import { z } from './zod';
import { ScenarioSchema } from './schema';
import type { ScenarioInput } from './schema';

export function serializeScenario(scenario: ScenarioInput): string {
  return `${JSON.stringify(inSchemaOrder(ScenarioSchema, scenario), null, 2)}\n`;
}

/** A copy of `value` whose object properties follow the order of `schema`'s shapes. */
export function inSchemaOrder(schema: z.core.$ZodType, value: unknown): unknown {
  const inner = unwrap(schema);
  if (Array.isArray(value)) {
    return inner instanceof z.ZodArray ? value.map((item) => inSchemaOrder(inner.element, item)) : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const variant = variantFor(inner, record);
    return variant === undefined ? value : inSchemaOrder(variant, value);
  }
  if (inner instanceof z.ZodUnion) {
    const option = optionFor(inner, record);
    return option === undefined ? value : inSchemaOrder(option, value);
  }
  if (inner instanceof z.ZodRecord) {
    // a record's keys are the file's own (a formula's names, in an order that matters): kept as they are
    return Object.fromEntries(Object.entries(record).map(([key, member]) => [key, inSchemaOrder(inner.valueType as z.core.$ZodType, member)]));
  }
  if (!(inner instanceof z.ZodObject)) return value;
  const shape = inner.shape as Record<string, z.core.$ZodType>;
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(shape)) {
    if (Object.hasOwn(record, key) && record[key] !== undefined) out[key] = inSchemaOrder(fieldSchema, record[key]);
  }
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(shape, key)) out[key] = record[key];
  }
  return out;
}

/** Strips optional / default / prefault wrappers. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
    current = current.unwrap() as z.core.$ZodType;
  }
  return current;
}

/** A plain union's option for an object: the first object option that has every one of its properties (a guide's measure: {metric} or {elapsed} or {count}). */
export function optionFor(union: z.ZodUnion, value: Record<string, unknown>): z.ZodObject | undefined {
  return (union.options as readonly z.core.$ZodType[]).find(
    (option): option is z.ZodObject => option instanceof z.ZodObject && Object.keys(value).every((key) => Object.hasOwn(option.shape as object, key)),
  );
}

/** The variant whose literal discriminator equals the value's, if any. */
function variantFor(union: z.ZodDiscriminatedUnion, value: Record<string, unknown>): z.core.$ZodType | undefined {
  const discriminator = union.def.discriminator;
  return (union.options as readonly z.core.$ZodType[]).find((option) => {
    if (!(option instanceof z.ZodObject)) return false;
    const tag = (option.shape as Record<string, z.core.$ZodType>)[discriminator];
    return tag instanceof z.ZodLiteral && tag.values.has(value[discriminator] as never);
  });
}
