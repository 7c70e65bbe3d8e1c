/**
 * The properties panel's fields for the selected object, generated from the
 * scenario schema (scenario/schema.ts and each protocol's schema.ts) and the
 * modules' property descriptions (protocols/registry.ts), never written per
 * kind of object.
 *
 * Rules:
 * - Fields follow the schema's property order; for services and actions the
 *   type comes first, then the module's `properties` order (actions:
 *   ACTION_BASE_PROPERTIES first), then any schema field they do not list.
 * - Label, help and unit come from the module's description of the field
 *   when there is one, else from the field name (field-label.ts) and the
 *   schema's description.
 * - value is the document's value, else the schema's default (undefined when
 *   it has none).
 * - Left out: a node's services (each is a 'service' target of its own,
 *   serviceTargets) and its position (set by dragging it in the graph);
 *   fields with no input (input-spec.ts).
 * - A table whose rows hold lists of objects (a DNS server's zones, each
 *   with records) is followed by one table field per row for each list.
 */
import { ACTION_BASE_PROPERTIES } from '../protocols/module';
import type { PropertyDescription } from '../protocols/module';
import { actionDefinition, serviceDefinition } from '../protocols/registry';
import { defaultLinkId } from '../scenario/resolve';
import { actionVariants, LinkSchema, NodeSchema, RunSettingsSchema, serviceVariants, ViewSettingsSchema } from '../scenario/schema';
import type { ScenarioInput } from '../scenario/schema';
import type { ZodType } from '../scenario/zod';
import { helpFromDescription, labelFromName } from './field-label';
import type { FormField, FormTarget } from './form-types';
import { getAt } from './json-path';
import type { JsonPath } from './json-path';
import { inputFor } from './input-spec';
import type { DocumentIds } from './input-spec';
import { schemaInfo } from './schema-info';
import { tableLayout } from './table-columns';

export type { FormColumn, FormField, FormInput, FormTarget } from './form-types';

/** Fields the form never shows, per object (see the file comment). */
const NODE_FIELDS_ELSEWHERE = ['services', 'position'];

export function fieldsFor(target: FormTarget, doc: ScenarioInput): FormField[] {
  const ids = documentIds(doc);
  switch (target.kind) {
    case 'node':
      return objectFields(NodeSchema.shape, ['nodes', target.index], doc, ids, { omit: NODE_FIELDS_ELSEWHERE });
    case 'link': {
      const link = doc.links[target.index];
      const placeholder = link === undefined ? undefined : defaultLinkId(link);
      return objectFields(LinkSchema.shape, ['links', target.index], doc, ids, { placeholders: placeholder === undefined ? {} : { id: placeholder } });
    }
    case 'service':
      return variantFields(serviceVariants, ['nodes', target.node, 'services', target.index], doc, ids, 'service');
    case 'action':
      return variantFields(actionVariants, ['workload', target.index], doc, ids, 'action');
    case 'run':
      return objectFields(RunSettingsSchema.shape, ['run'], doc, ids);
    case 'view':
      return objectFields(ViewSettingsSchema.shape, ['view'], doc, ids);
  }
}

/** The services of a node, each a target of its own with its title ("Bulk-transfer sink"), in file order. */
export function serviceTargets(doc: ScenarioInput, node: number): { target: FormTarget & { kind: 'service' }; title: string }[] {
  const services = doc.nodes[node]?.services ?? [];
  return services.map((service, index) => ({ target: { kind: 'service', node, index }, title: titleOf(() => serviceDefinition(service.type).title, service.type) }));
}

/** The ids of the document's nodes and links (a link without one has its default id). */
export function documentIds(doc: ScenarioInput): DocumentIds {
  return {
    nodeIds: doc.nodes.map((n) => n.id),
    linkIds: doc.links.map((l) => l.id ?? defaultLinkId(l)),
  };
}

interface ObjectOptions {
  readonly omit?: readonly string[];
  /** Module descriptions by field name. */
  readonly described?: ReadonlyMap<string, PropertyDescription>;
  /** Field order: these first (in this order), then the rest of the shape's. */
  readonly order?: readonly string[];
  readonly placeholders?: Readonly<Record<string, string>>;
}

function objectFields(shape: Readonly<Record<string, ZodType>>, base: JsonPath, doc: ScenarioInput, ids: DocumentIds, options: ObjectOptions = {}): FormField[] {
  const keys = [...(options.order ?? []).filter((k) => k in shape), ...Object.keys(shape).filter((k) => !(options.order ?? []).includes(k))];
  const fields: FormField[] = [];
  for (const key of keys) {
    if (options.omit?.includes(key)) continue;
    const description = options.described?.get(key);
    const placeholder = options.placeholders?.[key];
    fields.push(...fieldAndNested(shape[key]!, [...base, key], key, doc, ids, description, placeholder));
  }
  return fields;
}

/** The field of one property, and for a table with nested lists the tables of each row's lists. */
function fieldAndNested(
  schema: ZodType,
  path: JsonPath,
  key: string,
  doc: ScenarioInput,
  ids: DocumentIds,
  description: PropertyDescription | undefined,
  placeholder: string | undefined,
): FormField[] {
  const info = schemaInfo(schema);
  const named = labelFromName(key);
  const words = {
    label: description?.label ?? named.label,
    help: description?.help ?? helpFromDescription(info.description),
    ...(description ? (description.unit !== undefined ? { unit: description.unit } : {}) : named.unit !== undefined ? { unit: named.unit } : {}),
  };
  const current = getAt(doc, path);
  const value = current !== undefined ? current : info.defaultValue;
  if (info.kind === 'object') {
    // an object inside an object: its fields, under a switch when it may be absent
    const inner = typeof current === 'object' && current !== null ? objectFields(info.shape, path, doc, ids) : [];
    if (!info.optional) return objectFields(info.shape, path, doc, ids);
    return [{ path, ...words, input: 'boolean', value: current !== undefined, optional: true, presence: true }, ...inner];
  }
  const input = inputFor(info, ids);
  if (input.kind === 'none') return [];
  if (input.kind === 'input') {
    return [{ path, ...words, ...input.shape, ...(placeholder !== undefined ? { placeholder } : {}), value, optional: info.optional }];
  }
  const layout = tableLayout(input.row, ids);
  const table: FormField = {
    path,
    ...words,
    input: 'table',
    columns: layout.columns,
    ...(layout.nested.length > 0 ? { nestedKeys: layout.nested.map((n) => n.key) } : {}),
    value: value ?? [],
    optional: info.optional,
  };
  const rows = Array.isArray(value) ? (value as unknown[]) : [];
  const nested = rows.flatMap((row, i) =>
    layout.nested.flatMap((n) => {
      const nestedPath = [...path, i, n.key];
      const rowName = firstText(row) ?? `${words.label} ${i + 1}`;
      const list = getAt(doc, nestedPath);
      const nestedLayout = tableLayout(n.row, ids);
      return [{ path: nestedPath, label: `${n.label} of ${rowName}`, help: helpFromDescription(schemaInfo(n.row).description), input: 'table' as const, columns: nestedLayout.columns, value: list ?? [], optional: false }];
    }),
  );
  return [table, ...nested];
}

type Variant = { readonly shape: Readonly<Record<string, ZodType>> & { readonly type: { readonly value: string } } };

/** A service's or action's fields: its type, then its variant's fields in the module's order. */
function variantFields(variants: readonly Variant[], base: JsonPath, doc: ScenarioInput, ids: DocumentIds, what: 'service' | 'action'): FormField[] {
  const current = getAt(doc, base);
  const type = getAt(current, ['type']);
  const types = variants.map((v) => v.shape.type.value);
  const define = what === 'service' ? serviceDefinition : actionDefinition;
  const optionLabels = Object.fromEntries(types.map((t) => [t, titleOf(() => define(t).title, t)]));
  const typeField: FormField = {
    path: [...base, 'type'],
    label: 'Type',
    help: what === 'service' ? 'What the node serves; its fields follow.' : 'What the host does; its fields follow.',
    input: 'enum',
    options: types,
    optionLabels,
    value: type,
    optional: false,
  };
  const variant = variants.find((v) => v.shape.type.value === type);
  if (variant === undefined) return [typeField];
  const own = define(variant.shape.type.value).properties;
  const properties = what === 'action' ? [...ACTION_BASE_PROPERTIES, ...own] : own;
  const described = new Map(properties.map((p) => [p.field, p]));
  return [typeField, ...objectFields(variant.shape, base, doc, ids, { omit: ['type'], described, order: properties.map((p) => p.field) })];
}

function firstText(row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  return Object.values(row).find((v): v is string => typeof v === 'string' && v !== '');
}

function titleOf(read: () => string, fallback: string): string {
  try {
    return read();
  } catch {
    return fallback;
  }
}
