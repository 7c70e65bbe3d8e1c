import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listenersOf } from '../../src-core/protocols/registry';
import { parseScenarioText } from '../../src-core/scenario/load';
import type { Scenario } from '../../src-core/scenario/schema';
import { nodeToServe, planPorts } from './port-plan';

function lesson(name: string): Scenario {
  const r = parseScenarioText(readFileSync(`resources/lessons/${name}.l7.json`, 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.scenario;
}

describe('port plan', () => {
  const auth = nodeToServe(lesson('dns-records'), 'auth');

  it("lists the node's listeners from its protocol module: DNS on UDP and TCP 53", () => {
    expect(planPorts(auth, { kind: 'none' }, listenersOf).listeners).toEqual([
      { service: 'dns-server', transport: 'udp', scenarioPort: 53 },
      { service: 'dns-server', transport: 'tcp', scenarioPort: 53 },
    ]);
  });

  it('keeps scenario ports by default, moves the one port with --port N, and treats 0 as any free port', () => {
    expect(planPorts(auth, { kind: 'none' }, listenersOf).localOf(53)).toEqual({ port: 53, explicit: false });
    expect(planPorts(auth, { kind: 'one', local: 5300 }, listenersOf).localOf(53)).toEqual({ port: 5300, explicit: true });
    expect(planPorts(auth, { kind: 'one', local: 0 }, listenersOf).localOf(53)).toEqual({ port: 0, explicit: false });
    expect(planPorts(auth, { kind: 'map', map: new Map([[53, 5353]]) }, listenersOf).localOf(53)).toEqual({ port: 5353, explicit: true });
  });
});
