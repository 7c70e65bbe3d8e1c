// The bulk module as the rest of the program sees it: the registry lists it,
// its reference checks give located errors, its colours read on both chart
// backgrounds, and a scenario using it loads and runs.
import { describe, expect, it } from 'vitest';
import { chartPalette, contrastRatio } from '../../chart/colors';
import { formatPath, parseScenarioText } from '../../scenario/load';
import { expectedLocation } from '../../scenario/load.test-helper';
import { runScenario } from '../../scenario/runner';
import type { ScenarioInput } from '../../scenario/schema';
import { listenersOf, PROTOCOL_MODULES, serviceDefinition } from '../registry';
import { BULK_MODULE } from './module';

type Action = Record<string, unknown>;

function scenario(action: Action, sinkTransport: 'tcp' | 'udp' = 'tcp'): ScenarioInput {
  return {
    format: 'l7-scenario',
    version: 1,
    name: 'bulk',
    nodes: [
      { id: 'client', kind: 'host', address: '10.0.0.1' },
      { id: 'r1', kind: 'router', address: '10.0.0.254' },
      { id: 'server', kind: 'host', address: '10.0.1.1', services: [{ type: 'bulk-sink', port: 5001, transport: sinkTransport }] },
    ],
    links: [
      { a: 'client', b: 'r1', delayMs: 1, bandwidthMbps: 100 },
      { a: 'r1', b: 'server', delayMs: 5, bandwidthMbps: 10 },
    ],
    workload: [{ type: 'bulk-send', atMs: 0, node: 'client', server: 'server', port: 5001, bytes: 50_000, ...action } as ScenarioInput['workload'][number]],
  };
}

/** The issues of a scenario that must be refused, each with its location checked independently. */
function issues(doc: ScenarioInput): string[] {
  const text = JSON.stringify(doc, null, 2);
  const result = parseScenarioText(text);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.issues.map((i) => {
    const path = i.path === '' ? [] : i.path.split('.').flatMap((p) => p.split(/\[(\d+)\]/).filter((s) => s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
    expect({ line: i.line, column: i.column }).toEqual(expectedLocation(text, path));
    expect(formatPath(path)).toBe(i.path);
    return `${i.path}: ${i.message}`;
  });
}

describe('bulk module', () => {
  it('is in the registry, and its sink listens on its own transport and port', () => {
    expect(PROTOCOL_MODULES).toContain(BULK_MODULE);
    expect(serviceDefinition('bulk-sink')).toBe(BULK_MODULE.services[0]);
    expect(listenersOf({ type: 'bulk-sink', port: 5001, transport: 'udp' } as never)).toEqual([{ transport: 'udp', port: 5001 }]);
  });

  it('has colours that read as text on both chart backgrounds (≥ 4.5:1)', () => {
    const [light, dark] = BULK_MODULE.colors!;
    expect(contrastRatio(light, chartPalette('light').background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark, chartPalette('dark').background)).toBeGreaterThanOrEqual(4.5);
    expect(chartPalette('light').background).toBe('#ffffff');
    expect(chartPalette('dark').background).toBe('#14171b');
  });

  it('loads and runs a transfer each way', () => {
    for (const [action, transport] of [[{}, 'tcp'], [{ transport: 'udp', rateMbps: 5 }, 'udp']] as const) {
      const loaded = parseScenarioText(JSON.stringify(scenario(action, transport)));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const run = runScenario(loaded.scenario);
      expect(run.sim.store.metrics.filter((m) => m.name === 'throughput').map((m) => m.node)).toEqual(['server']);
    }
  });
});

describe('bulk-send reference checks', () => {
  it('the server must have a bulk-sink on the port', () => {
    expect(issues(scenario({ port: 5002 }))).toEqual(['workload[0].port: node "server" has no bulk-sink on port 5002 (its services: bulk-sink on port 5001)']);
    expect(issues(scenario({ server: 'nowhere' }))).toEqual(['workload[0].server: unknown node "nowhere" (nodes are: client, r1, server)']);
  });

  it('over the same transport (a node may have a sink of each on one port)', () => {
    expect(issues(scenario({ transport: 'udp', rateMbps: 1 }))).toEqual([
      'workload[0].transport: expected "tcp", got "udp": the bulk-sink of "server" on port 5001 receives over TCP',
    ]);
    const both = scenario({ transport: 'udp', rateMbps: 1 });
    both.nodes[2]!.services!.push({ type: 'bulk-sink', port: 5001, transport: 'udp' });
    expect(parseScenarioText(JSON.stringify(both)).ok).toBe(true);
  });

  it('UDP needs a rate; TCP takes none', () => {
    expect(issues(scenario({ transport: 'udp' }, 'udp'))).toEqual(['workload[0]: missing property "rateMbps": a UDP transfer needs the rate to send its datagrams at (megabits per second)']);
    expect(issues(scenario({ rateMbps: 5, datagramBytes: 1000 }))).toEqual([
      'workload[0].rateMbps: "rateMbps" is for UDP transfers: TCP sends as fast as the receiver\'s window allows, in segments of its MSS',
      'workload[0].datagramBytes: "datagramBytes" is for UDP transfers: TCP sends as fast as the receiver\'s window allows, in segments of its MSS',
    ]);
  });

  it('UDP datagrams come often enough for the sink to wait for them', () => {
    expect(issues(scenario({ transport: 'udp', rateMbps: 0.01 }, 'udp'))).toEqual([
      'workload[0].rateMbps: expected more than 0.011776 (megabits per second): at 0.01 Mbps datagrams of 1472 bytes leave 1.178 s apart, and a sink ends a UDP transfer after 1 s without a datagram',
    ]);
  });

  it('shapes: bytes from 1 to 10^9, datagrams from 32 to 65507 bytes', () => {
    expect(issues(scenario({ bytes: 0 }))).toEqual(['workload[0].bytes: expected an integer from 1 to 1000000000 (bytes), got 0']);
    expect(issues(scenario({ bytes: 1e9 + 1 }))).toEqual(['workload[0].bytes: expected an integer from 1 to 1000000000 (bytes), got 1000000001']);
    expect(issues(scenario({ transport: 'udp', rateMbps: 1, datagramBytes: 65_508 }, 'udp'))).toEqual([
      'workload[0].datagramBytes: expected an integer from 32 to 65507 (bytes), got 65508',
    ]);
  });
});
