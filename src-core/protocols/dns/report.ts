/**
 * DNS engine events → state events and metrics (the trace's words for them;
 * docs/trace-format.md lists every type with its data).
 */
import { formatIpv4 } from '../../net/ipv4';
import type { Reporter } from '../../host/reporter';
import type { MessageEvent } from '../../trace/types';
import { IP_UDP_HEADERS } from './attack-engines';
import { DNS_RCODE, rcodeName, typeName } from './constants';
import { describeData } from './dissect';
import type { DnsEvent, DnsStateData } from './events';
import { displayName } from './names';

export function reportDns(e: DnsEvent, r: Reporter<DnsStateData>): void {
  switch (e.type) {
    case 'dns.cacheHit':
      r.state('dns.cacheHit', { summary: `cache hit: ${displayName(e.name)} ${typeName(e.qtype)}`, causedBy: e.cause, data: { name: e.name, type: typeName(e.qtype) } });
      return;
    case 'dns.cache': {
      const entry = e.change.entry;
      const what = entry.negative ? (entry.negative === 'nxdomain' ? 'no such name' : `no ${typeName(entry.type)} records`) : entry.records.map((x) => describeData(x)).join(', ');
      const ttl = Math.round((entry.expiresAt - r.now) / 1e9);
      const type = entry.negative === 'nxdomain' ? 'any' : typeName(entry.type);
      const data = { name: entry.name, type, negative: entry.negative, expiresAt: entry.expiresAt, records: entry.records.map((x) => describeData(x)) };
      if (e.change.type === 'stored') r.state('dns.cacheStored', { summary: `cached ${displayName(entry.name)} ${type} for ${ttl} s: ${what}`, causedBy: e.cause, data });
      else r.state('dns.cacheExpired', { summary: `expired from cache: ${displayName(entry.name)} ${type}`, causedBy: e.cause, data });
      return;
    }
    case 'dns.retransmit': {
      const server = formatIpv4(e.server.address);
      r.state('dns.timeout', { summary: `no answer from ${server} for ${displayName(e.name)}: asking again`, causedBy: e.cause, data: { server, name: e.name } });
      return;
    }
    case 'dns.truncated': {
      const server = formatIpv4(e.server.address);
      r.state('dns.truncated', { summary: `truncated answer from ${server} for ${displayName(e.name)}: asking again over TCP`, causedBy: e.cause, data: { server, name: e.name } });
      return;
    }
    case 'dns.tcpFailed': {
      const server = formatIpv4(e.server.address);
      r.state('dns.tcpFailed', { summary: `TCP connection to ${server} for ${displayName(e.name)} failed`, causedBy: e.cause, data: { server, name: e.name } });
      return;
    }
    case 'dns.bogus': {
      const from = formatIpv4(e.from);
      r.state('dns.bogus', { summary: `ignored an answer for ${displayName(e.name)} from ${from}: its signature does not check out`, causedBy: e.cause, data: { name: e.name, from } });
      return;
    }
    case 'dns.unmatched': {
      const from = formatIpv4(e.from);
      const id = `0x${e.id.toString(16).padStart(4, '0')}`;
      if (e.port !== undefined) {
        r.state('dns.unmatched', { summary: `dropped a response from ${from} with id ${id}: it came to port ${e.port}, and no query of ours left from there`, causedBy: e.cause, data: { id: e.id, from, port: e.port } });
      } else r.state('dns.unmatched', { summary: `dropped a response from ${from} with id ${id}: no query of ours matches it`, causedBy: e.cause, data: { id: e.id, from } });
      return;
    }
    case 'dns.overloaded':
      r.state('dns.overloaded', { summary: `${e.limit} lookups already in progress: answered SERVFAIL for ${displayName(e.name)}`, causedBy: e.cause, data: { name: e.name, limit: e.limit } });
      return;
    case 'dns.resolved':
      r.state('dns.resolved', {
        summary: `resolved ${displayName(e.name)} ${typeName(e.qtype)}: ${rcodeName(e.rcode)} after ${e.queries} ${e.queries === 1 ? 'query' : 'queries'}`,
        causedBy: e.cause,
        data: { name: e.name, rcode: rcodeName(e.rcode), queries: e.queries },
      });
      return;
    case 'dns.tcpFramingError':
      r.state('dns.tcpFramingError', { summary: `zero length field at stream byte ${e.offset}: resetting the connection`, connection: e.connection, causedBy: e.cause, data: { offset: e.offset } });
      return;
    case 'dns.answered': {
      const outcome = e.rcode === DNS_RCODE.NOERROR ? (e.answers.length ? e.answers.join(', ') : 'no records of that type') : rcodeName(e.rcode);
      r.state('dns.answer', { summary: `${displayName(e.name)} ${typeName(e.qtype)}: ${outcome}`, connection: e.connection, causedBy: e.cause, data: { name: e.name, rcode: rcodeName(e.rcode), answers: e.answers } });
      r.durationMetric('resolutionTime', e.elapsed, (s) => `${displayName(e.name)} resolved in ${s}`);
      return;
    }
    case 'dns.answeredFromHosts':
      r.state('dns.answer', {
        summary: `${displayName(e.name)} A: addr ${e.address} (from the hosts file; DNS said ${e.why})`,
        data: { name: e.name, rcode: e.why, answers: [`addr ${e.address}`], source: 'hosts file' },
      });
      r.durationMetric('resolutionTime', e.elapsed, (s) => `${displayName(e.name)} resolved in ${s} (hosts file)`);
      return;
    case 'dns.stubTruncated':
      r.state('dns.truncated', { summary: `truncated answer for ${displayName(e.name)}: asking again over TCP`, causedBy: e.cause, data: { name: e.name } });
      return;
    case 'dns.lookupFailed':
      r.state('dns.lookupFailed', { summary: e.summary, connection: e.connection, data: {} });
      return;
    case 'dns.attackStarted':
      r.state('dns.attack', { summary: `poisoning: asked for ${displayName(e.name)}, now racing ${e.guesses} forged answers "${e.forgedAddress}" as ${e.spoofAs}`, causedBy: e.trigger, data: {} });
      return;
    case 'dns.amplificationMeasured':
      reportAmplification(e, r);
      return;
  }
}

/**
 * A network tap at the victim would see these bytes; here the trace is the
 * tap: answers that reached the victim's host (most are dropped there, no
 * socket listens on the port), not those lost on the way.
 */
function reportAmplification(e: Extract<DnsEvent, { type: 'dns.amplificationMeasured' }>, r: Reporter<DnsStateData>): void {
  const caused = new Set<number>();
  for (const q of e.queries) {
    const id = r.resolve(q);
    if (id !== null) caused.add(id);
  }
  let answerBytes = 0;
  for (const m of r.events) {
    if (m.kind === 'message' && m.layer === 'application' && reachedHost(m) && m.causedBy !== null && caused.has(m.causedBy)) answerBytes += m.bytes.length + IP_UDP_HEADERS;
  }
  const factor = e.queryBytes > 0 ? answerBytes / e.queryBytes : 0;
  r.metric('amplificationFactor', Number(factor.toFixed(2)), 'factor', `${e.count} queries of ${typeName(e.qtype)} ${displayName(e.name)}: ${e.queryBytes} bytes sent, ${answerBytes} bytes reached ${e.victim} (×${factor.toFixed(1)})`);
}

/** Whether a message got to its destination host: delivered, or dropped there because no socket listens on its port. */
function reachedHost(m: MessageEvent): boolean {
  return m.receivedAt !== null || m.lost?.reason === 'port-unreachable';
}
