// SMTP against software we did not write, on loopback:
// - swaks (Debian) sends through the SMTP server engine under `l7 serve` of
//   the Alice-to-Bob lesson's hamburger.edu server: 250 for Bob, 550 for an
//   unknown user, and the message lands in Bob's mailbox (the trace says so);
// - curl (Debian) sends over smtp:// with AUTH PLAIN, and a wrong password
//   fails with curl's login-denied code;
// - nodemailer submits on the submission port with AUTH PLAIN, and is refused
//   without it;
// - the user agent's client session, on l7 serve's loopback driver, delivers
//   to smtp-server (npm), which receives the message byte for byte.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../src-core/net/ipv4';
import { PROTOCOL } from '../../src-core/protocols/smtp/events';
import { reportSmtp } from '../../src-core/protocols/smtp/report';
import { SmtpUserAgent } from '../../src-core/protocols/smtp/user-agent';
import { parseScenarioText } from '../../src-core/scenario/load';
import type { StateEvent } from '../../src-core/trace/types';
import { LoopbackHost } from '../serve/host';
import { OriginTable } from '../serve/origins';
import { serveNodeOf, type Serving } from '../serve/serving.test-helper';
import { ListenerPool } from '../serve/sockets';
import { ServeTrace } from '../serve/trace';
import { requireTool } from './required-tool';

const swaks = requireTool('swaks', 'swaks');
const curl = requireTool('curl', 'curl');
const run = promisify(execFile);
const LESSON = 'resources/lessons/mail-alice-to-bob.l7.json';

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

async function serveNode(node: string, dir: string, ...ports: string[]): Promise<Serving> {
  return serveNodeOf(LESSON, node, dir, ports.flatMap((p) => ['--port', p]), stops);
}

const states = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { events: StateEvent[] }).events.filter((e) => e.kind === 'state');
const tempDir = () => mkdtempSync(join(tmpdir(), 'l7-serve-smtp-'));

describe('swaks through l7 serve of the SMTP server', () => {
  it('delivers to Bob (250, into his INBOX) and is refused for an unknown user (550 5.1.1)', async (ctx) => {
    swaks.guard(ctx);
    const dir = tempDir();
    const s = await serveNode('hamburger', dir, '25:0');
    const server = `127.0.0.1:${s.listeners[0]!.port}`; // the relay port, 25 (the first listener)
    const ok = await run('swaks', ['--server', server, '--from', 'alice@crepes.fr', '--to', 'bob@hamburger.edu', '--header', 'Subject: Lunch', '--body', 'Do you like ketchup?', '--ehlo', 'crepes.fr']);
    expect(ok.stdout).toMatch(/<- {1,2}250 2\.0\.0 OK: queued as 000001/);
    const refused = await run('swaks', ['--server', server, '--from', 'alice@crepes.fr', '--to', 'carol@hamburger.edu', '--ehlo', 'crepes.fr']).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(refused?.code).not.toBe(0);
    expect(refused?.stdout).toMatch(/<\*\* {1,2}550 5\.1\.1 <carol@hamburger\.edu>: no such user here/);
    expect(await s.stop()).toBe(0);
    const delivered = states(join(dir, 'hamburger.trace.json')).filter((e) => e.type === 'smtp.delivered');
    expect(delivered.map((e) => e.data['user'])).toEqual(['bob']);
  });
});

describe('curl sending over smtp:// through l7 serve of Alice\'s server', () => {
  it('submits with AUTH PLAIN on the submission port, the message read from a file, and a wrong password fails', async (ctx) => {
    curl.guard(ctx);
    const dir = tempDir();
    const s = await serveNode('crepes', dir, '25:0', '587:0');
    const submission = s.listeners[1]!.port; // the relay port first, then the submission port (module.ts listeners)
    const mail = join(dir, 'mail.txt');
    writeFileSync(mail, 'From: alice@crepes.fr\r\nTo: alice@crepes.fr\r\nSubject: note to self\r\n\r\n.buy ketchup\r\n');
    const url = `smtp://127.0.0.1:${submission}`;
    await run('curl', ['-s', '--url', url, '--mail-from', 'alice@crepes.fr', '--mail-rcpt', 'alice@crepes.fr', '--user', 'alice:croissant', '--login-options', 'AUTH=PLAIN', '--upload-file', mail]);
    const wrong = await run('curl', ['-s', '--url', url, '--mail-from', 'alice@crepes.fr', '--mail-rcpt', 'alice@crepes.fr', '--user', 'alice:nope', '--login-options', 'AUTH=PLAIN', '--upload-file', mail]).then(
      () => 0,
      (error: { code: number }) => error.code,
    );
    expect(wrong).toBe(67); // CURLE_LOGIN_DENIED
    expect(await s.stop()).toBe(0);
    const trace = states(join(dir, 'crepes.trace.json'));
    expect(trace.filter((e) => e.type === 'smtp.authenticated').map((e) => e.data['ok'])).toEqual([true, false]);
    expect(trace.filter((e) => e.type === 'smtp.delivered').map((e) => e.data['user'])).toEqual(['alice']);
  });
});

describe('nodemailer submitting through l7 serve of Alice\'s server', () => {
  it('sends with AUTH PLAIN on the submission port to a local and a remote recipient; without a login it is refused', async () => {
    const dir = tempDir();
    const s = await serveNode('crepes', dir, '25:0', '587:0');
    const [relay, submission] = s.listeners.map((l) => l.port) as [number, number];
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: submission, secure: false, ignoreTLS: true, auth: { user: 'alice', pass: 'croissant' }, authMethod: 'PLAIN' });
    const info = await transport.sendMail({ from: 'alice@crepes.fr', to: 'alice@crepes.fr, bob@hamburger.edu', subject: 'Lunch', text: 'Do you like ketchup?' });
    expect([...info.accepted].sort()).toEqual(['alice@crepes.fr', 'bob@hamburger.edu']);
    transport.close();
    const anonymous = nodemailer.createTransport({ host: '127.0.0.1', port: submission, secure: false, ignoreTLS: true });
    await expect(anonymous.sendMail({ from: 'alice@crepes.fr', to: 'bob@hamburger.edu', subject: 'x', text: 'y' })).rejects.toThrow(/530 5\.7\.0 Authentication required/);
    anonymous.close();
    const relayOnly = nodemailer.createTransport({ host: '127.0.0.1', port: relay, secure: false, ignoreTLS: true });
    await expect(relayOnly.sendMail({ from: 'mallory@evil.example', to: 'bob@hamburger.edu', subject: 'x', text: 'y' })).rejects.toThrow(/550 5\.7\.1 <bob@hamburger\.edu>: relaying denied/);
    relayOnly.close();
    expect(await s.stop()).toBe(0);
    const trace = states(join(dir, 'crepes.trace.json'));
    // Alice's own copy, then the bounce for Bob's: with no --origin, hamburger.edu has no mail server under l7 serve
    // (the queue asks the origin table, synchronously, on the submission's own input)
    expect(trace.filter((e) => e.type === 'smtp.delivered').map((e) => e.data['user'])).toEqual(['alice', 'alice']);
    expect(trace.filter((e) => e.type === 'smtp.relayNeeded').map((e) => e.data['to'])).toEqual([['bob@hamburger.edu']]);
    expect(trace.filter((e) => e.type === 'smtp.bounced').map((e) => e.data['to'])).toEqual([['bob@hamburger.edu']]);
    expect(trace.some((e) => e.type === 'engine.error')).toBe(false);
  });
});

describe('the SMTP client engine delivering to smtp-server (npm)', () => {
  it('holds the whole dialogue, with AUTH PLAIN, and smtp-server receives the message byte for byte', async () => {
    const received: { from: string; to: string[]; user: string | undefined; data: Buffer }[] = [];
    const server = new SMTPServer({
      authMethods: ['PLAIN'],
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth: (auth, _session, done) => (auth.username === 'alice' && auth.password === 'croissant' ? done(null, { user: 'alice' }) : done(new Error('bad'))),
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, data: Buffer.concat(chunks) });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.server.address() as AddressInfo).port;

    const loaded = parseScenarioText(readFileSync(LESSON, 'utf8'));
    if (!loaded.ok) throw new Error('lesson does not load');
    const trace = new ServeTrace({ id: 'alice', name: 'Alice', kind: 'host', address: '127.0.0.1' });
    const host = new LoopbackHost('alice', trace, new ListenerPool([]), (p) => ({ port: p, explicit: false }), 1, new OriginTable([{ host: '127.0.0.1', port: 587, local: port }]));
    stops.push(async () => host.stop());
    const message = new TextEncoder().encode('From: alice@crepes.fr\r\nTo: bob@hamburger.edu\r\nSubject: Lunch\r\n\r\n.a line with a dot\r\nketchup?\r\n');
    const agent = host.context(loaded.scenario).drive({ engine: new SmtpUserAgent(host.env), protocol: PROTOCOL, name: 'mail user agent', report: reportSmtp });
    agent.command({ server: { addr: parseIpv4('127.0.0.1')!, port: 587 }, hostName: 'alice-laptop', auth: { user: 'alice', password: 'croissant' }, message: { id: 'm1', from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], bytes: message } });
    const done = () => trace.store.events.find((e): e is StateEvent => e.kind === 'state' && e.type === 'smtp.submitted');
    // real sockets: wait for the engine's own verdict (the test timeout is the safety net)
    while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done()!.data['results']).toEqual([{ to: 'bob@hamburger.edu', outcome: 'delivered', reply: expect.stringMatching(/^250 /) }]);
    expect(received).toHaveLength(1);
    expect([received[0]!.from, received[0]!.to, received[0]!.user]).toEqual(['alice@crepes.fr', ['bob@hamburger.edu'], 'alice']);
    expect(received[0]!.data.toString('latin1')).toBe(new TextDecoder().decode(message));
  });
});
