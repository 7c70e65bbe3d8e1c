/**
 * The scenario parameters a user can sweep or compare, with the labels the
 * properties panel gives them (editor/form-fields.ts): every number and
 * true/false field of the links, the services and the actions, named by a
 * parameter path with id selectors (parameter-path.ts) so that the path
 * still means the same field after the lists are reordered.
 */
import { fieldsFor } from '../editor/form-fields';
import type { FormField, FormTarget } from '../editor/form-types';
import type { JsonPath } from '../editor/json-path';
import { linkIdOf } from '../scenario/resolve';
import type { ScenarioInput } from '../scenario/schema';
import { resolveParameterPath } from './parameter-path';

export interface ParameterChoice {
  /** "links[router-root].delayMs". */
  readonly path: string;
  /** "router-root: Delay (ms)". */
  readonly label: string;
  readonly input: 'number' | 'boolean' | 'enum';
  readonly value: unknown;
  readonly unit?: string;
  readonly options?: readonly string[];
}

function owners(doc: ScenarioInput): { target: FormTarget; prefix: string; owner: string }[] {
  const out: { target: FormTarget; prefix: string; owner: string }[] = [];
  doc.links.forEach((link, index) => out.push({ target: { kind: 'link', index }, prefix: `links[${linkIdOf(link)}]`, owner: `link ${linkIdOf(link)}` }));
  doc.nodes.forEach((node, n) => {
    const services = node.services ?? [];
    services.forEach((service, index) => {
      const unique = services.filter((s) => s.type === service.type).length === 1;
      out.push({ target: { kind: 'service', node: n, index }, prefix: `nodes[${node.id}].services[${unique ? service.type : index}]`, owner: `${node.id} ${service.type}` });
    });
  });
  doc.workload.forEach((action, index) => out.push({ target: { kind: 'action', index }, prefix: `workload[${index}]`, owner: `action ${index + 1} (${action.type})` }));
  return out;
}

const fieldKey = (f: FormField) => String(f.path[f.path.length - 1]);

/** Every number, true/false and choice field of the links, services and actions, in file order. */
export function parameterChoices(doc: ScenarioInput): ParameterChoice[] {
  const choices: ParameterChoice[] = [];
  for (const { target, prefix, owner } of owners(doc)) {
    for (const field of fieldsFor(target, doc)) {
      if (field.readOnly === true || field.list === true || field.path.length !== (target.kind === 'service' ? 5 : 3)) continue;
      if (field.input !== 'number' && field.input !== 'boolean' && field.input !== 'enum') continue;
      if (fieldKey(field) === 'type' || fieldKey(field) === 'port' || fieldKey(field) === 'id') continue;
      const unit = field.unit;
      choices.push({
        path: `${prefix}.${fieldKey(field)}`,
        label: `${owner}: ${field.label}${unit === undefined ? '' : ` (${unit})`}`,
        input: field.input,
        value: field.value,
        ...(unit === undefined ? {} : { unit }),
        ...(field.options === undefined ? {} : { options: field.options }),
      });
    }
  }
  return choices;
}

/** The label of a parameter path in this scenario (as the sweep form lists it), else the path itself. */
export function parameterLabel(doc: ScenarioInput, path: string): string {
  const resolved = resolveParameterPath(doc, path);
  if (!resolved.ok) return path;
  const same = (p: JsonPath) => p.length === resolved.path.length && p.every((s, i) => s === resolved.path[i]);
  for (const choice of parameterChoices(doc)) {
    const r = resolveParameterPath(doc, choice.path);
    if (r.ok && same(r.path)) return choice.label;
  }
  return path;
}
