/** Scenario DNS settings → the DNS engines' own types. */
import { parseIpv4 } from '../../net/ipv4';
import type { Scenario } from '../../scenario/schema';
import { ms } from '../../sim/time';
import { DNS_TYPE } from './constants';
import { characterStringOf } from './labels';
import type { ServerAddress } from './resolver';
import type { ResolverServiceOptions } from './resolver-engine';
import type { DnsResolverService, DnsServerService } from './schema';
import type { DnsRecord, DnsRecordData } from './types';
import type { Zone } from './zone';

type ScenarioRecord = DnsServerService['zones'][number]['records'][number];

/** "." and "" are the root; a trailing dot is dropped. */
export function domainOf(name: string): string {
  return name === '.' ? '' : name.replace(/\.$/, '');
}

export function recordOf(r: ScenarioRecord): DnsRecord {
  const data = ((): DnsRecordData => {
    switch (r.type) {
      case 'A':
      case 'AAAA':
        return { type: r.type, address: r.address };
      case 'NS':
      case 'CNAME':
        return { type: r.type, host: domainOf(r.host) };
      case 'MX':
        return { type: 'MX', preference: r.preference, exchange: domainOf(r.exchange) };
      case 'SOA':
        return { type: 'SOA', mname: domainOf(r.mname), rname: domainOf(r.rname), serial: r.serial, refresh: r.refresh, retry: r.retry, expire: r.expire, minimum: r.minimum };
      case 'TXT':
        return { type: 'TXT', strings: r.text.map(characterStringOf) }; // each string is its UTF-8 bytes
    }
  })();
  return { name: domainOf(r.name), class: 1, ttl: r.ttl, data };
}

export function zonesOf(service: DnsServerService): Zone[] {
  return service.zones.map((z) => ({ origin: domainOf(z.origin), records: z.records.map(recordOf), ...(z.signingKey === undefined ? {} : { signingKey: z.signingKey }) }));
}

/** A node of the scenario as a server to ask (the loader has checked that it exists and its address is valid). */
function serverAddress(scenario: Scenario, nodeId: string): ServerAddress {
  const node = scenario.nodes.find((n) => n.id === nodeId);
  const address = node ? parseIpv4(node.address) : null;
  if (!node || address === null) throw new Error(`no node "${nodeId}" with a valid address in the scenario`);
  return { name: node.name ?? nodeId, address };
}

export function resolverOptionsOf(service: DnsResolverService, scenario: Scenario): ResolverServiceOptions {
  return {
    mode: service.mode,
    rootHints: service.rootServers.map((id) => serverAddress(scenario, id)),
    forwarder: service.forwarder === undefined ? null : serverAddress(scenario, service.forwarder),
    timeout: ms(service.timeoutMs),
    attempts: service.attempts,
    randomizeIds: service.randomizeIds,
    randomizePorts: service.randomizePorts,
    trustAnchors: service.trustAnchors.map((a) => ({ zone: domainOf(a.zone), key: a.key })),
  };
}

export function qtypeCode(qtype: keyof typeof DNS_TYPE): number {
  return DNS_TYPE[qtype];
}
