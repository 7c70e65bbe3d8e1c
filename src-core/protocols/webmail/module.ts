/**
 * The webmail module (docs/webmail.md): a web server that shows a user's
 * mailbox, read over IMAP from a mail server, on the protocol seam
 * (docs/adding-a-protocol.md). Its messages are HTTP and IMAP, labelled as
 * those protocols and dissected by their modules; its state events are
 * its own ("webmail.*").
 */
import { quote } from '../../scenario/describe-value';
import { ms } from '../../sim/time';
import type { ProtocolModule, ServiceDefinition } from '../module';
import { WEBMAIL_STATE_TYPES, PROTOCOL } from './events';
import { reportWebmail } from './report';
import type { WebmailServerService } from './schema';
import { WebmailEngine } from './server';

const server: ServiceDefinition<WebmailServerService> = {
  type: 'webmail-server',
  title: 'Webmail server',
  properties: [
    { field: 'port', label: 'Port', help: 'The TCP port browsers connect to (80 for http://).' },
    { field: 'imapServer', label: 'IMAP server', help: 'The mail server whose mailboxes it shows; it logs in there over IMAP for every page.' },
    { field: 'imapPort', label: 'IMAP port', help: 'The mail server\'s IMAP port.' },
    { field: 'cookieName', label: 'Session cookie', help: 'The name of the cookie that carries a logged-in browser\'s session id.' },
    { field: 'keepAliveTimeoutMs', label: 'Keep-alive timeout', help: 'A persistent connection idle this long is closed by the server.', unit: 'ms' },
  ],
  listeners: (s) => [{ transport: 'tcp', port: s.port }],
  /** The IMAP server must be there, on its port. */
  check(s, path, refs) {
    const node = refs.node(s.imapServer);
    if (!node) {
      refs.requireNode([...path, 'imapServer'], s.imapServer);
      return;
    }
    const imap = node.services.filter((x) => x.type === 'imap-server');
    if (imap.length === 0) {
      refs.requireServiceType([...path, 'imapServer'], s.imapServer, ['imap-server'], 'the webmail reads the mailboxes from it over IMAP');
      return;
    }
    if (!imap.some((x) => x.port === s.imapPort)) refs.report([...path, 'imapPort'], `the IMAP server of ${quote(s.imapServer)} listens on ${imap.map((x) => x.port).join(' and ')}, not ${s.imapPort}`);
  },
  start(ctx, s) {
    const engine = new WebmailEngine(ctx.env, { port: s.port, imap: { addr: ctx.addressOf(s.imapServer), port: s.imapPort }, cookieName: s.cookieName, keepAliveTimeout: ms(s.keepAliveTimeoutMs) });
    ctx.drive({ engine, protocol: PROTOCOL, name: 'webmail server', report: reportWebmail });
  },
};

export const WEBMAIL_MODULE: ProtocolModule = {
  protocol: PROTOCOL,
  title: 'Webmail',
  services: [server],
  actions: [],
  colors: ['#ad1457', '#f48fb1'],
  stateTypes: WEBMAIL_STATE_TYPES,
  lessons: ['mail-webmail'],
  presets: [],
};
