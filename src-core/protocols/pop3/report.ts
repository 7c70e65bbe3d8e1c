/**
 * POP3 engine events → state events and metrics. Metric: `mailboxReadTime`
 * (s) at the client, from its connect to the answer to its QUIT: the time
 * to read the whole mailbox (with each message's deletion in
 * download-and-delete mode).
 */
import type { Reporter } from '../../host/reporter';
import { toSeconds } from '../../sim/time';
import { secondsText } from '../bulk/report';
import type { LoginFailure, Pop3Event, Pop3StateData } from './events';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const FAILURE: Readonly<Record<LoginFailure, string>> = {
  'no-such-user': 'no such user',
  'bad-password': 'wrong password',
  locked: 'the maildrop is locked by another session (RFC 1939 §8)',
};

export function reportPop3(e: Pop3Event, r: Reporter<Pop3StateData>): void {
  switch (e.type) {
    case 'pop3.loggedIn':
      r.state('pop3.loggedIn', { summary: `${e.user} logged in: maildrop locked, ${plural(e.messages, 'message')} (${e.octets} octets)`, causedBy: e.cause, connection: e.connection, data: { user: e.user, messages: e.messages, octets: e.octets } });
      return;
    case 'pop3.loginFailed':
      r.state('pop3.loginFailed', { summary: `login of ${e.user} refused: ${FAILURE[e.reason]}`, causedBy: e.cause, connection: e.connection, data: { user: e.user, reason: e.reason } });
      return;
    case 'pop3.retrieved':
      r.state('pop3.retrieved', {
        summary: e.lines === null ? `message ${e.number} (uid ${e.uid}) sent to ${e.user}: ${e.octets} octets` : `head and ${plural(e.lines, 'line')} of message ${e.number} sent to ${e.user} (TOP)`,
        causedBy: e.cause,
        connection: e.connection,
        data: { user: e.user, number: e.number, uid: e.uid, octets: e.octets, lines: e.lines },
      });
      return;
    case 'pop3.marked':
      r.state('pop3.marked', { summary: `message ${e.number} marked for deletion (it goes at QUIT)`, causedBy: e.cause, connection: e.connection, data: { user: e.user, number: e.number } });
      return;
    case 'pop3.reset':
      r.state('pop3.reset', { summary: `RSET: ${plural(e.unmarked, 'message')} no longer marked for deletion`, causedBy: e.cause, connection: e.connection, data: { user: e.user, unmarked: e.unmarked } });
      return;
    case 'pop3.deleted':
      r.state('pop3.deleted', {
        summary: `UPDATE: ${e.numbers.length === 1 ? `message ${e.numbers[0]}` : `messages ${e.numbers.join(', ')}`} of ${e.user} deleted, ${plural(e.left, 'message')} left`,
        causedBy: e.cause,
        connection: e.connection,
        data: { user: e.user, numbers: e.numbers, uids: e.uids, left: e.left },
      });
      return;
    case 'pop3.aborted': {
      const why = e.reason === 'autologout' ? 'autologout: idle too long (RFC 1939 §3)' : 'the connection ended without QUIT';
      const kept = e.discarded > 0 ? `, ${plural(e.discarded, 'deletion mark')} dropped: nothing deleted` : ': nothing deleted';
      r.state('pop3.aborted', { summary: `session${e.user === null ? '' : ` of ${e.user}`} over, ${why}${e.user === null ? '' : ', the lock released'}${kept}`, connection: e.connection, data: { user: e.user, reason: e.reason, discarded: e.discarded } });
      return;
    }
    case 'pop3.error':
      r.state('pop3.error', { summary: `"${e.command}" refused (${e.state} state): ${e.reply}`, causedBy: e.cause, connection: e.connection, data: { command: e.command, state: e.state, reply: e.reply } });
      return;
    case 'pop3.mailboxListed':
      r.state('pop3.mailboxListed', { summary: `mailbox of ${e.user}: ${plural(e.messages, 'message')} (${e.octets} octets)`, causedBy: e.cause, connection: e.connection, data: { user: e.user, messages: e.messages, octets: e.octets } });
      return;
    case 'pop3.downloaded':
      r.state('pop3.downloaded', {
        summary: `message ${e.number} downloaded: ${e.octets} octets${e.subject === '' ? ', no subject' : `, "${e.subject}"`}`,
        causedBy: e.cause,
        connection: e.connection,
        data: { number: e.number, octets: e.octets, subject: e.subject },
      });
      return;
    case 'pop3.done': {
      const how = e.kept ? 'kept on the server (download-and-keep)' : 'deleted from the server (download-and-delete)';
      r.state('pop3.done', {
        summary: `mailbox of ${e.user} read: ${plural(e.messages, 'message')} (${e.octets} octets) in ${secondsText(e.elapsed)}, ${how}`,
        causedBy: e.cause,
        connection: e.connection,
        data: { user: e.user, messages: e.messages, octets: e.octets, kept: e.kept, elapsed: toSeconds(e.elapsed) },
      });
      r.durationMetric('mailboxReadTime', e.elapsed, (s) => `${e.user}: ${plural(e.messages, 'message')} read in ${s}`);
      return;
    }
    case 'pop3.failed':
      r.state('pop3.failed', { summary: `could not read the mailbox of ${e.user}: ${e.reason}`, causedBy: e.cause, connection: e.connection, data: { user: e.user, reason: e.reason } });
      return;
  }
}
