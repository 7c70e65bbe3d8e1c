/**
 * The columns of a 'table' field, from the schema of its rows: an object's
 * properties, or for a discriminated union of objects (DNS records on
 * "type") every variant's properties, in order of first appearance, with
 * the discriminator as an enum column and each variant-only property
 * marked `onlyWhen` the rows of the variants that have it.
 *
 * A property that is itself a list of objects (a zone's records) is not a
 * cell: it is returned in `nested`, and form-fields.ts gives each row's list
 * a table field of its own.
 */
import type { ZodType } from '../scenario/zod';
import { helpFromDescription, labelFromName } from './field-label';
import type { FormColumn } from './form-types';
import { inputFor } from './input-spec';
import type { DocumentIds } from './input-spec';
import { defOf, schemaInfo } from './schema-info';

export interface TableLayout {
  readonly columns: readonly FormColumn[];
  /** Properties of each row that are lists of objects: key and row schema. */
  readonly nested: readonly { readonly key: string; readonly label: string; readonly row: ZodType }[];
}

export function tableLayout(row: ZodType, ids: DocumentIds): TableLayout {
  const info = schemaInfo(row);
  const variants = info.kind === 'union' ? info.options : [info.schema];
  const discriminator = info.kind === 'union' ? defOf(info.schema).discriminator : undefined;
  const keys: string[] = [];
  const schemaOf = new Map<string, ZodType>();
  const tagsOf = new Map<string, string[]>();
  for (const variant of variants) {
    const shape = defOf(variant).shape ?? {};
    const tag = discriminator === undefined ? undefined : literalOf(shape[discriminator]);
    for (const [key, schema] of Object.entries(shape)) {
      if (!schemaOf.has(key)) {
        keys.push(key);
        schemaOf.set(key, schema);
        tagsOf.set(key, []);
      }
      if (tag !== undefined) tagsOf.get(key)!.push(tag);
    }
  }
  const columns: FormColumn[] = [];
  const nested: { key: string; label: string; row: ZodType }[] = [];
  for (const key of keys) {
    const keyInfo = schemaInfo(schemaOf.get(key)!);
    const { label, unit } = labelFromName(key);
    const tags = tagsOf.get(key)!;
    const onlyWhen = discriminator !== undefined && key !== discriminator && tags.length < variants.length ? { onlyWhen: { key: discriminator, values: tags } } : {};
    if (key === discriminator) {
      columns.push({ key, label, help: helpFromDescription(info.description), input: 'enum', options: tags, optional: false, initial: tags[0] });
      continue;
    }
    const input = inputFor(keyInfo, ids);
    if (input.kind === 'table') nested.push({ key, label, row: input.row });
    if (input.kind !== 'input') continue;
    const { input: kind, ...shape } = input.shape;
    if (kind === 'table') continue;
    columns.push({
      key,
      label,
      ...(unit !== undefined ? { unit } : {}),
      help: helpFromDescription(keyInfo.description),
      input: kind,
      ...shape,
      optional: keyInfo.optional,
      initial: keyInfo.defaultValue !== undefined ? keyInfo.defaultValue : keyInfo.optional ? undefined : (keyInfo.example ?? emptyValue(kind, shape.list === true, shape.options)),
      ...onlyWhen,
    });
  }
  return { columns, nested };
}

/** What a required cell of a new row starts as: nothing valid yet, so the loader says what to fill in. */
function emptyValue(input: FormColumn['input'], list: boolean, options: readonly string[] | undefined): unknown {
  if (list) return [];
  if (input === 'boolean') return false;
  if (input === 'enum') return options?.[0] ?? '';
  if (input === 'number') return 0;
  return '';
}

function literalOf(schema: ZodType | undefined): string | undefined {
  if (schema === undefined) return undefined;
  const info = schemaInfo(schema);
  return info.kind === 'literal' && typeof info.value === 'string' ? info.value : undefined;
}
