// The registry and the scenario schema agree: every service and action type
// is defined once, and each definition describes exactly the fields its
// schema has (so the topology editor can show every one of them).
import { describe, expect, it } from 'vitest';
import { actionVariants, ServiceSchema, serviceVariants } from '../scenario/schema';
import { ACTION_BASE_PROPERTIES } from './module';
import { actionDefinition, describeService, PROTOCOL_MODULES, serviceDefinition } from './registry';
import { contrastRatio } from '../chart/colors';

describe('the protocol registry', () => {
  it.each(serviceVariants.map((v) => [v.shape.type.value, Object.keys(v.shape)] as const))('service %s: a property for every field but its type', (type, fields) => {
    const d = serviceDefinition(type);
    expect(d.properties.map((p) => p.field).sort()).toEqual(fields.filter((f) => f !== 'type').sort());
    expect(d.title.length).toBeGreaterThan(0);
  });

  it.each(actionVariants.map((v) => [v.shape.type.value, Object.keys(v.shape)] as const))('action %s: a property for every field but type, atMs and node', (type, fields) => {
    const d = actionDefinition(type);
    const base = ACTION_BASE_PROPERTIES.map((p) => p.field);
    expect(d.properties.map((p) => p.field).sort()).toEqual(fields.filter((f) => f !== 'type' && !base.includes(f)).sort());
  });

  it('protocol names, lessons and preset ids are unique; colours are readable in both themes', () => {
    const protocols = PROTOCOL_MODULES.map((m) => m.protocol);
    expect(new Set(protocols).size).toBe(protocols.length);
    const lessons = PROTOCOL_MODULES.flatMap((m) => m.lessons);
    expect(new Set(lessons).size).toBe(lessons.length);
    const presets = PROTOCOL_MODULES.flatMap((m) => m.presets.map((p) => p.id));
    expect(new Set(presets).size).toBe(presets.length);
    for (const m of PROTOCOL_MODULES) {
      if (!m.colors) continue;
      expect(contrastRatio(m.colors[0], '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(m.colors[1], '#14171b')).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('every preset is a valid set of registered services, one at least of its own module (a mail server holds IMAP and POP3 too)', () => {
    const registered = PROTOCOL_MODULES.flatMap((m) => m.services.map((d) => d.type));
    for (const m of PROTOCOL_MODULES) {
      for (const p of m.presets) {
        expect(p.services.some((s) => m.services.some((d) => d.type === s.type)), p.id).toBe(true);
        for (const s of p.services) {
          expect(registered).toContain(s.type);
          expect(ServiceSchema.safeParse(s).success).toBe(true);
        }
      }
    }
  });
});

describe('describeService', () => {
  it('names a service by its title and every socket it listens on', () => {
    const resolver = ServiceSchema.parse({ type: 'dns-resolver', rootServers: ['root'] });
    const sink = ServiceSchema.parse({ type: 'bulk-sink', port: 5001, transport: 'udp' });
    expect(describeService(resolver)).toBe('Local DNS server (resolver) on UDP 53 and TCP 53');
    expect(describeService(sink)).toBe('Bulk-transfer sink on UDP 5001');
  });
});
