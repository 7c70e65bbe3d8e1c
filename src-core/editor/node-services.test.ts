import { describe, expect, it } from 'vitest';
import { PROTOCOL_MODULES } from '../protocols/registry';
import { validateScenario } from '../scenario/load';
import { frozenCopyForTest, lessonDocForTest } from './editor-doc.test-helper';
import { addService, removeService, serviceStarters } from './node-services';

const starters = serviceStarters(PROTOCOL_MODULES.flatMap((m) => m.presets));

describe('a node’s services', () => {
  it('adds a service as its preset sets it up, on its own copy, and removes it again', () => {
    const doc = lessonDocForTest('sockets-tcp');
    const before = frozenCopyForTest(doc);
    const withUdp = addService(doc, 'server', starters.get('udp-upper-server')!);
    expect(doc).toEqual(before);
    const services = withUdp.nodes.find((n) => n.id === 'server')!.services!;
    expect(services.map((s) => s.type)).toEqual(['tcp-upper-server', 'udp-upper-server']);
    expect(services[1]).not.toBe(starters.get('udp-upper-server'));
    expect(validateScenario(withUdp).ok).toBe(true);
    expect(removeService(withUdp, 'server', 1)).toEqual(doc);
  });

  it('gives a router no services, and changes nothing for a service that is not there', () => {
    const doc = lessonDocForTest('sockets-tcp');
    expect(addService(doc, 'router', starters.get('udp-upper-server')!)).toBe(doc);
    expect(removeService(doc, 'server', 5)).toBe(doc);
    expect(removeService(doc, 'nobody', 0)).toBe(doc);
  });

  it('has a starting point for every service type of the presets', () => {
    expect([...starters.keys()]).toEqual(expect.arrayContaining(['dns-server', 'dns-resolver', 'tcp-upper-server', 'udp-upper-server']));
  });
});
