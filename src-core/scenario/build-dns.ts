/** Scenario DNS settings → the DNS engines' own types. */
import type { ResolverServiceOptions } from '../protocols/dns/apps';
import { DNS_TYPE } from '../protocols/dns/constants';
import type { ServerAddress } from '../protocols/dns/resolver';
import type { DnsRecord, DnsRecordData } from '../protocols/dns/types';
import type { Zone } from '../protocols/dns/zone';
import { ms } from '../sim/time';
import type { Scenario, Service } from './schema';

type DnsServerService = Extract<Service, { type: 'dns-server' }>;
type DnsResolverService = Extract<Service, { type: 'dns-resolver' }>;
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
        return { type: 'TXT', strings: r.text };
    }
  })();
  return { name: domainOf(r.name), class: 1, ttl: r.ttl, data };
}

export function zonesOf(service: DnsServerService): Zone[] {
  return service.zones.map((z) => ({ origin: domainOf(z.origin), records: z.records.map(recordOf), ...(z.signingKey === undefined ? {} : { signingKey: z.signingKey }) }));
}

function serverAddress(scenario: Scenario, nodeId: string): ServerAddress {
  const node = scenario.nodes.find((n) => n.id === nodeId);
  return { name: node?.name ?? nodeId, address: node?.address ?? '0.0.0.0' };
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
