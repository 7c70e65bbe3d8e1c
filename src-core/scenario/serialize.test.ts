import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from './arbitraries.test-helper';
import { FIXTURE_TEXTS } from './fixtures';
import { parseScenarioText, validateScenario } from './load';
import type { Scenario, ScenarioInput } from './schema';
import { serializeScenario } from './serialize';

function load(text: string): Scenario {
  const result = parseScenarioText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

describe('serializeScenario', () => {
  it('writes 2-space JSON with a final newline and properties in schema order', () => {
    const scrambled = {
      workload: [],
      links: [{ bandwidthMbps: 1, delayMs: 0, b: 'a', a: 'b' }],
      nodes: [
        { address: '10.0.0.2', kind: 'host', id: 'a', services: [{ port: 7, type: 'udp-upper-server' }] },
        { address: '10.0.0.1', kind: 'router', id: 'b' },
      ],
      name: 'n',
      version: 1,
      format: 'l7-scenario',
    } as ScenarioInput;
    expect(serializeScenario(scrambled)).toBe(
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
        '      "services": [',
        '        {',
        '          "type": "udp-upper-server",',
        '          "port": 7',
        '        }',
        '      ]',
        '    },',
        '    {',
        '      "id": "b",',
        '      "kind": "router",',
        '      "address": "10.0.0.1"',
        '    }',
        '  ],',
        '  "links": [',
        '    {',
        '      "a": "b",',
        '      "b": "a",',
        '      "delayMs": 0,',
        '      "bandwidthMbps": 1',
        '    }',
        '  ],',
        '  "workload": []',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('orders each action and service variant by its own schema', () => {
    const doc = JSON.parse(FIXTURE_TEXTS['udp-upper.l7.json']!) as { workload: Record<string, unknown>[] };
    const action = doc.workload[0]!;
    doc.workload[0] = Object.fromEntries(Object.entries(action).reverse());
    const text = serializeScenario(doc as unknown as ScenarioInput);
    const keys = [...text.matchAll(/^ {6}"(\w+)":/gm)].map((m) => m[1]);
    expect(keys.slice(-6)).toEqual(['type', 'atMs', 'node', 'server', 'port', 'line']);
  });

  it('keeps properties the schema does not know, after the known ones', () => {
    const doc = { extra: true, format: 'l7-scenario', version: 1 } as unknown as ScenarioInput;
    expect(serializeScenario(doc)).toBe('{\n  "format": "l7-scenario",\n  "version": 1,\n  "extra": true\n}\n');
  });

  it('round-trips the fixtures: load → serialize → load gives an equal scenario and the same text', () => {
    for (const text of Object.values(FIXTURE_TEXTS)) {
      const first = load(text);
      const written = serializeScenario(first);
      const second = load(written);
      expect(second).toEqual(first);
      expect(serializeScenario(second)).toBe(written);
    }
  });

  it('round-trips generated scenarios, resolved or as given', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const validated = validateScenario(input);
        if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
        const written = serializeScenario(validated.scenario);
        const reloaded = load(written);
        expect(reloaded).toEqual(validated.scenario);
        expect(serializeScenario(reloaded)).toBe(written);
        expect(load(serializeScenario(input))).toEqual(validated.scenario);
      }),
      { numRuns: 200 },
    );
  });
});
