// Oracle: Wireshark's dissectors (tshark) read our TCP and UDP bytes, inside
// the pcapng we write, and must agree field by field, checksums included.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { traceToPcapng } from '../../src-core/trace/pcapng';
import type { MessageEvent } from '../../src-core/trace/types';
import { requireTool } from './required-tool';

const tsharkTool = requireTool('tshark', 'tshark');

function capture(lesson: string): { file: string; messages: MessageEvent[] } {
  const loaded = parseScenarioText(readFileSync(join('resources/lessons', lesson), 'utf8'));
  if (!loaded.ok) throw new Error('lesson does not load');
  const run = runScenario(loaded.scenario);
  const messages = run.sim.store.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'transport');
  const file = join(mkdtempSync(join(tmpdir(), 'l7-pcap-')), `${lesson}.pcapng`);
  writeFileSync(file, traceToPcapng(run.sim.store.events));
  return { file, messages };
}

function tshark(file: string, fields: string[], filter?: string): string[][] {
  const out = execFileSync(
    'tshark',
    ['-r', file, ...(filter === undefined ? [] : ['-Y', filter]), '-o', 'tcp.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=|', ...fields.flatMap((f) => ['-e', f])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return out.trim().split('\n').map((l) => l.split('|'));
}

describe('tshark reads our packets', () => {
  beforeEach((ctx) => tsharkTool.guard(ctx));

  it('TCP: addresses, ports, sequence numbers, flags, payload and checksums agree', () => {
    const { file, messages } = capture('sockets-tcp.l7.json');
    const rows = tshark(file, ['frame.time_epoch', 'ip.src', 'ip.dst', 'ip.checksum.status', 'tcp.srcport', 'tcp.dstport', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.flags', 'tcp.len', 'tcp.checksum.status', 'tcp.payload']);
    expect(rows).toHaveLength(messages.length);
    rows.forEach((r, i) => {
      const m = messages[i]!;
      const view = new DataView(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
      const [time, src, dst, ipOk, sport, dport, seq, ack, flags, len, tcpOk, payload] = r;
      expect(Math.abs(Number(time) * 1e9 - m.sentAt)).toBeLessThan(1000);
      expect([src, dst]).toEqual([m.src.addr, m.dst.addr]);
      expect([Number(sport), Number(dport)]).toEqual([m.src.port, m.dst.port]);
      expect(Number(seq)).toBe(view.getUint32(4));
      expect(Number(ack)).toBe(view.getUint32(8));
      expect(Number(flags)).toBe(view.getUint8(13));
      const headerLength = (view.getUint8(12) >> 4) * 4;
      expect(Number(len)).toBe(m.bytes.length - headerLength);
      const hex = Array.from(m.bytes.subarray(headerLength), (b) => b.toString(16).padStart(2, '0')).join('');
      expect((payload ?? '').replace(/:/g, '')).toBe(hex);
      expect([ipOk, tcpOk]).toEqual(['1', '1']); // Wireshark's checksum status: 0 bad, 1 good, 2 unverified
    });
  });

  it('UDP: ports, length and checksums agree', () => {
    const { file, messages } = capture('sockets-udp.l7.json');
    const rows = tshark(file, ['udp.srcport', 'udp.dstport', 'udp.length', 'udp.checksum.status']);
    expect(rows.map((r) => r.map(Number))).toEqual(messages.map((m) => [m.src.port, m.dst.port, m.bytes.length, 1]));
  });

  it('HTTP: every request and response of a lesson decodes as HTTP, none malformed', () => {
    for (const lesson of ['http-persistent.l7.json', 'http-non-persistent.l7.json', 'http-messages.l7.json', 'http-cookies.l7.json', 'http-browser-cache.l7.json', 'http-proxy-cache.l7.json', 'http-access-link-cache.l7.json']) {
      const loaded = parseScenarioText(readFileSync(join('resources/lessons', lesson), 'utf8'));
      if (!loaded.ok) throw new Error('lesson does not load');
      const http = runScenario(loaded.scenario).sim.store.events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'http');
      const { file } = capture(lesson);
      const rows = tshark(file, ['http.request.method', 'http.request.uri', 'http.response.code', '_ws.malformed', '_ws.expert']).filter((r) => r.some((f) => f !== ''));
      // a request or a response per decoded frame (the responses of a pipelined burst share segments: tshark reassembles them, one row per HTTP message at most per frame)
      const requests = rows.filter(([method]) => method !== '').flatMap(([method, uri]) => method!.split(',').map((m, i) => `${m} ${uri!.split(',')[i]}`));
      const responses = rows.flatMap(([, , code]) => (code === '' ? [] : code!.split(',')));
      const isResponse = (m: MessageEvent) => m.summary.startsWith('HTTP/');
      expect(requests).toEqual(http.filter((m) => !isResponse(m)).map((m) => m.summary.replace(/ HTTP\/1\.[01]$/, '')));
      expect(responses).toEqual(http.filter(isResponse).map((m) => m.summary.split(' ')[1]));
      expect(rows.filter((r) => r[3] !== '')).toEqual([]);
    }
  });
});

describe('tshark reads the e-mail lesson', () => {
  beforeEach((ctx) => tsharkTool.guard(ctx));

  it('SMTP and DNS: every command and reply of both sessions decodes as SMTP, the MX query as DNS, none malformed', () => {
    const lesson = 'mail-alice-to-bob.l7.json';
    const loaded = parseScenarioText(readFileSync(join('resources/lessons', lesson), 'utf8'));
    if (!loaded.ok) throw new Error('lesson does not load');
    const smtp = runScenario(loaded.scenario).sim.store.events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'smtp');
    const { file } = capture(lesson);
    const rows = tshark(file, ['smtp.req.command', 'smtp.response.code', 'dns.qry.type', '_ws.malformed']).filter((r) => r.some((f) => f !== ''));
    const commands = rows.flatMap(([c]) => (c === '' ? [] : c!.split(',')));
    const codes = rows.flatMap(([, code]) => (code === '' ? [] : code!.split(',')));
    const sentCommands = smtp.filter((m) => /^[A-Z]{4}\b/.test(m.summary)).map((m) => m.summary.split(' ')[0]);
    expect(commands).toEqual(sentCommands);
    // one code per reply line: a multi-line EHLO reply gives one per line
    expect(new Set(codes)).toEqual(new Set(smtp.filter((m) => /^\d{3}/.test(m.summary)).map((m) => m.summary.slice(0, 3))));
    expect(rows.some(([, , qtype]) => qtype === '15')).toBe(true); // MX
    expect(rows.filter((r) => r[3] !== '')).toEqual([]);
  });

  it('several messages: tshark sees two MAIL FROM transactions and one QUIT in each of the two SMTP streams', () => {
    const { file } = capture('mail-several-messages.l7.json');
    const rows = tshark(file, ['tcp.stream', 'smtp.req.command'], 'smtp.req');
    const perStream = new Map<string, string[]>();
    for (const [stream, commands] of rows) perStream.set(stream!, [...(perStream.get(stream!) ?? []), ...commands!.split(',')]);
    expect([...perStream.values()].map((c) => [c.filter((x) => x === 'MAIL').length, c.filter((x) => x === 'QUIT').length])).toEqual([
      [2, 1],
      [2, 1],
    ]);
  });

  it('bounce and IMAP vs POP3: the POP3 sessions decode as POP, none malformed', () => {
    for (const [lesson, expected] of [
      ['mail-bounce.l7.json', ['USER', 'PASS', 'STAT', 'LIST', 'RETR', 'QUIT']],
      ['mail-imap-vs-pop3.l7.json', ['USER', 'PASS', 'STAT', 'LIST', 'RETR', 'DELE', 'RETR', 'DELE', 'QUIT']],
    ] as const) {
      const { file } = capture(lesson);
      const rows = tshark(file, ['pop.request.command', '_ws.malformed'], 'pop');
      expect(rows.map(([c]) => c).filter((c) => c !== '')).toEqual(expected);
      expect(rows.filter((r) => r[1] !== '')).toEqual([]);
    }
  });

  it('IMAP: Bob\'s reading session decodes as IMAP, command by command, none malformed', () => {
    const { file } = capture('mail-alice-to-bob.l7.json');
    const rows = tshark(file, ['imap.request.command', 'imap.response.status', '_ws.malformed'], 'imap');
    expect(rows.map(([c]) => c).filter((c) => c !== '')).toEqual(['LOGIN', 'SELECT', 'FETCH', 'FETCH', 'LOGOUT']);
    expect(rows.filter(([, status]) => status !== '').length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r[2] !== '')).toEqual([]);
  });
});
