/**
 * The DNS module (RFC 1034, RFC 1035; Kurose & Ross §2.4): authoritative and
 * recursive servers, the local resolver, the stub resolver's lookups, zone
 * edits, the two attacks, and what the rest of the program needs to know of
 * them (listeners, reference checks, dissector, colour, lessons, presets).
 */
import type { Engine } from '../../engine/face';
import { ms } from '../../sim/time';
import { canonicalName, isInZone } from './names';
import type { ActionDefinition, EngineBinding, NodeContext, ProtocolModule, ReferenceChecks, ServiceDefinition } from '../module';
import { quote } from '../../scenario/describe-value';
import type { PathSegment } from '../../scenario/errors';
import { Amplifier, CachePoisoner } from './attack-engines';
import { DNS_PORT } from './constants';
import { dissectDns } from './dissect';
import { DNS_BRIEF_LABELS } from './summary';
import { DNS_STATE_TYPES, PROTOCOL, type DnsEvent, type DnsStateData } from './events';
import { domainOf, qtypeCode, recordOf, resolverOptionsOf, zonesOf } from './from-scenario';
import { RecursiveServer } from './recursive-server';
import { RecursiveServerEngine } from './recursive-engine';
import { reportDns } from './report';
import { ResolverEngine } from './resolver-engine';
import type { DnsAmplifyAction, DnsLookupAction, DnsPoisonAction, DnsResolverService, DnsServerService, DnsZoneEditAction } from './schema';
import { AuthoritativeServer } from './server';
import { DnsServerEngine } from './server-engine';
import { StubResolver } from './stub-engine';
import { runZoneEdit, ZONE_SERVERS } from './zone-edit';

function binding<C>(engine: Engine<DnsEvent, C>, name: string): EngineBinding<DnsEvent, C, DnsStateData> {
  return { engine, protocol: PROTOCOL, name, report: reportDns };
}

/** DNS listens on UDP and TCP port 53 (RFC 1035 §4.2). */
const DNS_LISTENERS = [
  { transport: 'udp', port: DNS_PORT },
  { transport: 'tcp', port: DNS_PORT },
] as const;

const dnsServer: ServiceDefinition<DnsServerService> = {
  type: 'dns-server',
  title: 'DNS server (authoritative)',
  properties: [
    { field: 'port', label: 'Port', help: 'Always 53, on UDP and TCP (RFC 1035 §4.2).' },
    { field: 'zones', label: 'Zones', help: 'The zones it is authoritative for, each with its records.' },
    { field: 'recursive', label: 'Recursive', help: 'Answer a query that asks for recursion by asking the referred server itself, instead of referring.' },
    { field: 'timeoutMs', label: 'Recursive timeout', help: 'How long a recursive query waits for the next server before answering SERVFAIL.', unit: 'ms' },
  ],
  listeners: () => DNS_LISTENERS,
  start(ctx, s) {
    const zones = zonesOf(s);
    if (s.recursive) {
      const server = new RecursiveServer(zones, ms(s.timeoutMs), () => ctx.env.random32() & 0xffff);
      ctx.slots.add(ZONE_SERVERS, server.authority);
      ctx.drive(binding(new RecursiveServerEngine(ctx.env, server, ms(s.timeoutMs)), 'recursive DNS server'));
      return;
    }
    const server = new AuthoritativeServer(zones);
    ctx.slots.add(ZONE_SERVERS, server);
    ctx.drive(binding(new DnsServerEngine(ctx.env, server), 'DNS server'));
  },
};

const dnsResolver: ServiceDefinition<DnsResolverService> = {
  type: 'dns-resolver',
  title: 'Local DNS server (resolver)',
  properties: [
    { field: 'port', label: 'Port', help: 'Always 53, on UDP and TCP.' },
    { field: 'mode', label: 'Mode', help: 'Iterative: ask root, TLD and authoritative servers in turn. Forward: ask one server to resolve for it.' },
    { field: 'rootServers', label: 'Root servers', help: 'Where iteration starts when the cache knows nothing closer.' },
    { field: 'forwarder', label: 'Forwarder', help: 'The server asked in forward mode, with recursion desired.' },
    { field: 'timeoutMs', label: 'Timeout', help: 'How long to wait for one server before asking another.', unit: 'ms' },
    { field: 'attempts', label: 'Attempts', help: 'Queries per lookup before answering SERVFAIL.' },
    { field: 'randomizeIds', label: 'Random query ids', help: 'Random 16-bit ids, so forged answers must guess them (RFC 5452).' },
    { field: 'randomizePorts', label: 'Random source ports', help: 'A fresh random port for every query, so forged answers must guess it too (RFC 5452).' },
    { field: 'trustAnchors', label: 'Trust anchors', help: 'Zones whose answers must be signed with these keys; unsigned or badly signed answers are ignored.' },
  ],
  listeners: () => DNS_LISTENERS,
  start: (ctx, s) => void ctx.drive(binding(new ResolverEngine(ctx.env, resolverOptionsOf(s, ctx.scenario)), 'DNS resolver')),
  check(s, path, refs) {
    s.rootServers.forEach((id, k) => refs.requireServiceType([...path, 'rootServers', k], id, ['dns-server'], 'a DNS server is needed here'));
    if (s.forwarder !== undefined) refs.requireServiceType([...path, 'forwarder'], s.forwarder, ['dns-server', 'dns-resolver'], 'a DNS server is needed here');
    if (s.mode === 'forward' && s.forwarder === undefined) refs.report([...path, 'forwarder'], 'missing property "forwarder": a resolver in "forward" mode needs a node to forward to');
    if (s.mode === 'iterative' && s.rootServers.length === 0) refs.report([...path, 'rootServers'], 'expected at least one root server for "iterative" mode');
  },
};

const lookup: ActionDefinition<DnsLookupAction> = {
  type: 'dns-lookup',
  title: 'Look up a name',
  properties: [
    { field: 'resolver', label: 'Local DNS server', help: 'The host\'s local DNS server, asked with recursion desired.' },
    { field: 'name', label: 'Name', help: 'The domain name looked up.' },
    { field: 'qtype', label: 'Record type', help: 'A, AAAA, NS, CNAME, MX, SOA or TXT.' },
    { field: 'timeoutMs', label: 'Timeout', help: 'How long the stub resolver waits before asking again (three tries).', unit: 'ms' },
  ],
  check: (a, path, refs) => refs.requireServiceType([...path, 'resolver'], a.resolver, ['dns-resolver', 'dns-server'], 'a DNS server is needed here'),
  run(ctx, a) {
    const hostsFile = ctx.scenario.nodes.find((n) => n.id === a.node)?.hostsFile ?? [];
    ctx.drive(binding(new StubResolver(ctx.env), 'stub resolver')).command({ server: ctx.addressOf(a.resolver), name: a.name, qtype: qtypeCode(a.qtype), timeout: ms(a.timeoutMs), hostsFile });
  },
};

const poison: ActionDefinition<DnsPoisonAction> = {
  type: 'dns-poison',
  title: 'Poison a resolver\'s cache',
  properties: [
    { field: 'resolver', label: 'Resolver', help: 'The local DNS server to poison.' },
    { field: 'spoofAs', label: 'Pretend to be', help: 'The server the resolver will ask: its address is forged as the source.' },
    { field: 'name', label: 'Name', help: 'The name whose answer is forged.' },
    { field: 'forgedAddress', label: 'Forged address', help: 'The address the attacker wants the name to resolve to.' },
    { field: 'guesses', label: 'Guesses', help: 'How many forged answers are raced against the real one.' },
    { field: 'delayMs', label: 'Delay', help: 'Wait after the triggering query before the forged answers.', unit: 'ms' },
    { field: 'targetPort', label: 'Target port', help: 'The resolver port aimed at: 53, or "random" to guess.' },
    { field: 'idGuess', label: 'Id guesses', help: 'Sequential (what a resolver with counting ids uses) or random.' },
    { field: 'ttl', label: 'Forged TTL', help: 'How long the forged answer stays cached.', unit: 's' },
  ],
  check(a, path, refs) {
    refs.requireServiceType([...path, 'resolver'], a.resolver, ['dns-resolver'], 'a DNS server is needed here');
    refs.requireNode([...path, 'spoofAs'], a.spoofAs);
  },
  run: (ctx, a) =>
    ctx.drive(binding(new CachePoisoner(ctx.env), 'cache poisoner')).command({
      resolver: ctx.addressOf(a.resolver),
      spoofAs: ctx.addressOf(a.spoofAs),
      spoofAsName: a.spoofAs,
      name: a.name,
      forgedAddress: a.forgedAddress,
      guesses: a.guesses,
      delay: ms(a.delayMs),
      targetPort: a.targetPort,
      idGuess: a.idGuess,
      ttl: a.ttl,
    }),
};

const amplify: ActionDefinition<DnsAmplifyAction> = {
  type: 'dns-amplify',
  title: 'Amplification attack',
  properties: [
    { field: 'server', label: 'Amplifier', help: 'The DNS server whose large answers are aimed at the victim.' },
    { field: 'victim', label: 'Victim', help: 'The host whose address is forged as the queries\' source.' },
    { field: 'name', label: 'Name', help: 'The name asked for: one with a large answer.' },
    { field: 'qtype', label: 'Record type', help: 'The type asked for (TXT answers are large).' },
    { field: 'count', label: 'Queries', help: 'How many forged queries are sent.' },
    { field: 'intervalMs', label: 'Interval', help: 'Between two queries.', unit: 'ms' },
  ],
  check(a, path, refs) {
    refs.requireServiceType([...path, 'server'], a.server, ['dns-server', 'dns-resolver'], 'a DNS server is needed here');
    refs.requireNode([...path, 'victim'], a.victim);
  },
  run: (ctx, a) =>
    ctx.drive(binding(new Amplifier(ctx.env), 'amplification attacker')).command({
      server: ctx.addressOf(a.server),
      victim: ctx.addressOf(a.victim),
      victimName: a.victim,
      name: a.name,
      qtype: qtypeCode(a.qtype),
      count: a.count,
      interval: ms(a.intervalMs),
    }),
};

const zoneEdit: ActionDefinition<DnsZoneEditAction> = {
  type: 'dns-zone-edit',
  title: 'Edit a zone (administrator)',
  properties: [
    { field: 'name', label: 'Name', help: 'The name whose records change.' },
    { field: 'recordType', label: 'Record type', help: 'The type of the record set replaced.' },
    { field: 'records', label: 'New records', help: 'The new record set; empty deletes it. Caches keep the old one until its TTL runs out.' },
  ],
  check: checkZoneEdit,
  run: (ctx: NodeContext, a) => runZoneEdit(ctx, { name: domainOf(a.name), type: qtypeCode(a.recordType), records: a.records.map(recordOf) }),
};

/** A zone edit names a zone the node serves, and every new record has the edit's name and type. */
function checkZoneEdit(edit: DnsZoneEditAction, path: readonly PathSegment[], refs: ReferenceChecks): void {
  const node = refs.node(edit.node);
  if (node) {
    const origins = node.services.flatMap((s) => (s.type === 'dns-server' ? s.zones.map((z) => z.origin) : []));
    if (origins.length === 0) refs.report([...path, 'node'], `node ${quote(edit.node)} runs no dns-server (a zone edit changes an authoritative server's zone)`);
    else if (!origins.some((origin) => isInZone(edit.name, origin === '.' ? '' : origin))) {
      refs.report([...path, 'name'], `${quote(edit.name)} is in none of the zones of ${quote(edit.node)} (its zones: ${origins.map(quote).join(', ')})`);
    }
  }
  edit.records.forEach((record, k) => {
    if (canonicalName(record.name) !== canonicalName(edit.name)) refs.report([...path, 'records', k, 'name'], `expected ${quote(edit.name)} (the edit's name), got ${quote(record.name)}`);
    if (record.type !== edit.recordType) refs.report([...path, 'records', k, 'type'], `expected ${quote(edit.recordType)} (the edit's recordType), got ${quote(record.type)}`);
  });
}

export const DNS_MODULE: ProtocolModule = {
  protocol: PROTOCOL,
  title: 'DNS',
  services: [dnsServer, dnsResolver],
  actions: [lookup, poison, amplify, zoneEdit],
  dissector: dissectDns,
  colors: ['#0b7285', '#56d4dd'],
  briefLabels: DNS_BRIEF_LABELS,
  stateTypes: DNS_STATE_TYPES,
  lessons: [
    'dns-iterative',
    'dns-recursive',
    'dns-stale-cache',
    'dns-records',
    'dns-tcp-fallback',
    'dns-load-distribution',
    'dns-new-company',
    'dns-cache-poisoning',
    'dns-cache-poisoning-defended',
    'dns-signed-answers',
    'dns-amplification',
  ],
  presets: [
    { id: 'dns-root', label: 'Root DNS server', short: 'Root', kind: 'host', services: [{ type: 'dns-server', zones: [{ origin: '.', records: [] }] }] },
    { id: 'dns-tld', label: 'TLD DNS server (.com)', short: 'TLD (.com)', kind: 'host', services: [{ type: 'dns-server', zones: [{ origin: 'com', records: [] }] }] },
    { id: 'dns-authoritative', label: 'Authoritative DNS server', short: 'Authoritative', kind: 'host', services: [{ type: 'dns-server', zones: [{ origin: 'example.com', records: [] }] }] },
    { id: 'dns-resolver', label: 'Local DNS server (resolver)', short: 'Local resolver', kind: 'host', services: [{ type: 'dns-resolver', mode: 'iterative', rootServers: [] }] },
  ],
};
