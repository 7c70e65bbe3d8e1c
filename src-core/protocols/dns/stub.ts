/**
 * The stub resolver hosts use to look names up (the operating system's, RFC
 * 1123 §6.1.3.1): one query with RD set to the local DNS server over UDP,
 * asked again after `timeout`, up to three times.
 *
 * Rules:
 * - An answer with TC set (RFC 1035 §4.2.1) is not used: the same query
 *   goes to the same server over TCP (RFC 7766 §5; tcp-apps.ts), and that
 *   answer is the result. The TCP attempt gets `timeout` too; if it fails,
 *   the lookup fails (or falls back to the hosts file).
 * - When DNS gives no address, the hosts file may.
 */
import type { AppContext } from '../../host/app-context';
import type { TimerHandle } from '../../sim/scheduler';
import type { SimTime } from '../../sim/time';
import { decodeDns, encodeDns } from './codec';
import { DNS_PORT, DNS_RCODE, DNS_TYPE, rcodeName, typeName } from './constants';
import { describeData } from './dissect';
import { canonicalName, displayName } from './names';
import { summarizeDns } from './summary';
import { exchangeOverTcp, PROTOCOL } from './tcp-apps';
import type { DnsMessage } from './types';

const STUB_TRIES = 3;

export function runDnsLookup(ctx: AppContext, resolverNode: string, name: string, qtype: number, timeout: SimTime, hostsFile: readonly { name: string; address: string }[] = []): void {
  const startedAt = ctx.now;
  /** When DNS gives no address, the hosts file may (the fallback of the stub resolver). */
  const fallback = (why: string): boolean => {
    const entry = qtype === DNS_TYPE.A ? hostsFile.find((h) => canonicalName(h.name) === canonicalName(name)) : undefined;
    if (!entry) return false;
    ctx.state({ protocol: PROTOCOL, type: 'dns.answer', summary: `${displayName(name)} A: addr ${entry.address} (from the hosts file; DNS said ${why})`, data: { name, rcode: why, answers: [`addr ${entry.address}`], source: 'hosts file' } });
    ctx.durationMetric('resolutionTime', startedAt, (s) => `${displayName(name)} resolved in ${s} (hosts file)`);
    return true;
  };
  const failed = (summary: string, connection: string | null = null): void => {
    if (fallback('nothing')) return;
    ctx.state({ protocol: PROTOCOL, type: 'dns.lookupFailed', summary, connection });
  };
  const socket = ctx.stack.udpSocket();
  const id = ctx.randomUint32() & 0xffff;
  const message: DnsMessage = {
    header: { id, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 },
    questions: [{ name, type: qtype, class: 1 }],
    answers: [],
    authorities: [],
    additionals: [],
  };
  const bytes = encodeDns(message);
  const server = ctx.addressOf(resolverNode);
  let tries = 0;
  let timer: TimerHandle | null = null;
  const send = (): void => {
    tries++;
    socket.sendTo(bytes, server, DNS_PORT, { protocol: PROTOCOL, summary: summarizeDns(message) });
    timer = ctx.after(timeout, () => {
      if (tries < STUB_TRIES) return send();
      socket.close();
      failed(`no answer for ${displayName(name)} after ${tries} tries`);
    });
  };
  const answered = (r: DnsMessage, messageId: number | null, connection: string | null): void => {
    const found = r.answers.map((a) => describeData(a));
    if (!r.answers.some((a) => a.data.type === 'A') && fallback(rcodeName(r.header.rcode))) return;
    const outcome = r.header.rcode === DNS_RCODE.NOERROR ? (found.length ? found.join(', ') : 'no records of that type') : rcodeName(r.header.rcode);
    ctx.state({ protocol: PROTOCOL, type: 'dns.answer', summary: `${displayName(name)} ${typeName(qtype)}: ${outcome}`, connection, causedBy: messageId, data: { name, rcode: rcodeName(r.header.rcode), answers: found } });
    ctx.durationMetric('resolutionTime', startedAt, (s) => `${displayName(name)} resolved in ${s}`);
  };
  const overTcp = (causedBy: number | null): void => {
    ctx.state({ protocol: PROTOCOL, type: 'dns.truncated', summary: `truncated answer for ${displayName(name)}: asking again over TCP`, causedBy, data: { name } });
    exchangeOverTcp(ctx, {
      server,
      bytes,
      message,
      causedBy,
      timeout,
      onAnswer: (data, messageId, connection) => {
        const reply = decodeDns(data);
        if (!reply.ok || reply.value.header.id !== id || !reply.value.header.qr) return failed(`no usable answer for ${displayName(name)} over TCP`, connection);
        answered(reply.value, messageId, connection);
      },
      onFailure: (why, connection) => failed(`no answer for ${displayName(name)} over TCP (connection ${why})`, connection),
    });
  };
  socket.onMessage = (m) => {
    const reply = decodeDns(m.data);
    if (!reply.ok || reply.value.header.id !== id || !reply.value.header.qr) return; // not ours
    timer?.cancel();
    socket.close();
    if (reply.value.header.tc) return overTcp(m.messageId);
    answered(reply.value, m.messageId, null);
  };
  send();
}
