import { describe, expect, it } from 'vitest';
import { DnsPoisonSchema, DnsResolverSchema, DnsServerSchema } from '../protocols/dns/schema';
import { LinkSchema, ScenarioSchema } from '../scenario/schema';
import { z } from '../scenario/zod';
import { schemaInfo } from './schema-info';

describe('schemaInfo', () => {
  it('reads a bounded number and its description', () => {
    expect(schemaInfo(LinkSchema.shape.delayMs)).toMatchObject({ kind: 'number', min: 0, max: 1e9, integer: false, optional: false, description: 'a number from 0 to 1000000000 (milliseconds)' });
  });

  it('unwraps default and optional, keeping the default and the inner description', () => {
    expect(schemaInfo(LinkSchema.shape.queuePackets)).toMatchObject({ kind: 'number', min: 1, integer: true, optional: true, defaultValue: 100, description: 'an integer ≥ 1' });
    expect(schemaInfo(LinkSchema.shape.id)).toMatchObject({ kind: 'string', optional: true, defaultValue: undefined });
    expect(schemaInfo(ScenarioSchema.shape.run)).toMatchObject({ kind: 'object', optional: true, defaultValue: {} });
  });

  it('takes the description of the outer wrapper when the inner schema has none', () => {
    expect(schemaInfo(DnsResolverSchema.shape.mode)).toMatchObject({ kind: 'enum', options: ['iterative', 'forward'], defaultValue: 'iterative', description: '"iterative" or "forward"' });
  });

  it('tells literals, word unions and number-or-word unions apart', () => {
    expect(schemaInfo(DnsServerSchema.shape.port)).toMatchObject({ kind: 'literal', value: 53, defaultValue: 53 });
    expect(schemaInfo(DnsPoisonSchema.shape.targetPort)).toMatchObject({ kind: 'number-or-text', words: ['random'], defaultValue: 53 });
    expect(schemaInfo(z.union([z.literal('a'), z.enum(['b', 'c'])]))).toMatchObject({ kind: 'enum', options: ['a', 'b', 'c'] });
  });

  it('keeps arrays\' elements and unions of objects', () => {
    const zones = schemaInfo(DnsServerSchema.shape.zones);
    expect(zones.kind).toBe('array');
    expect(schemaInfo(ScenarioSchema.shape.workload)).toMatchObject({ kind: 'array' });
  });
});
