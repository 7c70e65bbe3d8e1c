import { describe, expect, it } from 'vitest';
import type { FieldNode } from '../../dissect/field';
import type { MessageEvent } from '../../trace/types';
import { dissectSmtp } from './dissect';

const event = (text: string): MessageEvent => ({ kind: 'message', id: 0, layer: 'application', protocol: 'smtp', from: 'a', to: 'b', src: { addr: '10.0.0.1', port: 40000 }, dst: { addr: '10.0.0.2', port: 25 }, sentAt: 0, receivedAt: null, summary: text.slice(0, 20), bytes: new TextEncoder().encode(text), connection: null, causedBy: null, carries: [], retransmission: false, timing: null, lost: null }) as MessageEvent;
const flat = (nodes: readonly FieldNode[]): FieldNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
const text = (t: string, n: FieldNode) => t.slice(n.offset, n.offset + n.length);

describe('the SMTP dissector', () => {
  it('reads pipelined command lines, and hides AUTH PLAIN\'s credentials', () => {
    const t = 'MAIL FROM:<alice@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\nAUTH PLAIN AGFsaWNlAHB3\r\n';
    const nodes = flat(dissectSmtp(event(t)));
    expect(nodes.filter((n) => n.filter === 'smtp.req.command').map((n) => n.value)).toEqual(['MAIL', 'RCPT', 'AUTH']);
    expect(nodes.filter((n) => n.filter === 'smtp.req.parameter').map((n) => n.value)).toEqual(['FROM:<alice@crepes.fr>', 'TO:<bob@hamburger.edu>', 'PLAIN ••••']);
    for (const n of nodes.filter((x) => x.filter === 'smtp.req.command')) expect(text(t, n)).toBe(n.value);
  });

  it('reads a multi-line reply, a code and a text per line', () => {
    const t = '250-mail.hamburger.edu greets crepes.fr\r\n250 HELP\r\n';
    const nodes = flat(dissectSmtp(event(t)));
    expect(nodes.filter((n) => n.filter === 'smtp.response.code').map((n) => n.value)).toEqual(['250', '250']);
    expect(nodes.filter((n) => n.filter === 'smtp.rsp.parameter').map((n) => text(t, n))).toEqual(['mail.hamburger.edu greets crepes.fr', 'HELP']);
  });

  it('shows the mail data as its MIME tree with the wire\'s byte ranges, then the end of data; a stuffed message by its lines', () => {
    const t = 'From: <alice@crepes.fr>\r\nSubject: Lunch\r\n\r\nketchup?\r\n.\r\n';
    const nodes = flat(dissectSmtp(event(t)));
    const subject = nodes.find((n) => n.name.toLowerCase().startsWith('subject'));
    expect(subject && text(t, subject)).toMatch(/^Subject: Lunch/);
    expect(nodes.find((n) => n.filter === 'smtp.eom')?.offset).toBe(t.length - 3);
    const stuffed = 'Subject: x\r\n\r\n..dot\r\n.\r\n';
    const s = flat(dissectSmtp(event(stuffed)));
    expect(s.find((n) => n.filter === 'imf.body')?.value).toBe('7 octets (dot-stuffed)');
    expect(s.find((n) => n.filter === 'smtp.eom')).toBeDefined();
  });

  it('never throws on random bytes, and keeps every range inside them', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let i = 0; i < 500; i++) {
      const bytes = Uint8Array.from({ length: rand() }, () => (rand() % 5 === 0 ? 0x0a : rand()));
      const e = { ...event(''), bytes };
      for (const n of flat(dissectSmtp(e))) expect(n.offset + n.length).toBeLessThanOrEqual(bytes.length);
    }
  });
});
