// Mail relayed between served servers, on loopback: nodemailer (npm)
// submits to `l7 serve` of the Alice-to-Bob lesson's mail.crepes.fr for
// bob@hamburger.edu, and the served outgoing queue relays it to the server
// that `--origin hamburger.edu:25=LOCAL` names (the domain is its own mail
// server, the implicit MX of RFC 5321 §5.1):
// - smtp-server (npm) listening on loopback receives it, with the crepes
//   server's Received field on top;
// - a second `l7 serve`, of mail.hamburger.edu, takes it into Bob's INBOX,
//   and curl (Debian) reads it there over imap://;
// - a domain the table does not name gets no mail server (a bounce into
//   Alice's INBOX), and an origin on another port than 25 is a connect
//   refused (`serve.refused`): nothing leaves the machine.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceDefinition } from '../../src-core/protocols/registry';
import { parseScenarioText } from '../../src-core/scenario/load';
import type { StateEvent } from '../../src-core/trace/types';
import type { OriginArg } from '../serve/args';
import { LoopbackHost } from '../serve/host';
import { OriginTable } from '../serve/origins';
import { nodeToServe, planPorts } from '../serve/port-plan';
import { serveNodeOf, type Serving } from '../serve/serving.test-helper';
import { ListenerPool, openListeners } from '../serve/sockets';
import { ServeTrace } from '../serve/trace';
import { requireTool } from './required-tool';

const curl = requireTool('curl', 'curl');
const run = promisify(execFile);
const LESSON = 'resources/lessons/mail-alice-to-bob.l7.json';

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

async function serveNode(node: string, dir: string, ...args: string[]): Promise<Serving> {
  return serveNodeOf(LESSON, node, dir, args, stops);
}

const states = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { events: StateEvent[] }).events.filter((e) => e.kind === 'state');
const tempDir = () => mkdtempSync(join(tmpdir(), 'l7-serve-relay-'));
const pause = () => new Promise((resolve) => setTimeout(resolve, 10));

/** Alice submits on the served crepes server's submission port (the second listener: module.ts lists 25 first). */
async function submit(crepes: Serving, to: string, subject: string): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: crepes.listeners[1]!.port, secure: false, ignoreTLS: true, auth: { user: 'alice', pass: 'croissant' }, authMethod: 'PLAIN' });
  try {
    await transport.sendMail({ from: 'alice@crepes.fr', to, subject, text: 'Do you like ketchup?' });
  } finally {
    transport.close();
  }
}

describe('l7 serve of mail.crepes.fr relays to the --origin of hamburger.edu', () => {
  it('smtp-server (npm) on loopback receives the message, the crepes server\'s Received field on top', async () => {
    const received: { from: string; to: string[]; data: string }[] = [];
    let closed = 0;
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      // the relay's session ends after our 250 reached it and it sent QUIT: only then has crepes settled the message
      onClose() {
        closed++;
      },
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('latin1') });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.server.address() as AddressInfo).port;

    const dir = tempDir();
    const crepes = await serveNode('crepes', dir, '--port', '25:0', '--port', '587:0', '--origin', `hamburger.edu:25=${port}`);
    expect(crepes.out).toContain(`origin hamburger.edu:25 at 127.0.0.1:${port}`);
    await submit(crepes, 'bob@hamburger.edu', 'Lunch');
    // real sockets: wait for smtp-server's delivery (the test timeout is the safety net)
    while (received.length === 0 || closed === 0) await pause();
    expect([received[0]!.from, received[0]!.to]).toEqual(['alice@crepes.fr', ['bob@hamburger.edu']]);
    expect(received[0]!.data).toMatch(/^Received: from \S+ \(\[127\.0\.0\.1\]\)\r\n\tby mail\.crepes\.fr with ESMTPA id \S+ for <bob@hamburger\.edu>;/);
    expect(received[0]!.data).toContain('Subject: Lunch\r\n');

    expect(await crepes.stop()).toBe(0);
    const trace = states(join(dir, 'crepes.trace.json'));
    expect(trace.filter((e) => e.type === 'smtp.relayAttempt').map((e) => [e.data['host'], e.data['address']])).toEqual([['hamburger.edu', '127.77.0.1']]);
    expect(trace.filter((e) => e.type === 'smtp.relayed').map((e) => e.data['to'])).toEqual([['bob@hamburger.edu']]);
    expect(trace.some((e) => e.type === 'serve.refused' || e.type === 'engine.error')).toBe(false);
  });

  it('a second l7 serve, of mail.hamburger.edu, takes it into Bob\'s INBOX, and curl reads it over imap://', async (ctx) => {
    curl.guard(ctx);
    const dir = tempDir();
    const hamburger = await serveNode('hamburger', dir, '--port', '25:0', '--port', '587:0', '--port', '143:0');
    const relay = hamburger.listeners[0]!.port;
    const imap = hamburger.port('tcp', 'imap-server');
    const crepes = await serveNode('crepes', dir, '--port', '25:0', '--port', '587:0', '--origin', `hamburger.edu:25=${relay}`);
    await submit(crepes, 'bob@hamburger.edu', 'Lunch between servers');

    const read = () => run('curl', ['-sS', '--max-time', '10', `imap://127.0.0.1:${imap}/INBOX;UID=1`, '-u', 'bob:ketchup'], { encoding: 'latin1' }).then(
      (r) => r.stdout,
      () => null,
    );
    let message: string | null = null;
    // the relay is asynchronous: ask until the message is there (the test timeout is the safety net)
    while ((message = await read()) === null) await pause();
    expect(message).toMatch(/^Received: from mail\.crepes\.fr \(\[127\.0\.0\.1\]\)\r\n\tby mail\.hamburger\.edu with ESMTP /);
    expect(message).toMatch(/\r\nReceived: from \S+ \(\[127\.0\.0\.1\]\)\r\n\tby mail\.crepes\.fr with ESMTPA /);
    expect(message).toContain('Subject: Lunch between servers\r\n');

    // (crepes' smtp.relayed is checked in the test above, where the far end's close says the dialogue is over;
    // here curl may read the message before crepes has its 250, so stopping crepes now could cut that short)
    expect(await crepes.stop()).toBe(0);
    expect(await hamburger.stop()).toBe(0);
    expect(states(join(dir, 'hamburger.trace.json')).filter((e) => e.type === 'smtp.delivered').map((e) => e.data['user'])).toEqual(['bob']);
  });

  it('a domain the table does not name has no mail server: the message bounces into Alice\'s INBOX', async () => {
    const crepes = await serveInProcess('crepes', [{ host: 'hamburger.edu', port: 25, local: 9 }]);
    await submit(crepes.serving, 'carol@elsewhere.example', 'Nobody there');
    const bounced = await crepes.next('smtp.bounced');
    expect(bounced.data['to']).toEqual(['carol@elsewhere.example']);
    expect(bounced.data['reason']).toMatch(/^no mail server for elsewhere\.example: not named by --origin/);
    await crepes.next('smtp.delivered'); // the bounce, into Alice's INBOX
    expect(crepes.states('smtp.delivered').map((e) => e.data['user'])).toEqual(['alice']);
    expect(crepes.states('smtp.relayAttempt')).toEqual([]);
  });

  it('an origin for hamburger.edu on another port than 25 is not its mail server: the connect is refused and traced', async () => {
    const crepes = await serveInProcess('crepes', [{ host: 'hamburger.edu', port: 80, local: 9 }]);
    await submit(crepes.serving, 'bob@hamburger.edu', 'Wrong port');
    await crepes.next('smtp.deferred');
    expect(crepes.states('serve.refused').map((e) => e.data)).toEqual([{ transmit: 'connect', to: '127.77.0.1:25', reason: 'l7 serve reaches only the servers named by --origin HOST[:PORT]=LOCAL' }]);
  });
});

interface InProcess {
  /** Its listeners, as the command line prints them (the relay port first, then submission). */
  readonly serving: Serving;
  states(type: string): StateEvent[];
  /** The first state event of `type`, once the served node has traced it. */
  next(type: string): Promise<StateEvent>;
}

/**
 * A node served as `l7 serve` does it (serve.ts: the port plan, its
 * listeners, the loopback host with the origin table, each service started
 * by its module), in this process so that the test can watch its trace.
 */
async function serveInProcess(nodeId: string, origins: readonly OriginArg[]): Promise<InProcess> {
  const loaded = parseScenarioText(readFileSync(LESSON, 'utf8'));
  if (!loaded.ok) throw new Error('lesson does not load');
  const scenario = loaded.scenario;
  const node = nodeToServe(scenario, nodeId);
  const plan = planPorts(node, { kind: 'map', map: new Map([[25, 0], [587, 0]]) }, (s) => serviceDefinition(s.type).listeners(s));
  const pool = new ListenerPool(await openListeners(plan));
  const trace = new ServeTrace({ id: node.id, name: node.name ?? node.id, kind: 'host', address: '127.0.0.1' });
  const host = new LoopbackHost(node.id, trace, pool, (p) => plan.localOf(p), scenario.run.seed, new OriginTable(origins));
  stops.push(async () => host.stop());
  const ctx = host.context(scenario);
  for (const service of node.services) serviceDefinition(service.type).start(ctx, service);
  const listeners = pool.claimed.map((o) => ({ transport: o.planned.transport, port: o.port, service: o.planned.service }));
  const states = (type: string) => trace.store.events.filter((e): e is StateEvent => e.kind === 'state' && e.type === type);
  return {
    serving: { listeners, out: [], err: [], port: () => listeners[0]!.port, stop: async () => 0 },
    states,
    async next(type) {
      // real sockets: wait for the engines' own events (the test timeout is the safety net)
      while (states(type).length === 0) await pause();
      return states(type)[0]!;
    },
  };
}
