/**
 * A mail server's outgoing queue (RFC 5321 §4.5.4, §5.1; Kurose & Ross
 * §2.3.1: "if Bob's mail server is down, the message remains in Alice's
 * mail server and waits for a new attempt"): the messages its SMTP server
 * took for other domains, relayed to each domain's mail server.
 *
 * Rules:
 * - One entry per message and recipient domain. The domain's servers come
 *   from the module's glue (module.ts: the MX records through the node's
 *   resolver, each exchange's address; no MX: the domain's own address, §5.1
 *   implicit MX), asked once per domain.
 * - An attempt tries the servers in preference order, lowest first (§5.1;
 *   equal preferences in the order the answer gave). A server that cannot
 *   be reached, or defers (4xx), sends the entry to the next; a 2xx or 5xx
 *   decides each recipient there.
 * - Several messages on one connection (§3.3): an entry whose attempt
 *   would go to the server of a connection the queue is opening, or
 *   holding and has not yet sent QUIT on, for the same domain, joins it —
 *   entries due at the same moment, and entries queued while a message is
 *   on its way — as one more MAIL/RCPT/DATA transaction; each entry's
 *   outcome is settled when the connection's dialogue is over, in the
 *   order they joined.
 * - A connection not open within CONNECT_TIMEOUT_MS (a server that does not
 *   answer the SYN: switched off, unreachable) is given up, as Postfix's
 *   smtp_connect_timeout does; TCP alone would retransmit the SYN for
 *   minutes. The entries go on to the next server.
 * - When every server was tried, the deferred recipients wait: the next
 *   attempt after retry × 2^(attempt − 1) (back-off, §4.5.4.1 asks for at
 *   least 30 minutes; lessons shorten it). After maxAttempts they are given
 *   up.
 * - A recipient refused for good (5xx), given up, or of a domain that does
 *   not exist gets a bounce (dsn.ts) to the sender: into the sender's
 *   INBOX when the sender is local, else queued like any message, with the
 *   null reverse path; a bounce itself is never bounced (§4.5.5).
 * - Each change is an event: queued, an attempt, relayed, deferred (with
 *   the retry time), bounced.
 */
import type { Cause, EngineEnv, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { formatIpv4 } from '../../net/ipv4';
import { ms, type SimTime } from '../../sim/time';
import type { MailStore } from '../mail/mail-store';
import { SmtpClientSession, type RecipientResult } from './client-session';
import { CONNECT_TIMEOUT_MS, PROTOCOL, SMTP_PORT } from './constants';
import { buildBounce, type FailedRecipient } from './dsn';
import type { RelayHost, SmtpEvent } from './events';

export interface QueueOptions {
  /** This server's name, in EHLO and bounces. */
  readonly hostName: string;
  /** The first retry's delay (ns); each next one doubles. */
  readonly retry: SimTime;
  readonly maxAttempts: number;
  /** The port of the servers it relays to (25). */
  readonly port?: number;
}

export type QueueCommand =
  | { readonly kind: 'enqueue'; readonly id: string; readonly from: string; readonly to: readonly string[]; readonly message: Uint8Array; readonly cause: Cause }
  /** The glue's answer for a domain: its servers in preference order, or none, and whether that is final (no such domain) or for now (no answer). */
  | { readonly kind: 'resolved'; readonly domain: string; readonly hosts: readonly RelayHost[]; readonly permanent: boolean; readonly reason: string };

interface Entry {
  readonly id: string;
  readonly from: string;
  readonly domain: string;
  /** Recipients with no outcome yet. */
  to: string[];
  readonly message: Uint8Array;
  readonly cause: Cause;
  attempt: number;
  hostIndex: number;
  lastReply: string;
  retryAt: SimTime | null;
  sending: boolean;
}

/** A connection to one of a domain's servers, and the entries it carries. */
interface Relay {
  readonly domain: string;
  readonly host: RelayHost;
  readonly entries: Entry[];
  /** Null while the connection is being opened. */
  session: SmtpClientSession | null;
  connection: string;
  /** The connect is given up at this time (CONNECT_TIMEOUT_MS). */
  readonly connectBy: SimTime;
}

const outgoing = (e: Entry) => ({ id: e.id, from: e.from, to: e.to, bytes: e.message });

export class SmtpQueue extends EngineBase<SmtpEvent, QueueCommand> {
  private readonly entries: Entry[] = [];
  private readonly domains = new Map<string, { hosts: readonly RelayHost[]; permanent: boolean; reason: string } | 'asking'>();
  private readonly connections = new Map<SocketId, Relay>();

  constructor(
    private readonly env: EngineEnv,
    private readonly store: MailStore,
    private readonly options: QueueOptions,
  ) {
    super(PROTOCOL);
  }

  override handleCommand(c: QueueCommand, now: SimTime): void {
    if (c.kind === 'resolved') {
      this.domains.set(c.domain, { hosts: c.hosts, permanent: c.permanent, reason: c.reason });
      for (const e of this.entries) if (e.domain === c.domain && !e.sending && e.retryAt === null && e.attempt === 0) this.attempt(e, now);
      return;
    }
    const byDomain = new Map<string, string[]>();
    for (const to of c.to) {
      const domain = to.slice(to.lastIndexOf('@') + 1).toLowerCase();
      byDomain.set(domain, [...(byDomain.get(domain) ?? []), to]);
    }
    for (const [domain, to] of byDomain) {
      const entry: Entry = { id: c.id, from: c.from, domain, to, message: c.message, cause: c.cause, attempt: 0, hostIndex: 0, lastReply: '', retryAt: null, sending: false };
      this.entries.push(entry);
      this.out.event({ type: 'smtp.queued', id: c.id, domain, to, cause: c.cause });
      const known = this.domains.get(domain);
      if (known === undefined) {
        this.domains.set(domain, 'asking');
        this.out.event({ type: 'smtp.mxNeeded', domain });
      } else if (known !== 'asking') this.attempt(entry, now);
    }
  }

  private attempt(e: Entry, now: SimTime): void {
    const known = this.domains.get(e.domain);
    if (known === undefined || known === 'asking') return;
    e.attempt++;
    e.retryAt = null;
    e.hostIndex = 0;
    if (known.hosts.length === 0) {
      if (known.permanent) return this.bounce(e, e.to.map((to) => ({ to, reply: `no mail server for ${e.domain}: ${known.reason}`, expired: false })), now);
      e.lastReply = `no mail server found for ${e.domain} yet: ${known.reason}`;
      return this.wait(e, now);
    }
    this.tryHost(e, known.hosts, now);
  }

  private tryHost(e: Entry, hosts: readonly RelayHost[], now: SimTime): void {
    const host = hosts[e.hostIndex];
    if (host === undefined) return this.wait(e, now);
    if (host.address === null) {
      e.lastReply = `${host.name} has no address`;
      e.hostIndex++;
      return this.tryHost(e, hosts, now);
    }
    e.sending = true;
    for (const c of this.connections.values()) {
      if (c.domain !== e.domain || c.host.name !== host.name) continue;
      if (c.session === null || c.session.add(outgoing(e))) {
        c.entries.push(e);
        this.out.event({ type: 'smtp.relayAttempt', id: e.id, domain: e.domain, host: host.name, address: formatIpv4(host.address), attempt: e.attempt, cause: e.cause, joins: c.entries[0]!.id });
        return;
      }
    }
    const socket = this.env.socketId();
    this.connections.set(socket, { domain: e.domain, host, entries: [e], session: null, connection: '', connectBy: now + ms(CONNECT_TIMEOUT_MS) });
    this.out.event({ type: 'smtp.relayAttempt', id: e.id, domain: e.domain, host: host.name, address: formatIpv4(host.address), attempt: e.attempt, cause: e.cause, joins: null });
    this.out.connect(socket, { addr: host.address, port: this.options.port ?? SMTP_PORT });
  }

  override handleStream(ev: StreamEvent, now: SimTime): void {
    const c = this.connections.get(ev.socket);
    if (!c) return;
    switch (ev.type) {
      case 'connected':
        c.connection = ev.connection;
        c.session = new SmtpClientSession(
          { write: (bytes, summary, cause) => this.out.write(ev.socket, bytes, this.out.label(summary, cause)), close: () => this.out.close(ev.socket), abort: () => this.out.abort(ev.socket) },
          this.options.hostName,
          c.entries.map(outgoing),
          null,
          now,
        );
        return;
      case 'data':
        c.session?.receive(ev.data, ev.messages[0] ?? null, now);
        if (c.session?.finished) this.settled(ev.socket, c.session.results, now);
        return;
      case 'peerClosed':
        this.out.close(ev.socket);
        return;
      case 'closed':
        if (c.session === null) return this.settled(ev.socket, this.allDeferred(c, ev.reason === 'timed-out' ? `${c.host.name} did not answer the connection` : `${c.host.name} refused the connection`), now);
        c.session.ended(`the connection to ${c.host.name} was ${ev.reason}`);
        return this.settled(ev.socket, c.session.results, now);
      case 'failed':
        return this.settled(ev.socket, this.allDeferred(c, ev.detail), now);
      default:
        return;
    }
  }

  private allDeferred(c: Relay, reply: string): RecipientResult[] {
    return c.entries.flatMap((e) => e.to.map((to) => ({ id: e.id, to, outcome: 'deferred' as const, reply })));
  }

  /** A connection's outcome for each of its entries, in order: relayed, refused for good (bounced), or on to the next server / a later attempt. */
  private settled(socket: SocketId, results: readonly RecipientResult[], now: SimTime): void {
    const c = this.connections.get(socket);
    if (!c) return;
    this.connections.delete(socket);
    for (const e of c.entries) this.settledEntry(e, c, results.filter((r) => r.id === e.id), now);
  }

  private settledEntry(e: Entry, c: Relay, results: readonly RecipientResult[], now: SimTime): void {
    e.sending = false;
    const delivered = results.filter((r) => r.outcome === 'delivered');
    const failed = results.filter((r) => r.outcome === 'failed');
    const deferred = results.filter((r) => r.outcome === 'deferred');
    if (delivered.length > 0) this.out.event({ type: 'smtp.relayed', id: e.id, to: delivered.map((r) => r.to), host: c.host.name, reply: delivered[0]!.reply, connection: c.connection });
    if (failed.length > 0) this.bounce(e, failed.map((r) => ({ to: r.to, reply: r.reply, expired: false })), now, false);
    e.to = deferred.map((r) => r.to);
    if (e.to.length === 0) return this.remove(e);
    e.lastReply = deferred[0]!.reply;
    const known = this.domains.get(e.domain);
    e.hostIndex++;
    if (known !== undefined && known !== 'asking' && e.hostIndex < known.hosts.length) return this.tryHost(e, known.hosts, now);
    this.wait(e, now);
  }

  /** Every server tried: a later attempt, or the end. */
  private wait(e: Entry, now: SimTime): void {
    if (e.attempt >= this.options.maxAttempts) {
      return this.bounce(e, e.to.map((to) => ({ to, reply: `no delivery after ${e.attempt} attempts; last: ${e.lastReply}`, expired: true })), now);
    }
    e.retryAt = now + this.options.retry * 2 ** (e.attempt - 1);
    this.out.event({ type: 'smtp.deferred', id: e.id, to: e.to, reply: e.lastReply, attempt: e.attempt, retryAt: e.retryAt });
  }

  private bounce(e: Entry, failed: readonly FailedRecipient[], now: SimTime, done = true): void {
    this.out.event({ type: 'smtp.bounced', id: e.id, to: failed.map((f) => f.to), reason: failed[0]?.reply ?? '', toSender: e.from === '' ? null : e.from });
    if (done) this.remove(e);
    if (e.from === '') return; // a bounce is not bounced (RFC 5321 §4.5.5)
    const id = `${e.id}-dsn`;
    const bytes = buildBounce({ id, hostName: this.options.hostName, domain: this.store.domain, sender: e.from, failed, original: e.message, at: now });
    if (this.store.isLocalAddress(e.from)) {
      const user = e.from.slice(0, e.from.lastIndexOf('@'));
      const kept = this.store.deliver(user, bytes, now);
      if (kept) this.out.event({ type: 'smtp.delivered', id, user: this.store.userNamed(user) ?? user, uid: kept.uid, bytes: bytes.length, cause: e.cause, connection: '' });
      return;
    }
    this.handleCommand({ kind: 'enqueue', id, from: '', to: [e.from], message: bytes, cause: e.cause }, now);
  }

  private remove(e: Entry): void {
    const i = this.entries.indexOf(e);
    if (i >= 0) this.entries.splice(i, 1);
  }

  override pollTimeout(): { at: SimTime; weak: boolean } | null {
    let at: SimTime | null = null;
    const earlier = (t: SimTime | null) => {
      if (t !== null) at = at === null ? t : Math.min(at, t);
    };
    for (const e of this.entries) if (!e.sending) earlier(e.retryAt);
    for (const c of this.connections.values()) earlier(c.session === null ? c.connectBy : c.session.timeout);
    return at === null ? null : { at, weak: false };
  }

  override handleTimeout(now: SimTime): void {
    for (const [socket, c] of [...this.connections]) {
      if (c.session === null) {
        if (c.connectBy > now) continue;
        // settled() forgets the socket: the abort's own `closed` comes to nothing.
        this.out.abort(socket);
        this.settled(socket, this.allDeferred(c, `no connection to ${c.host.name} within ${CONNECT_TIMEOUT_MS / 1000} s`), now);
        continue;
      }
      c.session.timedOut(now);
      if (c.session.finished) this.settled(socket, c.session.results, now);
    }
    for (const e of [...this.entries]) if (!e.sending && e.retryAt !== null && e.retryAt <= now) this.attempt(e, now);
  }
}
