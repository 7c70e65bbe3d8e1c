// The lesson dns-tcp-fallback end to end: a UDP answer over 512 bytes comes
// back truncated (TC), the resolver and then the stub ask again over TCP,
// and the fallback costs exactly the handshake and one query round trip.
// Every DNS message sent over TCP is checked with dns-packet's stream codec.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import type { FieldNode } from '../../dissect/field';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import { ms, transmissionDelay } from '../../sim/time';
import type { MessageEvent, StateEvent } from '../../trace/types';
import { decodeDns } from './codec';
import { dissectDns } from './dissect';

function run() {
  const loaded = parseScenarioText(readFileSync(join(__dirname, '../../../resources/lessons/dns-tcp-fallback.l7.json'), 'utf8'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const trace = runScenario(loaded.scenario).trace();
  const messages = trace.events.filter((e): e is MessageEvent => e.kind === 'message');
  return {
    trace,
    app: messages.filter((m) => m.layer === 'application'),
    tcp: messages.filter((m) => m.protocol === 'tcp'),
    states: trace.events.filter((e): e is StateEvent => e.kind === 'state'),
  };
}

/** One way over links of the given delays (ms) at 100 Mb/s for a transport message of `bytes` (+ 20 IP). */
const tx = (bytes: number) => transmissionDelay(bytes + 20, 100e6);
const oneWay = (delaysMs: number[], bytes: number) => delaysMs.reduce((t, d) => t + ms(d) + tx(bytes), 0);

const tcpIn = (m: MessageEvent) => m.connection?.startsWith('tcp:') ?? false;

describe('lesson: DNS falls back to TCP for a long answer', () => {
  it('shows the truncated UDP answer, then the TCP connection to the same server with the full answer', () => {
    const { app, states } = run();
    const first = app.filter((m) => m.sentAt < ms(500));
    expect(first.map((m) => `${m.from}>${m.to} ${tcpIn(m) ? 'tcp' : 'udp'}`)).toEqual([
      'host>local udp',
      'local>root udp',
      'root>local udp',
      'local>tld udp',
      'tld>local udp',
      'local>auth udp',
      'auth>local udp',
      'local>auth tcp',
      'auth>local tcp',
      'local>host udp',
      'host>local tcp',
      'local>host tcp',
    ]);
    const truncated = first[6]!;
    expect(truncated.bytes[2]! & 0x02).toBe(0x02); // TC
    expect(truncated.summary).toMatch(/^Standard query response 0x[0-9a-f]{4} TXT example\.com \[truncated\]$/);
    expect(truncated.bytes.length).toBeLessThanOrEqual(512);
    expect(first[8]!.bytes.length - 2).toBeGreaterThan(512);
    expect(first[8]!.summary).toMatch(/TXT TXT TXT TXT TXT TXT … \(3 more\)$/);
    // Nothing learned from the truncated answer; the TCP answer is cached.
    const stored = states.filter((s) => s.type === 'dns.cacheStored' && s.data['name'] === 'example.com' && s.data['type'] === 'TXT');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.at).toBe(first[8]!.receivedAt);
    expect(states.filter((s) => s.type === 'dns.truncated').map((s) => s.node)).toEqual(['local', 'host', 'host']);
    const answers = states.filter((s) => s.type === 'dns.answer');
    expect(answers).toHaveLength(2);
    for (const a of answers) expect((a.data['answers'] as string[]).length).toBe(9);
  });

  it('costs the handshake round trip plus the query round trip', () => {
    const { app, tcp } = run();
    const [udpAnswer, tcpQuery, tcpAnswer] = [app[6]!, app[7]!, app[8]!];
    const segments = tcp.filter((m) => m.connection === tcpQuery.connection);
    const size = (i: number) => segments[i]!.bytes.length;
    // SYN, SYN-ACK, ACK, query, ACK of the query, answer: the ACKs leave just before the data behind them on the first link.
    expect(segments.slice(0, 6).map((s) => s.summary.replace(/ Seq.*/, ''))).toEqual([
      expect.stringMatching(/\[SYN\]$/),
      expect.stringMatching(/\[SYN, ACK\]$/),
      expect.stringMatching(/\[ACK\]$/),
      expect.stringMatching(/\[PSH, ACK\]$/),
      expect.stringMatching(/\[ACK\]$/),
      expect.stringMatching(/\[PSH, ACK\]$/),
    ]);
    const path = [4, 10]; // local–router, router–auth
    const handshake = oneWay(path, size(0)) + oneWay(path, size(1));
    const exchange = tx(size(2)) + oneWay(path, size(3)) + tx(size(4)) + oneWay(path, size(5));
    expect(tcpAnswer.receivedAt! - udpAnswer.receivedAt!).toBe(handshake + exchange);
    expect(tcpQuery.sentAt).toBe(udpAnswer.receivedAt! + handshake);
  });

  it('sends every DNS message over TCP framed as dns-packet reads and writes it', () => {
    const { app, tcp } = run();
    const overTcp = app.filter(tcpIn);
    expect(overTcp).toHaveLength(6);
    for (const m of overTcp) {
      const buf = Buffer.from(m.bytes);
      expect(buf.readUInt16BE(0)).toBe(m.bytes.length - 2);
      const theirs = dnsPacket.streamDecode(buf);
      const ours = decodeDns(m.bytes.subarray(2));
      if (!ours.ok) throw new Error('ours');
      expect(theirs.id).toBe(ours.value.header.id);
      expect(theirs.answers ?? []).toHaveLength(ours.value.answers.length);
      expect(Buffer.from(dnsPacket.streamEncode(theirs)).equals(buf)).toBe(ours.value.answers.length === 0); // names compress differently, so only short ones match byte for byte
      // The segment that carries it holds exactly these bytes after its 20-byte header.
      const seg = tcp.find((s) => s.carries.includes(m.id))!;
      expect(Buffer.from(seg.bytes.subarray(20)).equals(buf)).toBe(true);
    }
  });

  it('dissects DNS over TCP with the length field first and every range inside the message', () => {
    const { app } = run();
    const answer = app.filter(tcpIn).find((m) => m.from === 'auth')!;
    const [root] = dissectDns(answer);
    expect(root!.severity).toBeUndefined();
    expect(root!.children[0]).toMatchObject({ filter: 'dns.length', value: String(answer.bytes.length - 2), offset: 0, length: 2 });
    expect(root!.children[1]).toMatchObject({ filter: 'dns.id', offset: 2, length: 2 });
    const walk = (n: FieldNode): FieldNode[] => [n, ...n.children.flatMap(walk)];
    const all = walk(root!);
    expect(all.every((n) => n.offset >= 0 && n.offset + n.length <= answer.bytes.length && !n.severity)).toBe(true);
    const tc = all.find((n) => n.filter === 'dns.flags.truncated')!;
    expect(tc.value).toBe('Message is not truncated');
    const texts = all.filter((n) => n.filter === 'dns.txt');
    expect(texts).toHaveLength(9);
    const last = texts.at(-1)!;
    expect(last.offset + last.length).toBe(answer.bytes.length);
  });
});
