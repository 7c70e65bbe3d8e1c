import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from './arbitraries.test-helper';
import { canonicalScenarioText, MAX_LINE_LENGTH } from './canonical-text';
import { FIXTURE_TEXTS } from './fixtures';
import { parseScenarioText } from './load';
import type { Scenario, ScenarioInput } from './schema';
import { ScenarioSchema } from './schema';
import { z } from './zod';

const LESSONS = join(__dirname, '../../resources/lessons');
const FILES: Record<string, string> = {
  ...Object.fromEntries(
    readdirSync(LESSONS)
      .filter((file) => file.endsWith('.l7.json'))
      .sort()
      .map((file) => [file, readFileSync(join(LESSONS, file), 'utf8')]),
  ),
  ...FIXTURE_TEXTS,
};

function load(text: string): Scenario {
  const result = parseScenarioText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

function raw(text: string): ScenarioInput {
  return JSON.parse(text) as ScenarioInput;
}

/** A deep copy of a JSON value with every object's properties in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reversed(member)]));
}

// ─── The schema's own orders, derived from the zod shapes ────────────────────

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
    current = current.unwrap() as z.core.$ZodType;
  }
  return current;
}

function shapeOf(object: z.ZodObject): Record<string, z.core.$ZodType> {
  return object.shape as Record<string, z.core.$ZodType>;
}

/** Calls `check(object, keys expected in order)` for every object of `value`, the expected order taken from `schema`. */
function walkWithSchema(schema: z.core.$ZodType, value: unknown, check: (keys: string[], expected: string[], at: string) => void, at = '$'): void {
  const inner = unwrap(schema);
  if (Array.isArray(value)) {
    if (inner instanceof z.ZodArray) value.forEach((item, i) => walkWithSchema(inner.element, item, check, `${at}[${i}]`));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  let object: z.ZodObject | undefined;
  let first: string[] = [];
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const discriminator = inner.def.discriminator;
    first = [discriminator];
    object = (inner.options as readonly z.core.$ZodType[]).find(
      (option): option is z.ZodObject => option instanceof z.ZodObject && (shapeOf(option)[discriminator] as z.ZodLiteral).values.has(record[discriminator] as never),
    );
  } else if (inner instanceof z.ZodObject) {
    object = inner;
  }
  if (object === undefined) throw new Error(`${at}: no schema object for this value`);
  const shape = shapeOf(object);
  const schemaOrder = [...first, ...Object.keys(shape).filter((key) => !first.includes(key))];
  check(Object.keys(record), schemaOrder.filter((key) => Object.hasOwn(record, key)), at);
  for (const [key, member] of Object.entries(record)) walkWithSchema(shape[key]!, member, check, `${at}.${key}`);
}

/** Every discriminated union reachable from `schema`. */
function discriminatedUnions(schema: z.core.$ZodType, found = new Set<z.ZodDiscriminatedUnion>()): Set<z.ZodDiscriminatedUnion> {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodArray) discriminatedUnions(inner.element, found);
  if (inner instanceof z.ZodDiscriminatedUnion && !found.has(inner)) {
    found.add(inner);
    for (const option of inner.options as readonly z.core.$ZodType[]) discriminatedUnions(option, found);
  }
  if (inner instanceof z.ZodObject) for (const member of Object.values(shapeOf(inner))) discriminatedUnions(member, found);
  return found;
}

// ─── Tests ───────────────────────────────────────────────────────────────────

describe('canonicalScenarioText on the built-in lessons and fixtures', () => {
  it.each(Object.keys(FILES))('%s: parse → canonical text → parse gives an equal scenario; the text is idempotent', (file) => {
    const text = FILES[file]!;
    const canonical = canonicalScenarioText(raw(text));
    expect(load(canonical)).toEqual(load(text));
    expect(canonicalScenarioText(raw(canonical))).toBe(canonical);
    // Property order does not matter to the text: a scrambled file gives the same text.
    expect(canonicalScenarioText(reversed(raw(text)) as ScenarioInput)).toBe(canonical);
  });

  it.each(Object.keys(FILES))('%s: every object lists its properties in the schema\'s order, "type" first', (file) => {
    const written = JSON.parse(canonicalScenarioText(reversed(raw(FILES[file]!)) as ScenarioInput)) as unknown;
    let objects = 0;
    walkWithSchema(ScenarioSchema, written, (keys, expected, at) => {
      objects++;
      expect(keys, at).toEqual(expected);
    });
    expect(objects).toBeGreaterThan(10);
  });

  it.each(Object.keys(FILES))('%s: keeps the file\'s fields as given (no defaults filled in, nothing dropped)', (file) => {
    const text = FILES[file]!;
    expect(JSON.parse(canonicalScenarioText(raw(text)))).toStrictEqual(JSON.parse(text));
  });

  it.each(Object.keys(FILES))('%s: no line the one-line rule made is longer than MAX_LINE_LENGTH', (file) => {
    for (const line of canonicalScenarioText(raw(FILES[file]!)).split('\n')) {
      const joined = /^("[^"]*": )?(\{ |\[[^\]])/.test(line.trim());
      if (joined) expect(line.length, line).toBeLessThanOrEqual(MAX_LINE_LENGTH);
    }
  });
});

describe('the schema orders the canonical text relies on', () => {
  it('the top level is in the documented order', () => {
    expect(Object.keys(ScenarioSchema.shape)).toEqual(['format', 'version', 'name', 'description', 'nodes', 'links', 'workload', 'lossRules', 'run', 'view', 'guide']);
  });

  it('every service, action and DNS record variant starts with its "type", so schema order is "type first"', () => {
    const unions = [...discriminatedUnions(ScenarioSchema)];
    expect(unions.length).toBeGreaterThanOrEqual(3); // services, actions, DNS records
    for (const union of unions) {
      for (const option of union.options as readonly z.core.$ZodType[]) {
        expect(option).toBeInstanceOf(z.ZodObject);
        expect(Object.keys(shapeOf(option as z.ZodObject))[0]).toBe(union.def.discriminator);
      }
    }
  });

  it('the tables of docs/scenario-format.md list fields in the schema\'s order', () => {
    const doc = readFileSync(join(__dirname, '../../docs/scenario-format.md'), 'utf8');
    const tableFields = (heading: string): string[] => {
      const section = doc.slice(doc.indexOf(`\n## ${heading}\n`) + 1);
      const table = section.slice(section.indexOf('\n|')).split('\n\n')[0]!;
      return table
        .split('\n')
        .slice(3) // the blank start, the header and the |---| row
        .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1]!));
    };
    const objects: Array<[string, z.ZodObject]> = [
      ['Top level', ScenarioSchema],
      ['Node', ScenarioSchema.shape.nodes.element],
      ['Link', ScenarioSchema.shape.links.element],
      ['Loss rules', ScenarioSchema.shape.lossRules.unwrap().element],
      ['Run settings', ScenarioSchema.shape.run.unwrap()],
      ['View settings', ScenarioSchema.shape.view.unwrap()],
    ];
    for (const [heading, object] of objects) {
      const documented = tableFields(heading);
      expect(documented.length, heading).toBeGreaterThan(2);
      expect(Object.keys(shapeOf(object)).filter((key) => documented.includes(key)), heading).toEqual(documented);
    }
  });
});

describe('canonicalScenarioText formatting', () => {
  const small = {
    view: { laneOrder: ['a', 'b'] },
    workload: [],
    links: [{ bandwidthMbps: 1, delayMs: 0, b: 'a', a: 'b' }],
    nodes: [
      { position: { y: 2, x: 1 }, address: '10.0.0.2', kind: 'host', id: 'a', services: [{ port: 7, type: 'udp-upper-server' }] },
      { address: '10.0.0.1', kind: 'router', id: 'b', services: [] },
    ],
    name: 'n',
    version: 1,
    format: 'l7-scenario',
  } as ScenarioInput;

  it('writes 2-space JSON with a final newline; flat values that fit on one line stay on one line', () => {
    expect(canonicalScenarioText(small)).toBe(
      [
        '{',
        '  "format": "l7-scenario",',
        '  "version": 1,',
        '  "name": "n",',
        '  "nodes": [',
        '    {',
        '      "id": "a",',
        '      "kind": "host",',
        '      "address": "10.0.0.2",',
        '      "position": { "x": 1, "y": 2 },',
        '      "services": [',
        '        { "type": "udp-upper-server", "port": 7 }',
        '      ]',
        '    },',
        '    { "id": "b", "kind": "router", "address": "10.0.0.1", "services": [] }',
        '  ],',
        '  "links": [',
        '    { "a": "b", "b": "a", "delayMs": 0, "bandwidthMbps": 1 }',
        '  ],',
        '  "workload": [],',
        '  "view": { "laneOrder": ["a", "b"] }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('spreads a flat value over lines when its one-line form would pass MAX_LINE_LENGTH', () => {
    const name = 'x'.repeat(MAX_LINE_LENGTH);
    const long = { ...small, view: { laneOrder: Array.from({ length: 30 }, (_, i) => `node${i}`) } } as ScenarioInput;
    const text = canonicalScenarioText(long);
    expect(text).toContain('  "view": {\n    "laneOrder": [\n      "node0",\n      "node1",\n');
    const line = `  "view": { "laneOrder": ["${'y'.repeat(MAX_LINE_LENGTH - 31)}"] }`;
    expect(line.length).toBe(MAX_LINE_LENGTH);
    const exact = canonicalScenarioText({ ...small, view: { laneOrder: ['y'.repeat(MAX_LINE_LENGTH - 31)] } } as ScenarioInput);
    expect(exact).toContain(`\n${line}\n`);
    // A long scalar is never split: it keeps its line.
    expect(canonicalScenarioText({ ...small, name } as ScenarioInput)).toContain(`\n  "name": "${name}",\n`);
  });

  it('keeps absent optional fields absent and values as given, escapes strings as JSON does', () => {
    const doc = { format: 'l7-scenario', version: 1, name: 'Tab\t"quote" é \u2028', nodes: [], links: [], workload: [], run: { seed: 1 } } as unknown as ScenarioInput;
    const text = canonicalScenarioText(doc);
    expect(JSON.parse(text)).toStrictEqual(doc);
    expect(text).toContain('"name": "Tab\\t\\"quote\\" é \u2028"');
    expect(text).not.toContain('lossRules');
  });

  it('puts properties the schema does not know last, in their own order', () => {
    const doc = { zeta: 1, alpha: 2, version: 1, format: 'l7-scenario' } as unknown as ScenarioInput;
    expect(canonicalScenarioText(doc)).toBe('{ "format": "l7-scenario", "version": 1, "zeta": 1, "alpha": 2 }\n');
  });

  it('round-trips generated scenarios and is idempotent on them', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const canonical = canonicalScenarioText(input);
        expect(load(canonical)).toEqual(load(JSON.stringify(input)));
        expect(canonicalScenarioText(raw(canonical))).toBe(canonical);
      }),
      { numRuns: 100 },
    );
  });
});
