/**
 * The IMAP module (RFC 9051 subset, docs/imap.md): the IMAP server (a
 * service over the node's mail store) and a user agent reading a mailbox
 * (an action), on the protocol seam (docs/adding-a-protocol.md).
 */
import type { Engine } from '../../engine/face';
import { nodeMailStore } from '../mail/mail-store';
import type { ActionDefinition, EngineBinding, ProtocolModule, ServiceDefinition } from '../module';
import { ImapClientEngine } from './client';
import { dissectImap } from './dissect';
import { IMAP_STATE_TYPES, PROTOCOL, type ImapEvent, type ImapStateData } from './events';
import { reportImap } from './report';
import type { ImapReadAction, ImapServerService } from './schema';
import { ImapServerEngine } from './server';

function binding<C>(engine: Engine<ImapEvent, C>, name: string): EngineBinding<ImapEvent, C, ImapStateData> {
  return { engine, protocol: PROTOCOL, name, report: reportImap };
}

const server: ServiceDefinition<ImapServerService> = {
  type: 'imap-server',
  title: 'IMAP server',
  properties: [{ field: 'port', label: 'Port', help: 'The TCP port it listens on (143 for IMAP).' }],
  listeners: (s) => [{ transport: 'tcp', port: s.port }],
  /** The node's smtp-server holds the accounts and mailboxes (mail-store.ts). */
  check(_s, path, refs) {
    const nodeIndex = path[1];
    const node = typeof nodeIndex === 'number' ? refs.scenario.nodes[nodeIndex] : undefined;
    if (node) refs.requireServiceType(path, node.id, ['smtp-server'], 'the mail server with the accounts is needed here');
  },
  start(ctx, s) {
    ctx.drive(binding(new ImapServerEngine(ctx.env, { port: s.port, store: nodeMailStore(ctx) }), 'IMAP server'));
  },
};

const read: ActionDefinition<ImapReadAction> = {
  type: 'imap-read',
  title: 'Read a mailbox (IMAP)',
  properties: [
    { field: 'server', label: 'Mail server', help: 'The host whose IMAP server keeps the mailbox.' },
    { field: 'user', label: 'User', help: 'The account to log in as.' },
    { field: 'password', label: 'Password', help: 'The account\'s password (sent with LOGIN, never shown in the chart).' },
    { field: 'folder', label: 'Folder', help: 'The mailbox to read (INBOX for new mail).' },
    { field: 'deleteAfter', label: 'Delete after reading', help: 'Flag every message \\Deleted and EXPUNGE once read.' },
    { field: 'port', label: 'Port', help: 'The server\'s IMAP port.' },
  ],
  check(a, path, refs) {
    refs.requireServiceOnPort([...path], a.server, a.port, 'imap-server');
    refs.requireServiceType([...path, 'server'], a.server, ['smtp-server'], 'the mail server with the accounts is needed here');
  },
  run(ctx, a) {
    ctx.drive(binding(new ImapClientEngine(ctx.env), 'IMAP client')).command({ server: { addr: ctx.addressOf(a.server), port: a.port }, user: a.user, password: a.password, folder: a.folder, deleteAfter: a.deleteAfter });
  },
};

export const IMAP_MODULE: ProtocolModule = {
  protocol: PROTOCOL,
  title: 'IMAP',
  services: [server],
  actions: [read],
  dissector: dissectImap,
  isAnswer: (summary) => summary.startsWith('* ') || summary.startsWith('+ ') || /^\S+ (OK|NO|BAD)\b/.test(summary),
  colors: ['#6a1b9a', '#d7a8f0'],
  stateTypes: IMAP_STATE_TYPES,
  lessons: ['mail-imap-vs-pop3'],
  presets: [],
};
