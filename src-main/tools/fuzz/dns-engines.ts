/**
 * DNS engine targets. Each engine meets a small world: the real servers of
 * dns-seeds.ts, by address, answering whatever it asks them (over UDP or
 * TCP, as it asks), so a fuzzed input runs on through the whole lookup it
 * starts. Queries to any other address go unanswered and time out.
 *
 * Checks on every message an engine sends: it decodes, it is a response
 * when it answers, and over UDP it fits in 512 bytes (RFC 1035 §4.2.1).
 *
 * Outcomes: 'rejected' when the engine refused the input — no answer,
 * FORMERR or NOTIMP, or a response matching no query it asked; else 'ok'.
 */
import { decodeDns, encodeDns } from '../../../src-core/protocols/dns/codec';
import { DNS_RCODE, DNS_UDP_MAX } from '../../../src-core/protocols/dns/constants';
import { RecursiveServer, type RecursiveTransmit } from '../../../src-core/protocols/dns/recursive-server';
import { Resolver, type Endpoint, type ResolverConfig, type ResolverTransmit } from '../../../src-core/protocols/dns/resolver';
import { AuthoritativeServer, type ServerReply } from '../../../src-core/protocols/dns/server';
import { DnsStreamReassembler, frameDnsMessage } from '../../../src-core/protocols/dns/tcp-framing';
import type { DnsTransport } from '../../../src-core/protocols/dns/truncate';
import { ms, type SimTime } from '../../../src-core/sim/time';
import { dnsDictionary, dnsQueries, dnsResponses, dnsServers, dnsTcpStreams, ENGINE_QUERY_ID, QUESTIONS, queryMessage, ROOT_SERVER, SIGNING_KEY, ZONES } from './dns-seeds';
import { engineTarget, settle, type Drained } from './engine';
import { check, chunks, hex, inputRng, type FuzzTarget, type Outcome } from './target';

/** Inputs fed to one engine between resets: enough for a cache to fill and timers to fire, few enough to replay. */
const RESET_EVERY = 64;
const STEP = ms(100);
const CLIENT = { addr: '10.0.0.9', port: 40000 };

/** A server of the world failed on what the engine sent it: a bug, but not of the engine this target is about. */
class WorldError extends Error {
  override readonly name = 'WorldError';
}

/** The world's server answers; its exceptions are told apart from the engine's. */
function ask(server: AuthoritativeServer, address: string, bytes: Uint8Array, transport: DnsTransport): ServerReply | null {
  try {
    return server.handleQuery(bytes, transport);
  } catch (error) {
    throw new WorldError(`the server at ${address} threw on the engine's query: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

/** A message an engine sent: it must decode, and fit its transport. */
function checkSent(bytes: Uint8Array, transport: DnsTransport, what: string): void {
  const d = decodeDns(bytes);
  check(d.ok, () => `${what} does not decode: ${d.ok ? '' : d.error.message}`);
  check(transport === 'tcp' || bytes.length <= DNS_UDP_MAX, () => `${what} over UDP is ${bytes.length} bytes (at most ${DNS_UDP_MAX})`);
}

function checkReply(query: Uint8Array, reply: ServerReply, transport: DnsTransport): void {
  checkSent(reply.bytes, transport, `the ${reply.outcome} reply`);
  const m = decodeDns(reply.bytes);
  check(m.ok && m.value.header.qr, () => 'the reply is not a response');
  check(m.ok && m.value.header.id === ((query[0]! << 8) | query[1]!), () => 'the reply does not echo the query id');
  checkEcho(query, reply.bytes);
}

/**
 * The first question's name as its labels' raw bytes (hex, pointers
 * followed), or null when the message has none or it cannot be read.
 */
function rawQuestionName(bytes: Uint8Array): string | null {
  if (bytes.length < 12 || ((bytes[4]! << 8) | bytes[5]!) === 0) return null;
  const labels: string[] = [];
  for (let pos = 12, hops = 0; hops < 256; hops++) {
    const len = bytes[pos];
    if (len === undefined) return null;
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= bytes.length) return null;
      pos = ((len & 0x3f) << 8) | bytes[pos + 1]!;
      continue;
    }
    if (len === 0) return labels.join('.');
    labels.push(hex(bytes.subarray(pos + 1, pos + 1 + len)));
    pos += 1 + len;
  }
  return null;
}

/**
 * A reply to a query with one question repeats that question's name octet
 * for octet (RFC 1035 §4.1.2, §7.3: the client matches the reply by it; a
 * label is octets, not text, §3.1). FORMERR and the like may carry none.
 */
function checkEcho(query: Uint8Array, reply: Uint8Array): void {
  checkEchoOfAny([query], reply);
}

/** As checkEcho, for a reply to one of several queries with its id (an engine answers them in its own time). */
function checkEchoOfAny(queries: readonly Uint8Array[], reply: Uint8Array): void {
  const asked = queries.flatMap((query) => {
    const q = decodeDns(query);
    return q.ok && q.value.questions.length === 1 ? [rawQuestionName(query)] : [];
  });
  if (asked.length === 0) return;
  const echoed = rawQuestionName(reply);
  check(echoed === null || asked.includes(echoed), () => `the reply's question name (labels ${echoed}) is not the query's (labels ${asked.join(' or ')})`);
}

/** Client queries fed to an engine since its reset, by id, to check the replies that come for them. */
class ClientQueries {
  private readonly byId = new Map<number, Uint8Array[]>();

  add(query: Uint8Array): void {
    if (query.length < 2) return;
    const id = (query[0]! << 8) | query[1]!;
    (this.byId.get(id) ?? this.byId.set(id, []).get(id)!).push(query);
  }

  checkReply(reply: Uint8Array): void {
    const queries = reply.length >= 2 ? this.byId.get((reply[0]! << 8) | reply[1]!) : undefined;
    if (queries) checkEchoOfAny(queries, reply);
  }
}

const refused = (outcome: ServerReply['outcome']) => outcome === 'formerr' || outcome === 'notimp' || outcome === 'ignored';

/** The client's transport for one input: a choice made from the input's bytes, so a replay makes it again. */
const clientFor = (input: Uint8Array): Endpoint => ({ ...CLIENT, transport: inputRng(input).chance(0.5) ? 'tcp' : 'udp' });

function serverTargets(): FuzzTarget[] {
  const zones = [ZONES.root, ZONES.com, ZONES.example, ZONES.org];
  let server = new AuthoritativeServer(zones);
  const common = { dictionary: dnsDictionary, resetEvery: RESET_EVERY, reset: () => void (server = new AuthoritativeServer(zones)) };
  return [
    {
      name: 'dns.server.udp',
      seeds: () => dnsQueries(0xbeef, true),
      ...common,
      run(input) {
        const reply = server.handleQuery(input, 'udp');
        if (!reply) return 'rejected';
        checkReply(input, reply, 'udp');
        return refused(reply.outcome) ? 'rejected' : 'ok';
      },
    },
    {
      // One connection's byte stream, cut into reads (tcp-apps.ts does the same with each read TCP delivers).
      name: 'dns.server.tcp',
      seeds: () => dnsTcpStreams(dnsQueries(0xbeef, false)),
      ...common,
      run(input) {
        const reassembler = new DnsStreamReassembler();
        let outcome: Outcome = 'ok';
        for (const chunk of chunks(input, inputRng(input))) {
          reassembler.push(chunk);
          for (let item = reassembler.poll(); item; item = reassembler.poll()) {
            if (item.type === 'error') return 'rejected';
            const reply = server.handleQuery(item.bytes, 'tcp');
            if (!reply) {
              outcome = 'rejected';
              continue;
            }
            checkReply(item.bytes, reply, 'tcp');
            frameDnsMessage(reply.bytes);
            if (refused(reply.outcome)) outcome = 'rejected';
          }
        }
        return outcome;
      },
    },
  ];
}

/** A resolver and its world; `answering` off holds back the world's answers so a query stays outstanding. */
class ResolverRig {
  readonly resolver: Resolver;
  readonly servers = dnsServers();
  answering = true;
  lastQuery: ResolverQuery | null = null;
  asked = 0;

  constructor(config: Partial<ResolverConfig> = {}) {
    this.resolver = new Resolver(
      { mode: 'iterative', rootHints: [ROOT_SERVER], forwarder: null, timeout: ms(800), attempts: 3, randomizeIds: true, trustAnchors: [{ zone: 'org', key: SIGNING_KEY }], ...config },
      () => ENGINE_QUERY_ID,
    );
  }

  pollTransmit = () => this.resolver.pollTransmit();
  pollEvent = () => this.resolver.pollEvent();
  pollTimeout = () => this.resolver.pollTimeout();
  handleTimeout = (now: SimTime) => {
    this.resolver.handleTimeout(now);
    this.resolver.handleExpiry(now);
  };

  /** The client queries fed, whose replies must echo their question. */
  readonly clientQueries = new ClientQueries();

  deliver(t: ResolverTransmit, now: SimTime): void {
    if (t.kind === 'reply') {
      checkSent(t.bytes, t.to.transport ?? 'udp', 'the reply to the client');
      this.clientQueries.checkReply(t.bytes);
      return;
    }
    checkSent(t.bytes, t.transport, `the query to ${t.to.address}`);
    this.lastQuery = t;
    const server = this.servers.get(t.to.address);
    if (!this.answering || !server) return;
    const reply = ask(server, t.to.address, t.bytes, t.transport);
    if (reply) this.resolver.handleResponse(reply.bytes, t.to.address, now, null, t.transport);
  }
}

/** A recursive server (holding .com) and its world. */
class RecursiveRig {
  readonly server = new RecursiveServer([ZONES.com], ms(2000), () => ENGINE_QUERY_ID);
  readonly servers = dnsServers();
  answering = true;
  lastUpstream: RecursiveTransmit | null = null;
  asked = 0;

  pollTransmit = () => this.server.pollTransmit();
  pollTimeout = () => this.server.pollTimeout();
  handleTimeout = (now: SimTime) => this.server.handleTimeout(now);

  /** The client queries fed, whose replies must echo their question. */
  readonly clientQueries = new ClientQueries();

  deliver(t: RecursiveTransmit): void {
    const transport = t.to.transport ?? 'udp';
    checkSent(t.bytes, transport, t.message.header.qr ? 'the reply to the client' : `the query to ${t.to.addr}`);
    if (t.message.header.qr) {
      this.clientQueries.checkReply(t.bytes);
      return;
    }
    this.lastUpstream = t;
    const server = this.servers.get(t.to.addr);
    if (!this.answering || !server) return;
    const reply = ask(server, t.to.addr, t.bytes, transport);
    if (reply) this.server.handleResponse(reply.bytes, t.to.addr, null, transport);
  }
}

/** Refused: nothing sent, or only a FORMERR / NOTIMP reply. */
function refusedQuery(out: Drained<{ readonly bytes: Uint8Array }>): Outcome {
  if (out.transmits.length === 0) return 'rejected';
  if (out.transmits.length > 1) return 'ok';
  const d = decodeDns(out.transmits[0]!.bytes);
  return d.ok && d.value.header.qr && (d.value.header.rcode === DNS_RCODE.FORMERR || d.value.header.rcode === DNS_RCODE.NOTIMP) ? 'rejected' : 'ok';
}

type ResolverQuery = Extract<ResolverTransmit, { kind: 'query' }>;

/**
 * A client's query that makes the engine ask a server the question of
 * `response` (when it decodes and its question can be encoded), so the
 * fuzzed response has a query to match; else the i-th of QUESTIONS.
 */
function lookupFor(response: Uint8Array | null, i: number): Uint8Array {
  const d = response ? decodeDns(response) : null;
  const q = d?.ok ? d.value.questions[0] : undefined;
  if (q) {
    try {
      return encodeDns(queryMessage({ ...q, class: 1 }, 7, true));
    } catch {
      // A name our encoder refuses (a bug the server targets report): ask something else.
    }
  }
  return encodeDns(queryMessage(QUESTIONS[i % QUESTIONS.length]!, 7, true));
}

export function dnsEngineTargets(): FuzzTarget[] {
  return [
    ...serverTargets(),
    engineTarget<ResolverRig, ResolverTransmit>({
      name: 'dns.resolver.client',
      seeds: () => dnsQueries(0xbeef, true),
      dictionary: dnsDictionary,
      resetEvery: RESET_EVERY,
      step: STEP,
      create: () => new ResolverRig(),
      feed(rig, input, now) {
        rig.clientQueries.add(input);
        rig.resolver.handleClientQuery(input, clientFor(input), now, null);
      },
      deliver: (rig, t, now) => rig.deliver(t, now),
      outcome: refusedQuery,
    }),
    engineTarget<ResolverRig, ResolverTransmit>({
      // A query is kept outstanding (the world holds its answer back), then the input comes as the answer from the server asked.
      name: 'dns.resolver.response',
      seeds: () => [...dnsResponses(ENGINE_QUERY_ID, false), ...dnsResponses(ENGINE_QUERY_ID, false, 'tcp')],
      dictionary: dnsDictionary,
      resetEvery: RESET_EVERY,
      step: STEP,
      create: () => new ResolverRig(),
      feed(rig, input, now) {
        rig.answering = false;
        rig.lastQuery = null;
        rig.resolver.handleClientQuery(lookupFor(input, rig.asked++), CLIENT, now, null);
        settle(rig, (t) => rig.deliver(t, now));
        rig.answering = true;
        const q = rig.lastQuery as ResolverQuery | null;
        rig.resolver.handleResponse(input, q?.to.address ?? ROOT_SERVER.address, now, null, q?.transport ?? 'udp');
      },
      deliver: (rig, t, now) => rig.deliver(t, now),
      outcome: (out) => (out.transmits.length === 0 && out.events.every((e) => (e as { type: string }).type === 'dns.unmatched' || (e as { type: string }).type === 'dns.bogus') ? 'rejected' : 'ok'),
    }),
    engineTarget<RecursiveRig, RecursiveTransmit>({
      name: 'dns.recursive.query',
      seeds: () => dnsQueries(0xbeef, true),
      dictionary: dnsDictionary,
      resetEvery: RESET_EVERY,
      step: STEP,
      create: () => new RecursiveRig(),
      feed(rig, input, now) {
        rig.clientQueries.add(input);
        rig.server.handleQuery(input, clientFor(input), now, null);
      },
      deliver: (rig, t) => rig.deliver(t),
      outcome: refusedQuery,
    }),
    engineTarget<RecursiveRig, RecursiveTransmit>({
      name: 'dns.recursive.response',
      seeds: () => [...dnsResponses(ENGINE_QUERY_ID, true), ...dnsResponses(ENGINE_QUERY_ID, true, 'tcp')],
      dictionary: dnsDictionary,
      resetEvery: RESET_EVERY,
      step: STEP,
      create: () => new RecursiveRig(),
      feed(rig, input, now) {
        rig.answering = false;
        rig.lastUpstream = null;
        // Ask until something is pending upstream: the input's question may be one this server answers itself.
        for (let i = 0; i <= QUESTIONS.length && rig.lastUpstream === null; i++) {
          rig.server.handleQuery(i === 0 ? lookupFor(input, rig.asked++) : lookupFor(null, rig.asked++), CLIENT, now, null);
          settle(rig, (t) => rig.deliver(t));
        }
        rig.answering = true;
        const up = rig.lastUpstream as RecursiveTransmit | null;
        if (up) rig.server.handleResponse(input, up.to.addr, null, up.to.transport ?? 'udp');
      },
      deliver: (rig, t) => rig.deliver(t),
      outcome: (out) => (out.transmits.length === 0 ? 'rejected' : 'ok'),
    }),
  ];
}
