/**
 * SMTP engine events → state events (docs/trace-format.md, "SMTP").
 * Summaries name the mailbox or queue change in words: "delivered to bob's
 * INBOX (uid 3)", "550 refused RCPT: no such user".
 */
import type { Reporter } from '../../host/reporter';
import { toSeconds } from '../../sim/time';
import { secondsText } from '../bulk/report';
import type { SmtpEvent, SmtpStateData } from './events';

export function reportSmtp(e: SmtpEvent, r: Reporter<SmtpStateData>): void {
  switch (e.type) {
    case 'smtp.refused':
      r.state('smtp.refused', { summary: `refused ${e.command}: ${e.code} ${e.reason}`, causedBy: e.cause, connection: e.connection, data: { command: e.command, code: e.code, reason: e.reason } });
      return;
    case 'smtp.malformed':
      r.state('smtp.malformed', { summary: `not an SMTP command: ${e.reason}`, causedBy: e.cause, connection: e.connection, data: { reason: e.reason } });
      return;
    case 'smtp.authenticated':
      r.state('smtp.authenticated', { summary: e.ok ? `${e.user} logged in (AUTH PLAIN)` : `AUTH PLAIN failed for ${e.user}`, causedBy: e.cause, connection: e.connection, data: { user: e.user, ok: e.ok } });
      return;
    case 'smtp.accepted': {
      const where = [...(e.local.length > 0 ? [`for ${e.local.join(', ')}`] : []), ...(e.remote.length > 0 ? [`to relay to ${e.remote.join(', ')}`] : [])].join(' and ');
      r.state('smtp.accepted', { summary: `message ${e.id} from <${e.from}> accepted (${e.bytes} bytes) ${where}`, causedBy: e.cause, connection: e.connection, data: { id: e.id, from: e.from, local: e.local, remote: e.remote, bytes: e.bytes } });
      return;
    }
    case 'smtp.delivered':
      r.state('smtp.delivered', { summary: `message ${e.id} put in ${e.user}'s INBOX (uid ${e.uid}, ${e.bytes} bytes)`, causedBy: e.cause, connection: e.connection, data: { id: e.id, user: e.user, uid: e.uid, bytes: e.bytes } });
      return;
    case 'smtp.relayNeeded':
      r.state('smtp.relayNeeded', { summary: `message ${e.id} queued for ${e.to.join(', ')}`, causedBy: e.cause, connection: e.connection, data: { id: e.id, from: e.from, to: e.to, bytes: e.message.length } });
      return;
    case 'smtp.mxNeeded':
      return; // the DNS lookups show it
    case 'smtp.queued':
      r.state('smtp.queued', { summary: `queue: message ${e.id} waits for ${e.to.join(', ')} (${e.domain})`, causedBy: e.cause, data: { id: e.id, domain: e.domain, to: e.to } });
      return;
    case 'smtp.relayAttempt':
      if (e.joins !== null) {
        r.state('smtp.relayAttempt', { summary: `queue: message ${e.id}, attempt ${e.attempt}: on the connection of message ${e.joins} to ${e.host} (${e.address})`, data: { id: e.id, domain: e.domain, host: e.host, address: e.address, attempt: e.attempt, joins: e.joins } });
        return;
      }
      r.state('smtp.relayAttempt', { summary: `queue: message ${e.id}, attempt ${e.attempt}: connecting to ${e.host} (${e.address})`, data: { id: e.id, domain: e.domain, host: e.host, address: e.address, attempt: e.attempt } });
      return;
    case 'smtp.relayed':
      r.state('smtp.relayed', { summary: `queue: message ${e.id} relayed to ${e.host} for ${e.to.join(', ')}`, connection: e.connection, data: { id: e.id, to: e.to, host: e.host, reply: e.reply } });
      return;
    case 'smtp.deferred':
      r.state('smtp.deferred', { summary: `queue: message ${e.id} deferred (${e.reply}); attempt ${e.attempt + 1} at ${secondsText(e.retryAt)}`, data: { id: e.id, to: e.to, reply: e.reply, attempt: e.attempt, retryAt: toSeconds(e.retryAt) } });
      return;
    case 'smtp.bounced':
      r.state('smtp.bounced', { summary: `queue: message ${e.id} not delivered to ${e.to.join(', ')}: ${e.reason}${e.toSender === null ? ' (a bounce: not bounced again)' : `; bounce sent to ${e.toSender}`}`, data: { id: e.id, to: e.to, reason: e.reason, toSender: e.toSender } });
      return;
    case 'smtp.composed': {
      const sevenBit = e.encoded.length === 0 ? '' : `; to keep it 7-bit (the server is not asked for 8BITMIME): ${e.encoded.join(', ')}`;
      r.state('smtp.composed', { summary: `message ${e.id} written: ${e.contentType}, ${e.bytes} bytes${sevenBit}`, data: { id: e.id, bytes: e.bytes, contentType: e.contentType, encoded: e.encoded } });
      return;
    }
    case 'smtp.submitted': {
      const taken = e.results.filter((x) => x.outcome === 'delivered').length;
      const summary = taken === e.results.length ? `message ${e.id} submitted for ${e.results.map((x) => x.to).join(', ')}` : `message ${e.id}: ${e.results.map((x) => `${x.to} ${x.outcome} (${x.reply})`).join('; ')}`;
      r.state('smtp.submitted', { summary, connection: e.connection, data: { id: e.id, results: e.results.map((x) => ({ to: x.to, outcome: x.outcome, reply: x.reply })) } });
      r.durationMetric('submissionTime', e.elapsed, (t) => `message ${e.id} handed to the mail server in ${t}`);
      return;
    }
    case 'smtp.timedOut':
      r.state('smtp.timedOut', { summary: 'session idle for 5 minutes: 421, closed', connection: e.connection, data: {} });
      return;
  }
}
