/**
 * A local DNS server's resolver, sans-I/O (RFC 1034 §5.3.3, RFC 1035 §7):
 * it serves stub resolvers, answers from its cache when it can, and
 * otherwise resolves — iteratively (root → TLD → authoritative, following
 * referrals and CNAMEs) or by forwarding to another server with RD set.
 *
 * Inputs: handleClientQuery, handleResponse, handleTcpFailure,
 * handleTimeout, handleExpiry. Outputs:
 * pollTransmit (replies to clients, queries to servers), pollTimeout (the
 * earliest retransmission deadline), pollExpiry (the earliest cache expiry,
 * for a timer that must not keep a run alive), pollEvent (what happened,
 * for the trace). Every output carries the `cause` tag of the input that
 * produced it, so the driver can link trace events.
 *
 * Rules:
 * - Questions of another class than IN, and zone transfers (AXFR, IXFR),
 *   are REFUSED before any lookup (policy.ts): every server it asks serves
 *   IN, and it is authoritative for no zone.
 * - Queries to servers have RD clear when iterating, set when forwarding;
 *   ids are random 16-bit numbers unless `randomizeIds` is off (the lesson on
 *   cache poisoning turns it off).
 * - A response is accepted only from the server asked, with the same id and
 *   question — one question, of the same name, type and class (RFC 5452
 *   §3). Records outside the zone the asked server serves are ignored
 *   ("bailiwick", RFC 5452 §6).
 * - No answer within `timeout`: ask the next server; after `attempts`
 *   queries in all, the client gets SERVFAIL.
 * - At most 16 referrals and 8 CNAMEs per lookup (loop guard), counted over
 *   the whole lookup — CNAMEs from the cache and every answer alike,
 *   referrals with those of the lookups of name servers' addresses it
 *   starts: one more is SERVFAIL.
 * - A negative answer at the end of a CNAME chain is about the chain's last
 *   name (RFC 6604 §3): NXDOMAIN or NODATA is cached under that name, and
 *   the client gets the chain with that RCODE and the SOA. It is believed
 *   only when the last name is in the zone of the server asked (and, for
 *   NODATA, the SOA is of a zone holding it); else the resolver goes on to
 *   resolve that name itself, as for any alias pointing elsewhere.
 * - QTYPE ANY: whatever RRsets the server gives at the name are the answer
 *   (RFC 8482 §4.1 lets it give one), cached under their own types; a
 *   CNAME there is one of them and is not followed (RFC 1034 §3.6.2). No
 *   NODATA is cached for ANY, nor anything under type 255, so ANY is asked
 *   of a server each time unless the name is cached as NXDOMAIN.
 * - A UDP response with TC set (RFC 1035 §4.2.1) is neither used nor cached:
 *   the same question goes to the same server again over TCP (RFC 7766 §5),
 *   with a new id and the usual deadline. That retry counts as a query of
 *   the lookup but is sent even when it is beyond `attempts` (it finishes
 *   the attempt that was truncated). A TCP attempt that fails (reset,
 *   connection timed out) or has no answer by its deadline counts like an
 *   unanswered UDP query: the next server is asked.
 * - Responses are matched on the transport too: a TCP query accepts only
 *   the answer read from its connection.
 * - A negative answer to a client (NXDOMAIN, NODATA) carries the SOA in its
 *   authority section with the TTL min(SOA TTL, MINIMUM), as the cache
 *   keeps it (RFC 2308 §5); from the cache, that TTL counted down by the
 *   time the entry has been stored (§6), so the client's copy of the "no"
 *   ends when ours does.
 * - Replies to clients are fitted to the client's transport (truncate.ts):
 *   over UDP an answer above 512 bytes goes out truncated with TC set.
 */
import { parseIpv4 } from '../../net/ipv4';
import type { SimTime } from '../../sim/time';
import { DnsCache, negativeTtl } from './cache';
import { encodeDns, decodeDns } from './codec';
import { DNS_CLASS, DNS_QTYPE, DNS_RCODE, DNS_TYPE } from './constants';
import { joinLabels, splitLabels } from './labels';
import { canonicalName, isInZone } from './names';
import { declineAtResolver } from './policy';
import { isAuthentic } from './sign';
import type { DnsMessage, DnsQuestion, DnsRecord } from './types';
import { recordTypeCode } from './types';
import type { Endpoint, ResolverConfig, ResolverEvent, ResolverTransmit, ServerAddress } from './resolver-types';
import { fitToTransport, type DnsTransport } from './truncate';

export type { Endpoint, ResolverConfig, ResolverEvent, ResolverTransmit, ServerAddress } from './resolver-types';

const MAX_REFERRALS = 16;
const MAX_CNAMES = 8;
/**
 * Client lookups in progress at once, at most (BIND's "recursive-clients"
 * defaults to 1000). Beyond it a new query is answered SERVFAIL at once, so a
 * forwarding loop (two resolvers forwarding to each other) churns instead of
 * piling up without end.
 */
export const MAX_CLIENT_LOOKUPS = 1000;

/** The server an A record names (none for other records: an A record's address always parses, it was read from 4 bytes). */
function serverAt(host: string, r: DnsRecord): ServerAddress[] {
  if (r.data.type !== 'A') return [];
  const address = parseIpv4(r.data.address);
  return address === null ? [] : [{ name: canonicalName(host), address }];
}

/** Whether a CNAME at the name is followed: not when it is itself what was asked for (RFC 1034 §3.6.2; QTYPE ANY matches every type). */
function followsAliases(qtype: number): boolean {
  return qtype !== DNS_TYPE.CNAME && qtype !== DNS_QTYPE.ANY;
}

interface Outstanding {
  readonly id: number;
  readonly server: ServerAddress;
  readonly question: DnsQuestion;
  readonly transport: DnsTransport;
  readonly deadline: SimTime;
}

interface Task {
  readonly question: DnsQuestion;
  readonly client: { endpoint: Endpoint; id: number; rd: boolean } | null;
  readonly parent: Task | null;
  readonly startedAt: SimTime;
  sname: string;
  chain: DnsRecord[];
  zone: string;
  servers: ServerAddress[];
  next: number;
  queries: number;
  referrals: number;
  outstanding: Outstanding | null;
  waitingFor: Task | null;
  done: boolean;
}

export class Resolver {
  readonly cache = new DnsCache();
  private readonly tasks: Task[] = [];
  private readonly transmits: ResolverTransmit[] = [];
  private readonly events: ResolverEvent[] = [];
  private nextId = 1;
  /** Tasks with a client waiting (not the lookups of name servers' addresses they start). */
  private clientLookups = 0;
  private cause: number | null = null;

  constructor(
    private readonly config: ResolverConfig,
    private readonly random16: () => number,
  ) {}

  handleClientQuery(bytes: Uint8Array, client: Endpoint, now: SimTime, cause: number | null): void {
    this.cause = cause;
    const decoded = decodeDns(bytes);
    if (!decoded.ok || decoded.value.header.qr) {
      if (decoded.ok || bytes.length < 12) return;
      const id = (bytes[0]! << 8) | bytes[1]!;
      this.reply(client, id, true, null, DNS_RCODE.FORMERR, []);
      return;
    }
    const q = decoded.value;
    if (q.questions.length !== 1 || q.header.opcode !== 0) {
      this.reply(client, q.header.id, q.header.rd, q.questions[0] ?? null, q.header.opcode !== 0 ? DNS_RCODE.NOTIMP : DNS_RCODE.FORMERR, []);
      return;
    }
    const question = q.questions[0]!;
    const declined = declineAtResolver(question);
    if (declined) {
      this.reply(client, q.header.id, q.header.rd, question, declined.rcode, []);
      return;
    }
    if (this.clientLookups >= MAX_CLIENT_LOOKUPS) {
      this.events.push({ type: 'dns.overloaded', name: question.name, limit: MAX_CLIENT_LOOKUPS, cause });
      this.reply(client, q.header.id, q.header.rd, question, DNS_RCODE.SERVFAIL, []);
      return;
    }
    const task = this.newTask(question, { endpoint: client, id: q.header.id, rd: q.header.rd }, null, now);
    this.advance(task, now, true);
  }

  handleResponse(bytes: Uint8Array, from: number, now: SimTime, cause: number | null, transport: DnsTransport = 'udp'): void {
    this.cause = cause;
    const decoded = decodeDns(bytes);
    if (!decoded.ok || !decoded.value.header.qr) return;
    const m = decoded.value;
    // The question section must be the query's: one question, same name, type and class (RFC 5452 §3).
    const q = m.questions.length === 1 ? m.questions[0] : undefined;
    const task = this.tasks.find(
      (t) =>
        t.outstanding &&
        t.outstanding.id === m.header.id &&
        t.outstanding.server.address === from &&
        t.outstanding.transport === transport &&
        q &&
        canonicalName(q.name) === canonicalName(t.outstanding.question.name) &&
        q.type === t.outstanding.question.type &&
        q.class === t.outstanding.question.class,
    );
    if (!task) {
      // unsolicited, late, or forged with a wrong id/server/question: dropped (RFC 5452 §3)
      this.events.push({ type: 'dns.unmatched', id: m.header.id, from, cause });
      return;
    }
    if (!isAuthentic(m, this.config.trustAnchors ?? [])) {
      // Bogus (RFC 4035 §5.5): ignore it and keep waiting for the genuine answer.
      this.events.push({ type: 'dns.bogus', name: q!.name, from, cause });
      return;
    }
    const asked = task.outstanding!;
    task.outstanding = null;
    if (m.header.tc) {
      if (transport === 'udp') {
        // RFC 7766 §5: the truncated answer is not used; ask the same server the same question over TCP.
        this.events.push({ type: 'dns.truncated', name: task.sname, server: asked.server, cause });
        return this.sendQuery(task, asked.server, 'tcp', now);
      }
      // Truncated even over TCP (over 65535 bytes): no usable answer from this server.
      return this.tryNextServer(task, now);
    }
    this.onResponse(task, m, now);
  }

  /** The TCP connection carrying query `id` to `server` was reset or timed out before an answer came. */
  handleTcpFailure(id: number, server: number, now: SimTime): void {
    this.cause = null;
    const task = this.tasks.find((t) => t.outstanding && t.outstanding.id === id && t.outstanding.server.address === server && t.outstanding.transport === 'tcp');
    if (!task) return;
    const o = task.outstanding!;
    task.outstanding = null;
    this.events.push({ type: 'dns.tcpFailed', name: task.sname, server: o.server, cause: null });
    this.tryNextServer(task, now);
  }

  handleTimeout(now: SimTime): void {
    this.cause = null;
    for (const task of [...this.tasks]) {
      const o = task.outstanding;
      if (!o || o.deadline > now) continue;
      task.outstanding = null;
      this.events.push({ type: 'dns.retransmit', name: task.sname, server: o.server, cause: null });
      this.tryNextServer(task, now);
    }
  }

  /** Cache entries whose time has come are dropped (reported as events). */
  handleExpiry(now: SimTime): void {
    this.cause = null;
    this.cache.expire(now);
    this.drainCache();
  }

  pollTransmit(): ResolverTransmit | null {
    return this.transmits.shift() ?? null;
  }

  pollEvent(): ResolverEvent | null {
    return this.events.shift() ?? null;
  }

  pollTimeout(): SimTime | null {
    let t: SimTime | null = null;
    for (const task of this.tasks) if (task.outstanding && (t === null || task.outstanding.deadline < t)) t = task.outstanding.deadline;
    return t;
  }

  pollExpiry(): SimTime | null {
    return this.cache.nextExpiry();
  }

  // --- the algorithm ---------------------------------------------------------

  private newTask(question: DnsQuestion, client: Task['client'], parent: Task | null, now: SimTime): Task {
    const task: Task = { question, client, parent, startedAt: now, sname: question.name, chain: [], zone: '', servers: [], next: 0, queries: 0, referrals: 0, outstanding: null, waitingFor: null, done: false };
    this.tasks.push(task);
    if (client) this.clientLookups++;
    return task;
  }

  /** Answers from the cache as far as it goes, then asks the closest servers known. */
  private advance(task: Task, now: SimTime, first = false): void {
    const qtype = task.question.type;
    for (let hops = 0; hops <= MAX_CNAMES; hops++) {
      const hit = this.cache.get(task.sname, qtype, now);
      if (hit) {
        if (first && task.chain.length === 0) this.events.push({ type: 'dns.cacheHit', name: task.sname, qtype, cause: this.cause });
        // A cached "no" goes out with its SOA, the TTL counted down (RFC 2308 §6): hit.records.
        if (hit.negative === 'nxdomain') return this.finish(task, DNS_RCODE.NXDOMAIN, task.chain, now, hit.records);
        if (hit.negative === 'nodata') return this.finish(task, DNS_RCODE.NOERROR, task.chain, now, hit.records);
        return this.finish(task, DNS_RCODE.NOERROR, [...task.chain, ...hit.records], now);
      }
      // A CNAME is the answer to QTYPE CNAME and ANY, so it is not followed for them (RFC 1034 §3.6.2).
      const alias = followsAliases(qtype) ? this.cache.get(task.sname, DNS_TYPE.CNAME, now) : null;
      if (!alias || alias.negative || alias.records[0]?.data.type !== 'CNAME') break;
      if (task.chain.length >= MAX_CNAMES) return this.finish(task, DNS_RCODE.SERVFAIL, task.chain, now);
      if (first && task.chain.length === 0) this.events.push({ type: 'dns.cacheHit', name: task.sname, qtype: DNS_TYPE.CNAME, cause: this.cause });
      task.chain.push(alias.records[0]);
      task.sname = alias.records[0].data.host;
    }
    this.drainCache();
    const start = this.closestServers(task.sname, now);
    task.zone = start.zone;
    task.servers = start.servers;
    task.next = 0;
    this.tryNextServer(task, now);
  }

  private closestServers(name: string, now: SimTime): { zone: string; servers: ServerAddress[] } {
    if (this.config.mode === 'forward' && this.config.forwarder) return { zone: '', servers: [this.config.forwarder] };
    // Label by label (labels.ts): `a\.b.example.com` is in example.com, not in b.example.com.
    const labels = splitLabels(canonicalName(name));
    for (let i = 0; i <= labels.length; i++) {
      const zone = joinLabels(labels.slice(i));
      const ns = this.cache.get(zone, DNS_TYPE.NS, now);
      if (!ns || ns.negative) continue;
      const servers = ns.records.flatMap((r) => (r.data.type === 'NS' ? this.addressesOf(r.data.host, now) : []));
      if (servers.length > 0) return { zone, servers };
    }
    return { zone: '', servers: [...this.config.rootHints] };
  }

  private addressesOf(host: string, now: SimTime): ServerAddress[] {
    const a = this.cache.get(host, DNS_TYPE.A, now);
    if (!a || a.negative) return [];
    return a.records.flatMap((r) => serverAt(host, r));
  }

  private tryNextServer(task: Task, now: SimTime): void {
    if (task.queries >= this.config.attempts || task.servers.length === 0) return this.finish(task, DNS_RCODE.SERVFAIL, task.chain, now);
    const target = task.servers[task.next % task.servers.length]!;
    task.next++;
    this.sendQuery(task, target, 'udp', now);
  }

  private sendQuery(task: Task, target: ServerAddress, transport: DnsTransport, now: SimTime): void {
    const id = this.config.randomizeIds ? this.random16() & 0xffff : this.nextId++ & 0xffff;
    const question: DnsQuestion = { name: task.sname, type: task.question.type, class: DNS_CLASS.IN };
    const message: DnsMessage = {
      header: { id, qr: false, opcode: 0, aa: false, tc: false, rd: this.config.mode === 'forward', ra: false, z: 0, rcode: 0 },
      questions: [question],
      answers: [],
      authorities: [],
      additionals: [],
    };
    task.queries++;
    task.outstanding = { id, server: target, question, transport, deadline: now + this.config.timeout };
    this.transmits.push({ kind: 'query', to: target, transport, bytes: encodeDns(message), message, cause: this.cause });
  }

  private onResponse(task: Task, m: DnsMessage, now: SimTime): void {
    const rcode = m.header.rcode;
    if (rcode !== DNS_RCODE.NOERROR && rcode !== DNS_RCODE.NXDOMAIN) return this.tryNextServer(task, now);
    const zone = task.zone;
    // Records of another class than the question's (IN) are no part of the answer (RFC 1034 §3.6: an RRset has one class).
    const inZone = (r: DnsRecord) => r.class === 1 && isInZone(r.name, zone);
    const answers = m.answers.filter(inZone);
    const soa = m.authorities.find((r) => r.data.type === 'SOA' && inZone(r));
    // The SOA a negative answer goes out with: its TTL is how long the client may cache the "no" (RFC 2308 §5).
    const negativeSoa = soa ? [{ ...soa, ttl: negativeTtl(soa) }] : [];
    this.cache.storeAll(answers, now);
    // Walk the answer: the RRset asked for, or a CNAME chain towards it; `sname` ends at the chain's last name.
    let sname = task.sname;
    const chain = [...task.chain];
    const qtype = task.question.type;
    for (let hops = 0; hops <= MAX_CNAMES; hops++) {
      // For ANY, every RRset at the name is the answer, however few the server chose to give (RFC 8482 §4.1).
      const wanted = answers.filter((r) => canonicalName(r.name) === canonicalName(sname) && (qtype === DNS_QTYPE.ANY || recordTypeCode(r.data) === qtype));
      if (wanted.length > 0) {
        this.drainCache();
        return this.finish(task, DNS_RCODE.NOERROR, [...chain, ...wanted], now);
      }
      if (!followsAliases(qtype)) break;
      const cname = answers.find((r) => canonicalName(r.name) === canonicalName(sname) && r.data.type === 'CNAME');
      if (!cname || cname.data.type !== 'CNAME') break;
      if (chain.length >= MAX_CNAMES) {
        this.drainCache();
        return this.finish(task, DNS_RCODE.SERVFAIL, chain, now);
      }
      chain.push(cname);
      sname = cname.data.host;
    }
    const followed = chain.length > task.chain.length;
    if (followed) {
      task.chain = chain;
      task.sname = sname;
      // The RCODE speaks of the chain's last name (RFC 6604 §3), but only a server of that name's zone can
      // say it has no data: the name must be in the zone asked (bailiwick), and a NOERROR must come with
      // that zone's SOA (RFC 2308 §2.2), else the chain merely stopped there. Otherwise resolve the name.
      const settled = isInZone(sname, zone) && (rcode === DNS_RCODE.NXDOMAIN || (soa !== undefined && isInZone(sname, soa.name)));
      if (!settled) {
        this.drainCache();
        return this.advance(task, now);
      }
    }
    if (rcode === DNS_RCODE.NXDOMAIN) {
      // NXDOMAIN is about the name, whatever the type (RFC 2308 §5): cached under the last name of the chain.
      this.cache.storeNegative(sname, qtype, 'nxdomain', soa, now);
      this.drainCache();
      return this.finish(task, DNS_RCODE.NXDOMAIN, task.chain, now, negativeSoa);
    }
    const ns = followed ? [] : m.authorities.filter((r) => r.data.type === 'NS' && inZone(r) && isInZone(task.sname, r.name));
    if (ns.length > 0 && answers.length === 0 && canonicalName(ns[0]!.name) !== canonicalName(zone) && this.config.mode === 'iterative') {
      // A referral (RFC 1034 §4.3.2 3b): cache the delegation and its glue, ask the servers it names.
      const cut = canonicalName(ns[0]!.name);
      const hosts = new Set(ns.map((r) => (r.data.type === 'NS' ? canonicalName(r.data.host) : '')));
      const glue = m.additionals.filter((r) => r.data.type === 'A' && hosts.has(canonicalName(r.name)) && isInZone(r.name, zone));
      this.cache.storeAll(ns, now);
      this.cache.storeAll(glue, now);
      this.drainCache();
      task.referrals++;
      if (this.referralsOf(task) > MAX_REFERRALS) return this.finish(task, DNS_RCODE.SERVFAIL, task.chain, now);
      const servers = [...hosts].flatMap((h) => this.addressesOf(h, now));
      task.zone = cut;
      task.next = 0;
      if (servers.length > 0) {
        task.servers = servers;
        return this.tryNextServer(task, now);
      }
      // No glue: find a name server's address first (a lookup of its own), then go on.
      const nsHost = [...hosts][0]!;
      const child = this.newTask({ name: nsHost, type: DNS_TYPE.A, class: DNS_CLASS.IN }, null, task, now);
      task.waitingFor = child;
      return this.advance(child, now);
    }
    // NOERROR without the data: NODATA (RFC 2308 §2.2) for the chain's last name. Not cached for ANY: that
    // no RRset came says nothing of any one type, and an entry under type 255 would answer no later question rightly.
    if (qtype !== DNS_QTYPE.ANY) this.cache.storeNegative(sname, qtype, 'nodata', soa, now);
    this.drainCache();
    return this.finish(task, DNS_RCODE.NOERROR, task.chain, now, negativeSoa);
  }

  /**
   * Referrals followed for the client's lookup: this task's and those of the
   * lookups it waits within (name servers' addresses looked up on the way),
   * so that zones whose servers are named only in each other, without glue,
   * end in SERVFAIL instead of one address lookup starting another forever.
   */
  private referralsOf(task: Task): number {
    let n = 0;
    for (let t: Task | null = task; t; t = t.parent) n += t.referrals;
    return n;
  }

  /** Ends a lookup; `authorities` is the SOA of a negative answer, for the client. */
  private finish(task: Task, rcode: number, answers: readonly DnsRecord[], now: SimTime, authorities: readonly DnsRecord[] = []): void {
    if (task.done) return;
    task.done = true;
    task.outstanding = null;
    this.tasks.splice(this.tasks.indexOf(task), 1);
    if (task.client) this.clientLookups--;
    this.events.push({ type: 'dns.resolved', name: task.question.name, qtype: task.question.type, rcode, queries: task.queries, elapsed: now - task.startedAt, cause: this.cause });
    if (task.client) {
      this.reply(task.client.endpoint, task.client.id, task.client.rd, task.question, rcode, answers, authorities);
    }
    const parent = task.parent;
    if (parent && parent.waitingFor === task) {
      parent.waitingFor = null;
      const servers = answers.flatMap((r) => serverAt(task.question.name, r));
      if (servers.length === 0) return this.finish(parent, DNS_RCODE.SERVFAIL, parent.chain, now);
      parent.servers = servers;
      parent.next = 0;
      this.tryNextServer(parent, now);
    }
  }

  private reply(to: Endpoint, id: number, rd: boolean, question: DnsQuestion | null, rcode: number, answers: readonly DnsRecord[], authorities: readonly DnsRecord[] = []): void {
    const full: DnsMessage = {
      header: { id, qr: true, opcode: 0, aa: false, tc: false, rd, ra: true, z: 0, rcode },
      questions: question ? [question] : [],
      answers,
      authorities,
      additionals: [],
    };
    const { bytes, message } = fitToTransport(full, to.transport ?? 'udp');
    this.transmits.push({ kind: 'reply', to, bytes, message, cause: this.cause });
  }

  private drainCache(): void {
    for (let c = this.cache.pollChange(); c; c = this.cache.pollChange()) this.events.push({ type: 'dns.cache', change: c, cause: this.cause });
  }
}
