/**
 * Scenario schemas for DNS (RFC 1035): zone records, the two DNS services
 * (an authoritative server; a local resolver) and the lookup action.
 * Record fields mirror src-core/protocols/dns/types.ts. TTLs are seconds.
 */
import { booleanSchema, integerAtLeastOne, integerFrom, ipv4Schema, nodeRefSchema, nonNegativeMsSchema, positiveMsSchema } from '../../scenario/fields';
import { z } from '../../scenario/zod';

const LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
/** "www.example.com", "example.com.", or "." / "" for the root. */
export const DOMAIN_PATTERN = new RegExp(`^(?:\\.?|${LABEL}(?:\\.${LABEL})*\\.?)$`);

export const domainSchema = z
  .string()
  .max(253)
  .regex(DOMAIN_PATTERN)
  .describe('a domain name such as "www.example.com" ("." for the root)');

/** RFC 2181 §8: a TTL is 0 to 2^31 − 1 seconds. */
/** A new record made in the editor starts with an hour's TTL (examples[0]): 0 would keep it out of every cache. */
export const ttlSchema = z.number().int().min(0).max(2_147_483_647).meta({ description: 'a TTL in seconds (an integer from 0 to 2147483647)', examples: [3600] });

const u16 = z.number().int().min(0).max(65535).describe('an integer from 0 to 65535');
const u32 = z.number().int().min(0).max(4_294_967_295).describe('an integer from 0 to 4294967295');
const ipv6Schema = z
  .string()
  .regex(/^[0-9A-Fa-f:]{2,39}$/)
  .describe('an IPv6 address such as "2001:db8::1"');

const base = { name: domainSchema, ttl: ttlSchema };

export const DnsRecordSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('A'), ...base, address: ipv4Schema }),
    z.strictObject({ type: z.literal('AAAA'), ...base, address: ipv6Schema }),
    z.strictObject({ type: z.literal('NS'), ...base, host: domainSchema }),
    z.strictObject({ type: z.literal('CNAME'), ...base, host: domainSchema }),
    z.strictObject({ type: z.literal('MX'), ...base, preference: u16, exchange: domainSchema }),
    z.strictObject({
      type: z.literal('SOA'),
      ...base,
      mname: domainSchema,
      rname: domainSchema,
      serial: u32,
      refresh: u32,
      retry: u32,
      expire: u32,
      minimum: u32,
    }),
    z.strictObject({ type: z.literal('TXT'), ...base, text: z.array(z.string().max(255)).min(1).describe('an array of strings') }),
  ])
  .describe('a DNS record with a "type" (A, AAAA, NS, CNAME, MX, SOA or TXT)');

export const ZoneSchema = z
  .strictObject({
    /** The zone's apex: "example.com", "com", or "." for the root zone. */
    origin: domainSchema,
    records: z.array(DnsRecordSchema).describe('an array of DNS records'),
    /** Sign this zone's answers with this secret (a simplified DNSSEC, see protocols/dns/sign.ts). */
    signingKey: z.string().min(1).max(200).optional(),
  })
  .describe('a zone object { "origin", "records" }');

/** An authoritative name server for one or more zones (root, TLD or a company's server). */
export const DnsServerSchema = z
  .strictObject({
    type: z.literal('dns-server'),
    port: z.literal(53).default(53).describe('53'),
    zones: z.array(ZoneSchema).min(1).describe('an array of 1 or more zones'),
    /** Answer queries with RD set recursively: ask the referred server instead of referring (the textbook's recursive query). */
    recursive: booleanSchema.default(false),
    /** How long a recursive query waits for the next server before answering SERVFAIL. */
    timeoutMs: positiveMsSchema.default(2000),
  })
  .describe('a service object');

/** A local DNS server: answers hosts' queries from its cache or by resolving them. */
export const DnsResolverSchema = z
  .strictObject({
    type: z.literal('dns-resolver'),
    port: z.literal(53).default(53).describe('53'),
    /** "iterative": ask root, TLD, authoritative in turn; "forward": ask `forwarder` with recursion desired. */
    mode: z.enum(['iterative', 'forward']).default('iterative').describe('"iterative" or "forward"'),
    /** Root servers to start from (nodes with a dns-server for the root zone). */
    rootServers: z.array(nodeRefSchema).default(() => []).describe('an array of node ids'),
    forwarder: nodeRefSchema.optional(),
    /** How long to wait for one server before trying another. */
    timeoutMs: positiveMsSchema.default(1000),
    /** Queries per lookup before answering SERVFAIL. */
    attempts: integerAtLeastOne.default(4),
    /** Random 16-bit query ids (RFC 5452 §9.2); off only to show why they matter. */
    randomizeIds: booleanSchema.default(true),
    /** A fresh random source port for every query (RFC 5452 §9.2). */
    randomizePorts: booleanSchema.default(true),
    /** Validate answers under these zones with their keys (simplified DNSSEC): unsigned or badly signed answers are ignored. */
    trustAnchors: z
      .array(z.strictObject({ zone: domainSchema, key: z.string().min(1).max(200) }).describe('a trust anchor { "zone", "key" }'))
      .default(() => [])
      .describe('an array of trust anchors'),
  })
  .describe('a service object');

export const DNS_QTYPES = ['A', 'AAAA', 'NS', 'CNAME', 'MX', 'SOA', 'TXT'] as const;

/** A host looks a name up through its local DNS server (the stub resolver of its operating system). */
export const DnsLookupSchema = z
  .strictObject({
    type: z.literal('dns-lookup'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    /** The host's local DNS server: a node with a dns-resolver (or dns-server) service. */
    resolver: nodeRefSchema,
    name: domainSchema,
    qtype: z.enum(DNS_QTYPES).default('A').describe('"A", "AAAA", "NS", "CNAME", "MX", "SOA" or "TXT"'),
    /** How long the stub waits before asking again (it asks up to 3 times). */
    timeoutMs: positiveMsSchema.default(2000),
  })
  .describe('an action object');

/** Cache poisoning: ask a resolver for `name`, then race forged answers claiming to be `spoofAs`. */
export const DnsPoisonSchema = z
  .strictObject({
    type: z.literal('dns-poison'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    resolver: nodeRefSchema,
    spoofAs: nodeRefSchema,
    name: domainSchema,
    forgedAddress: ipv4Schema,
    guesses: integerFrom(1, 65536).default(100),
    delayMs: nonNegativeMsSchema.default(1),
    /** The resolver port aimed at: 53 (a resolver asking from port 53) or "random". */
    targetPort: z.union([z.number().int().min(1).max(65535), z.literal('random')]).default(53).describe('a port number or "random"'),
    idGuess: z.enum(['sequential', 'random']).default('sequential').describe('"sequential" or "random"'),
    ttl: ttlSchema.default(86400),
  })
  .describe('an action object');

/** Amplification: `count` small queries to `server` with the victim's address forged as their source. */
export const DnsAmplifySchema = z
  .strictObject({
    type: z.literal('dns-amplify'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    server: nodeRefSchema,
    victim: nodeRefSchema,
    name: domainSchema,
    qtype: z.enum(DNS_QTYPES).default('TXT').describe('"A", "AAAA", "NS", "CNAME", "MX", "SOA" or "TXT"'),
    count: integerFrom(1, 100000).default(20),
    intervalMs: nonNegativeMsSchema.default(1),
  })
  .describe('an action object');

/** Record types a zone edit may replace (the SOA changes only through its serial, which every edit increments). */
export const EDITABLE_TYPES = ['A', 'AAAA', 'NS', 'CNAME', 'MX', 'TXT'] as const;

/**
 * The administrator of the authoritative server `node` replaces the records of
 * `name` and `recordType` with `records` (an empty array deletes them). The
 * server answers with the new data at once; resolvers keep what they cached
 * until its TTL runs out.
 */
export const DnsZoneEditSchema = z
  .strictObject({
    type: z.literal('dns-zone-edit'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    name: domainSchema,
    recordType: z.enum(EDITABLE_TYPES).describe('"A", "AAAA", "NS", "CNAME", "MX" or "TXT"'),
    records: z.array(DnsRecordSchema).describe('an array of DNS records, each with the edit\'s name and type'),
  })
  .describe('an action object');

export const DNS_SERVICE_SCHEMAS = [DnsServerSchema, DnsResolverSchema] as const;
export const DNS_ACTION_SCHEMAS = [DnsLookupSchema, DnsPoisonSchema, DnsAmplifySchema, DnsZoneEditSchema] as const;

export type DnsServerService = z.output<typeof DnsServerSchema>;
export type DnsResolverService = z.output<typeof DnsResolverSchema>;
export type DnsLookupAction = z.output<typeof DnsLookupSchema>;
export type DnsPoisonAction = z.output<typeof DnsPoisonSchema>;
export type DnsAmplifyAction = z.output<typeof DnsAmplifySchema>;
export type DnsZoneEditAction = z.output<typeof DnsZoneEditSchema>;
