// The SMTP lessons teach what their descriptions say (Kurose & Ross §2.3.1):
// the textbook's dialogue, one round trip per command; several messages on
// one connection; a message waiting in the queue while the far server is
// down, retried retryMs after the failed attempt; a 550 and the bounce whose
// MIME parts the inspector shows.
import { describe, expect, it } from 'vitest';
import bounceLesson from '../../../resources/lessons/mail-bounce.l7.json';
import dialogueLesson from '../../../resources/lessons/mail-smtp-dialogue.l7.json';
import serverDownLesson from '../../../resources/lessons/mail-server-down.l7.json';
import severalLesson from '../../../resources/lessons/mail-several-messages.l7.json';
import type { FieldNode } from '../../dissect/field';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import { ms } from '../../sim/time';
import type { MessageEvent, StateEvent } from '../../trace/types';
import { dissectPop3 } from '../pop3/dissect';
import { CONNECT_TIMEOUT_MS } from './constants';

function run(lesson: unknown) {
  const loaded = parseScenarioText(JSON.stringify(lesson));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const events = runScenario(loaded.scenario).sim.store.events;
  const messages = (protocol: string) => events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === protocol);
  const states = (type: string) => events.filter((e): e is StateEvent => e.kind === 'state' && e.type === type);
  return { scenario: loaded.scenario, messages, states };
}

/** The connection from crepes to hamburger's port 25 (the relay), its messages in order. */
const relay = (smtp: readonly MessageEvent[]) => smtp.filter((m) => m.connection?.endsWith(':25'));
const all = (nodes: readonly FieldNode[]): FieldNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);

describe('SMTP lessons', () => {
  it('smtp-dialogue: the textbook\'s dialogue from crepes.fr to hamburger.edu, one round trip (50 ms) per command', () => {
    const { messages, states } = run(dialogueLesson);
    const dialogue = relay(messages('smtp'));
    expect(dialogue.map((m) => `${m.from === 'crepes' ? 'C' : 'S'}: ${m.summary}`)).toEqual([
      'S: 220 hamburger.edu ESMTP L7 Lab ready',
      'C: EHLO crepes.fr',
      'S: 250 hamburger.edu greets crepes.fr (+4 lines)',
      'C: MAIL FROM:<alice@crepes.fr>',
      'S: 250 2.1.0 Sender <alice@crepes.fr> OK',
      'C: RCPT TO:<bob@hamburger.edu>',
      'S: 250 2.1.5 Recipient <bob@hamburger.edu> OK',
      'C: DATA',
      'S: 354 End data with <CR><LF>.<CR><LF>',
      'C: (message 000001, 401 bytes, then ".")',
      'S: 250 2.0.0 OK: queued as 000001',
      'C: QUIT',
      'S: 221 2.0.0 hamburger.edu closing connection',
    ]);
    const data = new TextDecoder().decode(dialogue.find((m) => m.summary.startsWith('(message'))!.bytes);
    expect(data).toMatch(/\r\n\r\nDo you like ketchup\?\r\nHow about pickles\?\r\n\.\r\n$/);
    // each command goes one RTT = 2 × (5 + 20) ms after the one before, once its reply is in (plus a few µs of transmission)
    const commands = dialogue.filter((m) => m.from === 'crepes').map((m) => m.sentAt);
    for (let i = 1; i < commands.length; i++) {
      expect(commands[i]! - commands[i - 1]!).toBeGreaterThan(ms(50));
      expect(commands[i]! - commands[i - 1]!).toBeLessThan(ms(50.2));
    }
    expect(states('smtp.delivered').map((s) => s.data['user'])).toEqual(['bob']);
  });

  it('several-messages: two transactions on one connection at each hop, one SYN each, both delivered', () => {
    const { messages, states } = run(severalLesson);
    const smtp = messages('smtp');
    for (const hop of [smtp.filter((m) => m.connection?.endsWith(':587')), relay(smtp)]) {
      const mails = hop.filter((m) => m.summary.startsWith('MAIL FROM'));
      expect(mails).toHaveLength(2);
      expect(new Set(hop.map((m) => m.connection)).size).toBe(1);
      expect(hop.filter((m) => m.summary === 'QUIT')).toHaveLength(1);
      // the second transaction starts the moment the first message's 250 arrives: no new handshake, no EHLO
      const firstTaken = hop.find((m) => m.summary.startsWith('250 2.0.0 OK: queued as'))!;
      expect(mails[1]!.causedBy).toBe(firstTaken.id);
      expect(mails[1]!.sentAt).toBe(firstTaken.receivedAt);
    }
    const syns = messages('tcp').filter((m) => /\[SYN\]/.test(m.summary) && !m.retransmission && m.from !== 'bob');
    expect(syns.map((m) => `${m.from}→${m.to}`)).toEqual(['alice→crepes', 'crepes→hamburger']);
    expect(states('smtp.relayAttempt').map((s) => s.data['joins'] ?? null)).toEqual([null, '000001']);
    expect(new Set(states('smtp.relayed').map((s) => s.connection)).size).toBe(1);
    expect(states('imap.mailboxRead').map((s) => s.summary)).toEqual([expect.stringContaining('2 messages')]);
  });

  it('server-down: the SYN lost while hamburger is off, the attempt given up after the connect timeout, the retry retryMs later delivers', () => {
    const { scenario, messages, states } = run(serverDownLesson);
    const smtpServer = scenario.nodes.find((n) => n.id === 'crepes')!.services.find((s) => s.type === 'smtp-server')!;
    const retryMs = smtpServer.type === 'smtp-server' ? smtpServer.retryMs : NaN;
    const offUntil = ms(serverDownLesson.lossRules[0]!.toMs);
    const [first, second] = states('smtp.relayAttempt');
    const t0 = first!.at;
    // the SYN and its retransmissions 1, 2, 4, 8 s apart (RFC 6298), each dropped by the loss rule
    const lost = messages('tcp').filter((m) => m.from === 'crepes' && m.to === 'hamburger' && m.sentAt < offUntil);
    expect(lost.map((m) => (m.sentAt - t0) / 1e9)).toEqual([0, 1, 3, 7, 15]);
    expect(lost.every((m) => m.lost?.reason === 'rule')).toBe(true);
    const [deferred] = states('smtp.deferred');
    expect(deferred!.at).toBe(t0 + ms(CONNECT_TIMEOUT_MS));
    expect(deferred!.data).toMatchObject({ attempt: 1, reply: 'no connection to hamburger.edu within 30 s' });
    expect(deferred!.data['retryAt']).toBeCloseTo((deferred!.at + ms(retryMs)) / 1e9, 9);
    expect(second!.at).toBe(deferred!.at + ms(retryMs));
    expect(second!.at).toBeGreaterThan(offUntil);
    expect(second!.data['attempt']).toBe(2);
    const [relayed] = states('smtp.relayed');
    const [delivered] = states('smtp.delivered');
    expect(delivered!.data['user']).toBe('bob');
    expect(delivered!.at).toBeGreaterThan(second!.at);
    expect(relayed!.at).toBeGreaterThan(delivered!.at);
    expect(states('smtp.deferred')).toHaveLength(1);
    expect(states('imap.messageRead')).toHaveLength(1);
  });

  it('bounce: 550 5.1.1 at RCPT TO, no DATA, a multipart/report into alice\'s INBOX, its parts shown in the POP3 inspector', () => {
    const { messages, states } = run(bounceLesson);
    const dialogue = relay(messages('smtp')).map((m) => m.summary);
    expect(dialogue).toContain('550 5.1.1 <carol@hamburger.edu>: no such user here');
    expect(dialogue).not.toContain('DATA');
    expect(states('smtp.bounced').map((s) => s.data)).toEqual([{ id: '000001', to: ['carol@hamburger.edu'], reason: '550 5.1.1 <carol@hamburger.edu>: no such user here', toSender: 'alice@crepes.fr' }]);
    expect(states('smtp.delivered').map((s) => [s.node, s.data['user'], s.data['id']])).toEqual([['crepes', 'alice', '000001-dsn']]);
    const retrieved = messages('pop3').find((m) => m.from === 'crepes' && m.summary.endsWith('octets') && m.bytes.length > 200)!;
    const tree = all(dissectPop3(retrieved));
    expect(tree.filter((n) => n.filter === 'imf.content.type').map((n) => n.value.split(';')[0])).toEqual(['multipart/report', 'text/plain', 'message/delivery-status', 'text/rfc822-headers']);
    expect(new TextDecoder().decode(retrieved.bytes)).toContain('Final-Recipient: rfc822; carol@hamburger.edu\r\nAction: failed\r\nStatus: 5.1.1\r\n');
    expect(states('pop3.downloaded').map((s) => s.data['subject'])).toEqual(['Undelivered Mail Returned to Sender']);
  });
});
