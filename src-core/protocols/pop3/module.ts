/**
 * The POP3 module (RFC 1939): the server (a service) over the node's mail
 * store, and a user agent reading a mailbox (an action), on the protocol
 * seam (docs/adding-a-protocol.md).
 *
 * The accounts are the node's mail server's: its `smtp-server` service
 * declares the domain and the users (protocols/mail/schema.ts), and the
 * POP3 server reads the same mailboxes (nodeMailStore). So a node with a
 * pop3-server must run an smtp-server, and a pop3-read must name a node
 * that runs both. No presets: the mail server preset combines the services.
 */
import type { Engine } from '../../engine/face';
import type { PathSegment } from '../../scenario/errors';
import { nodeMailStore } from '../mail/mail-store';
import type { ActionDefinition, EngineBinding, ProtocolModule, ReferenceChecks, ServiceDefinition } from '../module';
import { Pop3ClientEngine } from './client';
import { dissectPop3 } from './dissect';
import { POP3_STATE_TYPES, PROTOCOL, type Pop3Event, type Pop3StateData } from './events';
import { reportPop3 } from './report';
import type { Pop3ReadAction, Pop3ServerService } from './schema';
import { Pop3ServerEngine } from './server';

const ACCOUNTS_NEEDED = 'the mail server with the accounts is needed here';

function binding<C>(engine: Engine<Pop3Event, C>, name: string): EngineBinding<Pop3Event, C, Pop3StateData> {
  return { engine, protocol: PROTOCOL, name, report: reportPop3 };
}

/** The id of the node whose service sits at `path` (["nodes", i, "services", j]), or null. */
function nodeIdAt(path: readonly PathSegment[], refs: ReferenceChecks): string | null {
  const i = path[1];
  return typeof i === 'number' ? (refs.scenario.nodes[i]?.id ?? null) : null;
}

const server: ServiceDefinition<Pop3ServerService> = {
  type: 'pop3-server',
  title: 'POP3 server',
  properties: [{ field: 'port', label: 'Port', help: 'The TCP port it listens on (110 for POP3).' }],
  listeners: (s) => [{ transport: 'tcp', port: s.port }],
  check(_s, path, refs) {
    const id = nodeIdAt(path, refs);
    if (id !== null) refs.requireServiceType(path, id, ['smtp-server'], ACCOUNTS_NEEDED);
  },
  start(ctx, s) {
    ctx.drive(binding(new Pop3ServerEngine(ctx.env, nodeMailStore(ctx), { port: s.port }), 'POP3 server'));
  },
};

const read: ActionDefinition<Pop3ReadAction> = {
  type: 'pop3-read',
  title: 'Read a mailbox (POP3)',
  properties: [
    { field: 'server', label: 'Mail server', help: 'The node whose POP3 server holds the mailbox.' },
    { field: 'user', label: 'User', help: 'The account\'s user name (USER).' },
    { field: 'password', label: 'Password', help: 'The account\'s password (PASS, sent in the clear).' },
    { field: 'keep', label: 'Keep on server', help: 'Download-and-keep: leave the messages on the server; otherwise each is deleted once downloaded.' },
    { field: 'port', label: 'Port', help: 'The server\'s POP3 port.' },
  ],
  check(a, path, refs) {
    refs.requireServiceOnPort(path, a.server, a.port, 'pop3-server');
    if (refs.node(a.server)) refs.requireServiceType([...path, 'server'], a.server, ['smtp-server'], ACCOUNTS_NEEDED);
  },
  run(ctx, a) {
    ctx.drive(binding(new Pop3ClientEngine(ctx.env), 'POP3 user agent')).command({ server: { addr: ctx.addressOf(a.server), port: a.port }, user: a.user, password: a.password, keep: a.keep });
  },
};

export const POP3_MODULE: ProtocolModule = {
  protocol: PROTOCOL,
  title: 'POP3',
  services: [server],
  actions: [read],
  dissector: dissectPop3,
  isAnswer: (summary) => summary.startsWith('+OK') || summary.startsWith('-ERR'),
  colors: ['#ad1457', '#f48fb1'],
  stateTypes: POP3_STATE_TYPES,
  lessons: [],
  presets: [],
};
