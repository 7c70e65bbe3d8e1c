/** Zones used by the DNS tests: the root, .com, and example.com (as in the course's figures), and variants of it. */
import type { DnsRecord, DnsRecordData } from './types';
import type { Zone } from './zone';

const rr = (name: string, ttl: number, data: DnsRecordData): DnsRecord => ({ name, class: 1, ttl, data });
const soa = (zone: string): DnsRecordData => ({ type: 'SOA', mname: `ns1.${zone || 'root'}`, rname: `hostmaster.${zone || 'root'}`, serial: 2026112201, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 });

export const ROOT_ZONE: Zone = {
  origin: '',
  records: [
    rr('', 86400, soa('')),
    rr('com', 172800, { type: 'NS', host: 'a.gtld-servers.net' }),
    rr('a.gtld-servers.net', 172800, { type: 'A', address: '192.5.6.30' }),
  ],
};

export const COM_ZONE: Zone = {
  origin: 'com',
  records: [
    rr('com', 900, soa('com')),
    rr('example.com', 172800, { type: 'NS', host: 'dns.example.com' }),
    rr('dns.example.com', 172800, { type: 'A', address: '192.0.2.53' }),
  ],
};

export const EXAMPLE_ZONE: Zone = {
  origin: 'example.com',
  records: [
    rr('example.com', 3600, soa('example.com')),
    rr('example.com', 3600, { type: 'NS', host: 'dns.example.com' }),
    rr('dns.example.com', 3600, { type: 'A', address: '192.0.2.53' }),
    rr('www.example.com', 300, { type: 'A', address: '192.0.2.10' }),
    rr('www.example.com', 300, { type: 'A', address: '192.0.2.11' }),
    rr('www.example.com', 300, { type: 'A', address: '192.0.2.12' }),
    rr('web.example.com', 300, { type: 'CNAME', host: 'www.example.com' }),
    rr('example.com', 300, { type: 'MX', preference: 10, exchange: 'mail.example.com' }),
    rr('mail.example.com', 300, { type: 'A', address: '192.0.2.25' }),
    rr('example.com', 300, { type: 'TXT', strings: ['v=spf1 mx -all'] }),
  ],
};

const alias = (name: string, host: string): DnsRecord => rr(name, 300, { type: 'CNAME', host });

/**
 * example.com with aliases that end badly: at a name that does not exist
 * (one and two hops), and below the zone cut of sub.example.com (at a name
 * there, and at the glue of its server).
 */
export const ALIAS_ZONE: Zone = {
  ...EXAMPLE_ZONE,
  records: [
    ...EXAMPLE_ZONE.records,
    alias('dangling.example.com', 'gone.example.com'),
    alias('twice.example.com', 'dangling.example.com'),
    rr('sub.example.com', 300, { type: 'NS', host: 'ns.sub.example.com' }),
    rr('ns.sub.example.com', 300, { type: 'A', address: '192.0.2.60' }),
    alias('delegated.example.com', 'host.sub.example.com'),
    alias('to-glue.example.com', 'ns.sub.example.com'),
  ],
};
