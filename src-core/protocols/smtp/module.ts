/**
 * The SMTP module: a mail server (a service: its SMTP server engine on the
 * relay and submission ports, over the node's mail store, and its outgoing
 * queue) and a user agent sending a message (an action), on the protocol
 * seam (docs/adding-a-protocol.md).
 *
 * The queue finds a domain's mail servers as a mail server does (RFC 5321
 * §5.1): the MX records of the domain, asked of the service's `resolver`
 * by a DNS stub resolver engine on the node (its queries and answers are
 * DNS's own trace); each exchange's address from the node's hosts file, else
 * asked the same way; a domain without MX records is its own mail server
 * (the implicit MX). A node with a name service of its own
 * (NodeContext.nameService: `l7 serve`'s --origin table) asks it alone,
 * each domain being its own mail server. The glue is here: the queue emits
 * smtp.mxNeeded and gets a `resolved` command back.
 */
import type { Engine } from '../../engine/face';
import { HostSlot } from '../../host/host-slot';
import { parseIpv4 } from '../../net/ipv4';
import type { PathSegment } from '../../scenario/errors';
import { ms } from '../../sim/time';
import { DNS_RCODE, DNS_TYPE } from '../dns/constants';
import { PROTOCOL as DNS_PROTOCOL, type DnsEvent, type DnsStateData } from '../dns/events';
import { reportDns } from '../dns/report';
import { StubResolver, type LookupCommand } from '../dns/stub-engine';
import { nodeMailStore } from '../mail/mail-store';
import type { ActionDefinition, DrivenEngine, EngineBinding, NodeContext, ProtocolModule, ReferenceChecks, ServiceDefinition } from '../module';
import { composeMessage } from './compose';
import { dissectSmtp } from './dissect';
import { PROTOCOL, SMTP_STATE_TYPES, type RelayHost, type SmtpEvent, type SmtpStateData } from './events';
import { SmtpQueue, type QueueCommand } from './queue';
import { reportSmtp } from './report';
import { MAX_ATTACHMENTS_TOTAL_BYTES, type MailSendAction, type SmtpServerService } from './schema';
import { SmtpServerEngine } from './server';
import { SmtpUserAgent, type SendCommand } from './user-agent';

/** The send times of a node's user agents, for unique Message-IDs. */
const SENT_IDS = new HostSlot<number>('mail user agent sends');

/** The node's mail user agent: one for all its sends, so that sends close together share a connection (user-agent.ts). */
const USER_AGENT = new HostSlot<DrivenEngine<SendCommand, SmtpEvent>>('mail user agent');

/** How long the queue's stub resolver waits for each answer. */
const LOOKUP_TIMEOUT_MS = 2000;

function binding<C>(engine: Engine<SmtpEvent, C>, name: string): EngineBinding<SmtpEvent, C, SmtpStateData> {
  return { engine, protocol: PROTOCOL, name, report: reportSmtp };
}

/** The server's host name: the node's name when it looks like one, else mail.<domain>. */
function hostNameOf(ctx: NodeContext, domain: string): string {
  const name = ctx.scenario.nodes.find((n) => n.id === ctx.nodeId)?.name;
  return name !== undefined && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(name) ? name : `mail.${domain}`;
}

const server: ServiceDefinition<SmtpServerService> = {
  type: 'smtp-server',
  title: 'Mail server (SMTP)',
  properties: [
    { field: 'domain', label: 'Domain', help: 'The domain it takes mail for: the part after "@" of its users\' addresses.' },
    { field: 'accounts', label: 'Accounts', help: 'Its users: each has a mailbox here and may send through it with the password.' },
    { field: 'port', label: 'Port', help: 'The TCP port other mail servers deliver to (25).' },
    { field: 'submissionPort', label: 'Submission port', help: 'The TCP port its users\' mail programs send through, after logging in (587); none to offer only port 25.' },
    { field: 'resolver', label: 'Local DNS server', help: 'Asked for the MX records of other domains, to relay mail to them.' },
    { field: 'retryMs', label: 'First retry', help: 'How long a message the next server did not take waits before the next try; each next wait is twice as long.', unit: 'ms' },
    { field: 'maxAttempts', label: 'Attempts', help: 'How many times a message is tried before it is given up and returned to its sender.' },
  ],
  listeners: (s) => [{ transport: 'tcp', port: s.port }, ...(s.submissionPort === null ? [] : [{ transport: 'tcp' as const, port: s.submissionPort }])],
  check(s, path, refs) {
    if (s.submissionPort === s.port) refs.report([...path, 'submissionPort'], `the submission port must differ from the relay port ${s.port}`);
    if (s.resolver !== undefined) refs.requireServiceType([...path, 'resolver'], s.resolver, ['dns-resolver', 'dns-server'], 'a DNS server is needed here');
    const seen = new Map<string, number>();
    s.accounts.forEach((a, i) => {
      const first = seen.get(a.user.toLowerCase());
      if (first !== undefined) refs.report([...path, 'accounts', i, 'user'], `"${a.user}" is an account already (accounts[${first}]): user names are compared without case`);
      seen.set(a.user.toLowerCase(), i);
    });
  },
  start(ctx, s) {
    const store = nodeMailStore(ctx);
    const hostName = hostNameOf(ctx, s.domain);
    const engine = ctx.drive(binding(new SmtpServerEngine(ctx.env, store, { port: s.port, submissionPort: s.submissionPort, hostName }), 'SMTP server'));
    const queue = ctx.drive(binding(new SmtpQueue(ctx.env, store, { hostName, retry: ms(s.retryMs), maxAttempts: s.maxAttempts }), 'outgoing mail queue'));
    engine.onEvent((e) => {
      if (e.type === 'smtp.relayNeeded') queue.command({ kind: 'enqueue', id: e.id, from: e.from, to: e.to, message: e.message, cause: e.cause });
    });
    queue.onEvent((e) => {
      if (e.type === 'smtp.mxNeeded') findMailServers(ctx, s.resolver, e.domain, queue);
    });
  },
};

const send: ActionDefinition<MailSendAction> = {
  type: 'mail-send',
  title: 'Send an e-mail',
  properties: [
    { field: 'server', label: 'Mail server', help: 'The sender\'s own mail server, which relays the message on.' },
    { field: 'user', label: 'User', help: 'The sender\'s account on that server (the address is user@its domain).' },
    { field: 'password', label: 'Password', help: 'The account\'s password, sent with AUTH PLAIN on the submission port.' },
    { field: 'to', label: 'To', help: 'The recipients\' addresses.' },
    { field: 'cc', label: 'Cc', help: 'More recipients, shown to all.' },
    { field: 'subject', label: 'Subject', help: 'The Subject header field.' },
    { field: 'text', label: 'Text', help: 'The message\'s text. Anything that is not ASCII is encoded to keep the message 7-bit.' },
    { field: 'html', label: 'HTML', help: 'An HTML version of the text: the message becomes multipart/alternative, and mail programs show this one.' },
    { field: 'attachments', label: 'Attachments', help: 'Files sent with the message, each in base64: the message becomes multipart/mixed.' },
    { field: 'port', label: 'Port', help: '587: submission with a login (RFC 6409); 25: as the course\'s sample dialogue, without one.' },
  ],
  check: checkSend,
  run(ctx, a) {
    const service = serverOf(ctx, a.server);
    const from = `${a.user}@${service.domain}`;
    // Unique per node: a second message sent in the same millisecond gets a count.
    const sent = ctx.slots.all(SENT_IDS).length;
    ctx.slots.add(SENT_IDS, a.atMs);
    const same = ctx.slots.all(SENT_IDS).filter((t) => Math.round(t) === Math.round(a.atMs)).length;
    const messageId = `${a.node}.${Math.round(a.atMs)}${same > 1 ? `.${sent + 1}` : ''}@${service.domain}`;
    const composed = composeMessage({ from, to: a.to, cc: a.cc, subject: a.subject, text: a.text, ...(a.html === undefined ? {} : { html: a.html }), attachments: a.attachments, messageId, at: ms(a.atMs) });
    const [kept] = ctx.slots.all(USER_AGENT);
    const agent = kept ?? ctx.drive(binding(new SmtpUserAgent(ctx.env), 'mail user agent'));
    if (!kept) ctx.slots.add(USER_AGENT, agent);
    const node = ctx.scenario.nodes.find((n) => n.id === a.node);
    const hostName = node?.name !== undefined && /^[A-Za-z0-9.-]+$/.test(node.name) ? node.name : a.node;
    agent.command({ server: { addr: ctx.addressOf(a.server), port: a.port }, hostName, auth: a.port === service.submissionPort ? { user: a.user, password: a.password } : null, message: { id: messageId, from, to: [...a.to, ...a.cc], bytes: composed.bytes }, composed });
  },
};

function serverOf(ctx: NodeContext, nodeId: string): SmtpServerService {
  const service = ctx.scenario.nodes.find((n) => n.id === nodeId)?.services.find((s) => s.type === 'smtp-server');
  if (!service || service.type !== 'smtp-server') throw new Error(`node ${nodeId} runs no smtp-server (checkSend refuses it)`);
  return service;
}

/** The server runs an smtp-server on the action's port; the user is one of its accounts. */
function checkSend(a: MailSendAction, path: readonly PathSegment[], refs: ReferenceChecks): void {
  refs.requireServiceType([...path, 'server'], a.server, ['smtp-server'], 'a mail server is needed here');
  const service = refs.node(a.server)?.services?.find((s) => s.type === 'smtp-server');
  if (!service || service.type !== 'smtp-server') return;
  if (a.port !== service.port && a.port !== service.submissionPort) refs.report([...path, 'port'], `the mail server listens on ${service.port}${service.submissionPort === null ? '' : ` and ${service.submissionPort}`}, not ${a.port}`);
  let total = 0;
  a.attachments.forEach((x, i) => {
    if ((x.size === undefined) === (x.content === undefined)) refs.report([...path, 'attachments', i], x.size === undefined ? 'expected "size" or "content", got neither' : 'expected "size" or "content", got both');
    total += x.size ?? new TextEncoder().encode(x.content ?? '').length;
  });
  if (total > MAX_ATTACHMENTS_TOTAL_BYTES) refs.report([...path, 'attachments'], `expected attachments of at most ${MAX_ATTACHMENTS_TOTAL_BYTES} bytes in all, got ${total}`);
  if (!service.accounts.some((x) => x.user.toLowerCase() === a.user.toLowerCase())) refs.report([...path, 'user'], `"${a.user}" has no account on ${a.server} (accounts: ${service.accounts.map((x) => `"${x.user}"`).join(', ') || 'none'})`);
}

/**
 * Answers the queue's question for `domain`: its MX records by preference
 * (RFC 5321 §5.1), each exchange's address; no MX, the domain itself; no
 * such domain (NXDOMAIN), none for good; no answer, none for now. Under a
 * name service of the node's own, the domain's address there or none.
 */
function findMailServers(ctx: NodeContext, resolver: string | undefined, domain: string, queue: DrivenEngine<QueueCommand, SmtpEvent>): void {
  const hostsFile = ctx.scenario.nodes.find((n) => n.id === ctx.nodeId)?.hostsFile ?? [];
  const fromHosts = (name: string) => {
    const entry = hostsFile.find((h) => h.name.toLowerCase() === name.toLowerCase());
    return entry ? parseIpv4(entry.address) : null;
  };
  const answer = (hosts: readonly RelayHost[], permanent: boolean, reason: string) => queue.command({ kind: 'resolved', domain, hosts, permanent, reason });
  if (ctx.nameService) {
    // The node's own name service (`l7 serve`'s --origin table) answers alone. It holds addresses and no
    // MX records, so each domain is its own mail server, the implicit MX (RFC 5321 §5.1): the mail server
    // for hamburger.edu is the origin "hamburger.edu:25". Its answer cannot change while serving: final.
    const { address, reason } = ctx.nameService(domain);
    answer(address === null ? [] : [{ name: domain, preference: 0, address }], true, reason);
    return;
  }
  if (resolver === undefined) {
    const address = fromHosts(domain);
    answer(address === null ? [] : [{ name: domain, preference: 0, address }], true, 'not in the hosts file, and no DNS server to ask');
    return;
  }
  const server = ctx.addressOf(resolver);
  const lookup = (name: string, qtype: number, done: (e: DnsEvent) => void) => {
    const stub = ctx.drive<DnsEvent, LookupCommand, DnsStateData>({ engine: new StubResolver(ctx.env), protocol: DNS_PROTOCOL, name: 'stub resolver', report: reportDns });
    stub.onEvent((e) => {
      if (e.type === 'dns.answered' || e.type === 'dns.answeredFromHosts' || e.type === 'dns.lookupFailed') done(e);
    });
    stub.command({ server, name, qtype, timeout: ms(LOOKUP_TIMEOUT_MS), hostsFile: qtype === DNS_TYPE.A ? hostsFile : [] });
  };
  lookup(domain, DNS_TYPE.MX, (e) => {
    if (e.type === 'dns.lookupFailed') return answer([], false, e.summary);
    if (e.type !== 'dns.answered') return;
    if (e.rcode === DNS_RCODE.NXDOMAIN) return answer([], true, `${domain} does not exist (NXDOMAIN)`);
    // Stable: equal preferences keep the answer's order.
    const exchanges = e.exchanges.length > 0 ? [...e.exchanges].sort((x, y) => x.preference - y.preference) : [{ preference: 0, exchange: domain }];
    const hosts: RelayHost[] = exchanges.map((x) => ({ name: x.exchange, preference: x.preference, address: fromHosts(x.exchange) }));
    const next = (i: number): void => {
      const host = hosts[i];
      if (host === undefined) return answer(hosts, false, 'no address for any of its mail servers');
      if (host.address !== null) return next(i + 1);
      lookup(host.name, DNS_TYPE.A, (a) => {
        const address = a.type === 'dns.answered' ? (a.addresses[0] ?? null) : a.type === 'dns.answeredFromHosts' ? a.address : null;
        hosts[i] = { ...host, address: address === null ? null : parseIpv4(address) };
        next(i + 1);
      });
    };
    next(0);
  });
}

export const SMTP_MODULE: ProtocolModule = {
  protocol: PROTOCOL,
  title: 'SMTP',
  services: [server],
  actions: [send],
  dissector: dissectSmtp,
  // A reply (three digits) answers; a command may be a question.
  isAnswer: (summary) => /^\d{3}( |$)/.test(summary),
  colors: ['#5e35b1', '#b39ddb'],
  stateTypes: SMTP_STATE_TYPES,
  lessons: ['mail-alice-to-bob', 'mail-smtp-dialogue', 'mail-several-messages', 'mail-server-down', 'mail-bounce'],
  // The mail presets hold the node's IMAP and POP3 servers too: one mail store, declared here (mail-store.ts).
  paletteTitle: 'E-mail',
  presets: [
    {
      id: 'mail-server',
      label: 'Mail server (SMTP, IMAP and POP3)',
      short: 'Mail server',
      kind: 'host',
      services: [{ type: 'smtp-server', domain: 'example.com', accounts: [{ user: 'bob', password: 'hunter2' }], port: 25, submissionPort: 587, retryMs: 60_000, maxAttempts: 5 }, { type: 'imap-server', port: 143 }, { type: 'pop3-server', port: 110 }],
    },
    {
      id: 'mail-relay',
      label: 'Mail server (SMTP only: takes and relays mail, no mailbox access)',
      short: 'SMTP only',
      kind: 'host',
      services: [{ type: 'smtp-server', domain: 'example.org', accounts: [{ user: 'alice', password: 'hunter2' }], port: 25, submissionPort: 587, retryMs: 60_000, maxAttempts: 5 }],
    },
  ],
};
