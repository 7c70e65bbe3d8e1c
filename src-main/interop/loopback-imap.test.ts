// The IMAP server engine over real loopback sockets, through the loopback
// driver of `l7 serve` (a LoopbackHost, its listener opened as serve.ts
// opens it), read by independent clients: imapflow (npm) and curl (Debian).
// The store holds bob's two messages; what the clients fetch must be their
// bytes exactly.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src-core/scenario/schema';
import { MailStore } from '../../src-core/protocols/mail/mail-store';
import { PROTOCOL } from '../../src-core/protocols/imap/events';
import { reportImap } from '../../src-core/protocols/imap/report';
import { ImapServerEngine } from '../../src-core/protocols/imap/server';
import { LoopbackHost } from '../serve/host';
import { ListenerPool, openListeners } from '../serve/sockets';
import { ServeTrace } from '../serve/trace';
import type { ScenarioNode } from '../../src-core/scenario/schema';
import { requireTool } from './required-tool';

const MESSAGES = [
  'From: Alice Example <alice@example.org>\r\nTo: bob@example.com\r\nSubject: Hello\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\nMessage-ID: <1@example.org>\r\n\r\nHi Bob,\r\nsee you.\r\n',
  'From: "Carol, C." <carol@example.net>\r\nTo: Bob <bob@example.com>\r\nSubject: Lunch\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nNoon? \xc3\xa9\r\n',
];

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

const hosts: LoopbackHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.stop();
});

async function startServer(): Promise<{ port: number; store: MailStore; trace: ServeTrace }> {
  const store = new MailStore('example.com', [{ user: 'bob', password: 'pw' }]);
  MESSAGES.forEach((m, i) => store.deliver('bob', bytes(m), i * 1_000_000));
  const localOf = () => ({ port: 0, explicit: false });
  const opened = await openListeners({ node: { id: 'mail' } as unknown as ScenarioNode, listeners: [{ service: 'imap-server', transport: 'tcp', scenarioPort: 143 }], localOf });
  const trace = new ServeTrace({ id: 'mail', name: 'mail', kind: 'host', address: '127.0.0.1' });
  const host = new LoopbackHost('mail', trace, new ListenerPool(opened), localOf, 1);
  hosts.push(host);
  host.context({ nodes: [] } as unknown as Scenario).drive({ engine: new ImapServerEngine(host.env, { port: 143, store }), protocol: PROTOCOL, name: 'IMAP server', report: reportImap });
  return { port: opened[0]!.port, store, trace };
}

describe('imapflow reads the mailbox', () => {
  it('logs in, lists, opens INBOX, fetches envelopes and sources byte for byte, flags, expunges, logs out', async () => {
    const { port, store, trace } = await startServer();
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: 'bob', pass: 'pw' }, logger: false });
    await client.connect();
    const folders = await client.list();
    expect(folders.map((f) => f.path)).toEqual(['INBOX']);
    const box = await client.mailboxOpen('INBOX');
    expect(box.exists).toBe(2);
    const seen: { uid: number; subject: string | undefined; from: string | undefined; source: string }[] = [];
    for await (const m of client.fetch('1:*', { uid: true, envelope: true, source: true })) {
      seen.push({ uid: m.uid, subject: m.envelope?.subject, from: m.envelope?.from?.[0]?.address, source: m.source ? m.source.toString('latin1') : '' });
    }
    expect(seen).toEqual([
      { uid: 1, subject: 'Hello', from: 'alice@example.org', source: MESSAGES[0] },
      { uid: 2, subject: 'Lunch', from: 'carol@example.net', source: MESSAGES[1] },
    ]);
    await client.messageFlagsAdd('1', ['\\Seen']);
    expect([...store.folder('bob')!.messages[0]!.flags]).toContain('\\Seen');
    await client.messageFlagsAdd('2', ['\\Deleted']);
    await client.messageDelete('1');
    expect(store.folder('bob')!.messages).toEqual([]);
    await client.logout();
    const types = trace.store.events.flatMap((e) => (e.kind === 'state' ? [e.type] : []));
    expect(types).toContain('imap.loggedIn');
    expect(types).toContain('imap.expunged');
    expect(types).toContain('imap.loggedOut');
  });
});

const curl = requireTool('curl', 'curl');
const run = promisify(execFile);

describe('curl reads the mailbox', () => {
  beforeEach((ctx) => curl.guard(ctx));

  it('lists the folders, fetches a message byte for byte, and fails with a wrong password', async () => {
    const { port } = await startServer();
    const list = await run('curl', ['-sS', '--max-time', '20', `imap://127.0.0.1:${port}/`, '-u', 'bob:pw']);
    expect(list.stdout).toContain('INBOX');
    const message = await run('curl', ['-sS', '--max-time', '20', `imap://127.0.0.1:${port}/INBOX;UID=1`, '-u', 'bob:pw'], { encoding: 'latin1' });
    expect(message.stdout).toBe(MESSAGES[0]);
    const second = await run('curl', ['-sS', '--max-time', '20', `imap://127.0.0.1:${port}/INBOX;UID=2`, '-u', 'bob:pw'], { encoding: 'latin1' });
    expect(second.stdout).toBe(MESSAGES[1]);
    await expect(run('curl', ['-sS', '--max-time', '20', `imap://127.0.0.1:${port}/`, '-u', 'bob:wrong'])).rejects.toMatchObject({ code: 67 });
  });
});
