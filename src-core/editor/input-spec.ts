/**
 * How one schema is edited: the input kind and its limits (InputSpec minus
 * the words), from schemaInfo. Shared by fields and table columns.
 *
 * Rules:
 * - string → text; number → number with its bounds; boolean; enum (and
 *   unions of literals) → enum; a lone literal → read-only, of its type.
 * - a list of plain values → that value's input with `list`; a list of
 *   objects (or of a discriminated union of objects) → 'table'.
 * - references (fields.ts nodeRefSchema, linkRefSchema) suggest the ids the
 *   document has.
 * - anything else (the node's position, an object edited by dragging) has no
 *   input and is left out of the form.
 */
import { linkRefSchema, nodeRefSchema } from '../scenario/fields';
import type { ZodType } from '../scenario/zod';
import type { InputSpec } from './form-types';
import { schemaInfo } from './schema-info';
import type { SchemaInfo } from './schema-info';

/** Ids a reference field may name, read from the document being edited. */
export interface DocumentIds {
  readonly nodeIds: readonly string[];
  readonly linkIds: readonly string[];
}

export type InputShape = Omit<InputSpec, 'label' | 'help' | 'unit' | 'optional'>;

/** The input of a schema; `table` carries the row schema of a list of objects. */
export type SchemaInput = { kind: 'input'; shape: InputShape } | { kind: 'table'; row: ZodType } | { kind: 'none' };

export function inputFor(info: SchemaInfo, ids: DocumentIds): SchemaInput {
  if (info.kind === 'array') {
    const element = schemaInfo(info.element);
    if (isObjectLike(element)) return { kind: 'table', row: info.element };
    const item = scalarInput(element, ids);
    return item === undefined ? { kind: 'none' } : { kind: 'input', shape: { ...item, list: true } };
  }
  const scalar = scalarInput(info, ids);
  return scalar === undefined ? { kind: 'none' } : { kind: 'input', shape: scalar };
}

/** An object, or a union whose options are all objects. */
export function isObjectLike(info: SchemaInfo): boolean {
  if (info.kind === 'object') return true;
  return info.kind === 'union' && info.options.every((o) => schemaInfo(o).kind === 'object');
}

function scalarInput(info: SchemaInfo, ids: DocumentIds): InputShape | undefined {
  switch (info.kind) {
    case 'string': {
      const suggestions = info.schema === nodeRefSchema ? ids.nodeIds : info.schema === linkRefSchema ? ids.linkIds : undefined;
      return suggestions === undefined ? { input: 'text' } : { input: 'text', suggestions };
    }
    case 'number':
      return {
        input: 'number',
        ...(info.min !== undefined ? { min: info.min } : {}),
        ...(info.max !== undefined ? { max: info.max } : {}),
        ...(info.integer ? { integer: true } : {}),
      };
    case 'number-or-text':
      return { input: 'number', integer: true, words: info.words };
    case 'boolean':
      return { input: 'boolean' };
    case 'enum':
      return { input: 'enum', options: info.options };
    case 'literal':
      return typeof info.value === 'number'
        ? { input: 'number', min: info.value, max: info.value, readOnly: true }
        : typeof info.value === 'boolean'
          ? { input: 'boolean', readOnly: true }
          : { input: 'enum', options: [info.value], readOnly: true };
    default:
      return undefined;
  }
}
