import { describe, expect, it } from 'vitest';
import { ID_PATTERN, IPV4_PATTERN } from './fields';
import { defaultLinkId, linkIdOf } from './resolve';
import { actionTypes, PROTOCOL_MODULES, serviceTypes } from '../protocols/registry';
import { actionVariants, ScenarioSchema, serviceVariants } from './schema';

describe('field patterns', () => {
  it('ids: a letter, then up to 63 letters, digits, "_" or "-"', () => {
    for (const ok of ['a', 'Client_1', 'r-1', `a${'b'.repeat(63)}`]) expect(ID_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', '1a', '_a', 'a b', 'a.b', `a${'b'.repeat(64)}`, 'é']) expect(ID_PATTERN.test(bad)).toBe(false);
  });

  it('IPv4: four octets 0..255 without leading zeros', () => {
    for (const ok of ['0.0.0.0', '10.0.1.2', '255.255.255.255', '192.168.100.9']) expect(IPV4_PATTERN.test(ok)).toBe(true);
    for (const bad of ['10.0.1', '10.0.1.2.3', '256.0.0.1', '01.0.0.1', '10.0.0.00', '1e1.0.0.1', ' 10.0.0.1', '10.0.0.1\n'])
      expect(IPV4_PATTERN.test(bad)).toBe(false);
  });
});

describe('variants', () => {
  it('every service variant is defined by exactly one protocol module, and no module defines one the schema lacks', () => {
    const types = serviceVariants.map((v) => v.shape.type.value);
    expect([...serviceTypes()].sort()).toEqual([...types].sort());
    expect(PROTOCOL_MODULES.flatMap((m) => m.services).length).toBe(types.length);
  });

  it('every action variant is defined by exactly one protocol module', () => {
    const types = actionVariants.map((v) => v.shape.type.value);
    expect([...actionTypes()].sort()).toEqual([...types].sort());
    expect(PROTOCOL_MODULES.flatMap((m) => m.actions).length).toBe(types.length);
  });

  it('action variants are discriminated by distinct "type" values', () => {
    const types = actionVariants.map((v) => v.shape.type.value);
    expect(new Set(types).size).toBe(types.length);
  });
});

describe('defaults', () => {
  it('fills in run, view, lossRules, services, link and action defaults', () => {
    const parsed = ScenarioSchema.parse({
      format: 'l7-scenario',
      version: 1,
      name: 'n',
      nodes: [{ id: 'a', kind: 'host', address: '10.0.0.1' }],
      links: [{ a: 'a', b: 'b', delayMs: 1, bandwidthMbps: 1 }],
      workload: [{ type: 'udp-upper-client', atMs: 0, node: 'a', server: 'b', port: 1, line: 'x' }],
    });
    expect(parsed.run).toEqual({ seed: 1, endTimeMs: 600_000, maxEvents: 10_000_000 });
    expect(parsed.view).toEqual({ showTransport: false, compressIdleGaps: false });
    expect(parsed.lossRules).toEqual([]);
    expect(parsed.nodes[0]!.services).toEqual([]);
    expect(parsed.links[0]).toMatchObject({ queuePackets: 100, lossRate: 0 });
    expect(parsed.workload[0]).toMatchObject({ timeoutMs: 1000 });
  });

  it('a link without an id is known as "<a>-<b>"', () => {
    expect(defaultLinkId({ a: 'client', b: 'r1' })).toBe('client-r1');
    expect(linkIdOf({ id: 'core', a: 'r1', b: 'server' })).toBe('core');
    expect(linkIdOf({ a: 'r1', b: 'server' })).toBe('r1-server');
  });
});
