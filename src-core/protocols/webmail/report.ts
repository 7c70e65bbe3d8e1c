/**
 * Webmail engine events → state events and metrics. Metric: `inboxTime`
 * (s) at the webmail server, from a GET /inbox's arrival to its page going
 * out — almost all of it the IMAP dialogue behind the page.
 */
import type { Reporter } from '../../host/reporter';
import { toSeconds } from '../../sim/time';
import { secondsText } from '../bulk/report';
import type { WebmailEvent, WebmailStateData } from './events';

export function reportWebmail(e: WebmailEvent, r: Reporter<WebmailStateData>): void {
  const at = { causedBy: 'cause' in e ? e.cause : null, connection: e.connection };
  switch (e.type) {
    case 'webmail.sessionCreated':
      r.state('webmail.sessionCreated', { summary: `${e.user} logged in: web session ${e.session}`, ...at, data: { user: e.user, session: e.session } });
      return;
    case 'webmail.sessionEnded':
      r.state('webmail.sessionEnded', { summary: `web session ${e.session} of ${e.user} ended (${e.reason === 'logout' ? 'logged out' : 'expired'})`, ...at, data: { user: e.user, session: e.session, reason: e.reason } });
      return;
    case 'webmail.loginRefused':
      r.state('webmail.loginRefused', { summary: `login of ${e.user} refused by the IMAP server: ${e.reason}`, ...at, data: { user: e.user, reason: e.reason } });
      return;
    case 'webmail.imapDone':
      r.state('webmail.imapDone', {
        summary: `IMAP for ${e.page} (${e.user}): ${e.commands.join(', ')}; ${e.messages} message${e.messages === 1 ? '' : 's'} in ${secondsText(e.elapsed)}`,
        ...at,
        data: { user: e.user, page: e.page, commands: e.commands, messages: e.messages, elapsed: toSeconds(e.elapsed) },
      });
      return;
    case 'webmail.imapFailed':
      r.state('webmail.imapFailed', { summary: `IMAP for ${e.page} (${e.user}) failed: ${e.reason}`, ...at, data: { user: e.user, page: e.page, reason: e.reason } });
      return;
    case 'webmail.answered':
      r.state('webmail.answered', {
        summary: `${e.method} ${e.target} → ${e.status}${e.note === '' ? '' : `: ${e.note}`}${e.elapsed > 0 ? ` (${secondsText(e.elapsed)})` : ''}`,
        ...at,
        data: { method: e.method, target: e.target, status: e.status, user: e.user, note: e.note, elapsed: toSeconds(e.elapsed) },
      });
      if (e.status === 200 && (e.method === 'GET' || e.method === 'HEAD') && e.target.split(/[?#]/)[0] === '/inbox') r.durationMetric('inboxTime', e.elapsed, (s) => `${e.user ?? ''}'s inbox page made in ${s}`);
      return;
    case 'webmail.malformed':
      r.state('webmail.malformed', { summary: `not an HTTP request: ${e.reason} (byte ${e.offset})`, ...at, data: { reason: e.reason, offset: e.offset } });
      return;
    case 'webmail.idleClosed':
      r.state('webmail.idleClosed', { summary: `closed a connection idle for ${secondsText(e.idle)}`, connection: e.connection, data: { idle: toSeconds(e.idle) } });
      return;
  }
}
