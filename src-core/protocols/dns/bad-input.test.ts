// Malformed DNS from the network: the server answers FORMERR as RFC 1035
// §4.1.1 says, the resolver SERVFAIL when nobody answers, and everything is
// in the trace; nothing throws.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../host/simulation';
import { parseIpv4 } from '../../net/ipv4';
import type { Topology } from '../../net/topology';
import { ms } from '../../sim/time';
import type { MessageEvent, StateEvent } from '../../trace/types';
import { runDnsLookup, startDnsResolver, startDnsServer } from './apps';
import { DNS_TYPE } from './constants';
import { EXAMPLE_ZONE } from './zones.test-helper';

function world(): Simulation {
  const node = (id: string, address: string) => ({ id, kind: 'host' as const, name: id, address: parseIpv4(address)! });
  const link = (a: string, b: string) => ({ id: `${a}-${b}`, a, b, delay: ms(5), bandwidth: 10e6, queuePackets: 100, lossRate: 0 });
  const topology: Topology = {
    nodes: [node('client', '10.0.0.1'), node('server', '192.0.2.53'), node('local', '10.0.0.53'), node('router', '10.0.0.254')].map((n) => (n.id === 'router' ? { ...n, kind: 'router' as const } : n)),
    links: [link('client', 'router'), link('server', 'router'), link('local', 'router')],
  };
  return new Simulation(topology, 1);
}

const app = (sim: Simulation) => sim.store.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'application');

describe('bad input from the network', () => {
  it('a garbled query gets FORMERR with its id, and both are traced', () => {
    const sim = world();
    startDnsServer(sim.context('server'), [EXAMPLE_ZONE]);
    const garbage = new Uint8Array([0xbe, 0xef, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 0x0c, 0, 1, 0, 1]); // a name pointing at itself
    sim.stack('client').udpSocket().sendTo(garbage, parseIpv4('192.0.2.53')!, 53, { protocol: 'dns', summary: 'garbled query' });
    sim.scheduler.run();
    const [query, reply] = app(sim);
    expect(query!.summary).toBe('garbled query');
    expect(reply!.summary).toMatch(/^Standard query response 0xbeef FORMERR/);
    expect(reply!.causedBy).toBe(query!.id);
    expect(reply!.receivedAt).not.toBeNull();
  });

  it('a resolver whose servers never answer gives the stub SERVFAIL, after retrying', () => {
    const sim = world();
    // The resolver's root hint points at the client, which runs no DNS server: every query is refused at the port.
    startDnsResolver(sim.context('local'), {
      mode: 'iterative',
      rootHints: [{ name: 'nowhere', address: '10.0.0.1' }],
      forwarder: null,
      timeout: ms(300),
      attempts: 3,
      randomizeIds: true,
      randomizePorts: true,
    });
    runDnsLookup(sim.context('client'), 'local', 'www.example.com', DNS_TYPE.A, ms(5000));
    sim.scheduler.run();
    const states = sim.store.events.filter((e): e is StateEvent => e.kind === 'state');
    expect(states.filter((s) => s.type === 'dns.timeout')).toHaveLength(3);
    expect(states.find((s) => s.type === 'dns.answer')!.summary).toBe('www.example.com A: SERVFAIL');
  });
});
