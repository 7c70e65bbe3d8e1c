/**
 * IMAP engine events → state events and metrics. Metric: `mailboxReadTime`
 * (s) at the client, from its connect to the OK of its LOGOUT — the time a
 * user agent takes to read the mailbox.
 */
import type { Reporter } from '../../host/reporter';
import { toSeconds } from '../../sim/time';
import { secondsText } from '../bulk/report';
import type { ImapEvent, ImapStateData } from './events';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function reportImap(e: ImapEvent, r: Reporter<ImapStateData>): void {
  const at = { causedBy: 'cause' in e ? e.cause : null, connection: e.connection };
  switch (e.type) {
    case 'imap.loggedIn':
      r.state('imap.loggedIn', { summary: `${e.user} logged in (authenticated state)`, ...at, data: { user: e.user } });
      return;
    case 'imap.loginFailed':
      r.state('imap.loginFailed', { summary: `login refused for ${e.user}: ${e.reason}`, ...at, data: { user: e.user, reason: e.reason } });
      return;
    case 'imap.selected':
      r.state('imap.selected', {
        summary: `${e.user} ${e.readOnly ? 'examines' : 'selected'} ${e.folder}: ${plural(e.exists, 'message')}, UIDVALIDITY ${e.uidValidity}, UIDNEXT ${e.uidNext}${e.readOnly ? ' (read-only)' : ''}`,
        ...at,
        data: { user: e.user, folder: e.folder, exists: e.exists, readOnly: e.readOnly, uidValidity: e.uidValidity, uidNext: e.uidNext },
      });
      return;
    case 'imap.created':
      r.state('imap.created', { summary: `${e.user} created the mailbox ${e.folder}`, ...at, data: { user: e.user, folder: e.folder } });
      return;
    case 'imap.fetched':
      r.state('imap.fetched', {
        summary: `fetched ${e.items.join(' ')} of ${plural(e.uids.length, 'message')} in ${e.folder}${e.seen.length > 0 ? `; \\Seen set on UID ${e.seen.join(', ')}` : ''}`,
        ...at,
        data: { folder: e.folder, uids: e.uids, items: e.items, seen: e.seen },
      });
      return;
    case 'imap.flagsChanged': {
      const change = [...e.added.map((f) => `+${f}`), ...e.removed.map((f) => `-${f}`)].join(' ');
      r.state('imap.flagsChanged', { summary: `UID ${e.uid} in ${e.folder}: ${change} → (${e.flags.join(' ')})`, ...at, data: { folder: e.folder, uid: e.uid, flags: e.flags, added: e.added, removed: e.removed } });
      return;
    }
    case 'imap.expunged':
      r.state('imap.expunged', { summary: `expunged ${plural(e.uids.length, 'message')} from ${e.folder} (UID ${e.uids.join(', ')}; numbers ${e.numbers.join(', ')})`, ...at, data: { folder: e.folder, uids: e.uids, numbers: e.numbers, silent: e.silent } });
      return;
    case 'imap.bad':
      r.state('imap.bad', { summary: `${e.tag ?? '*'} ${e.reply}: ${e.reason} (byte ${e.offset})`, ...at, data: { reply: e.reply, tag: e.tag, reason: e.reason, offset: e.offset } });
      return;
    case 'imap.loggedOut':
      r.state('imap.loggedOut', { summary: `${e.user ?? 'a client that never logged in'} logged out`, ...at, data: { user: e.user } });
      return;
    case 'imap.autologout':
      r.state('imap.autologout', { summary: `autologout after ${secondsText(e.idle)} without a command`, connection: e.connection, data: { idle: toSeconds(e.idle) } });
      return;
    case 'imap.messageRead':
      r.state('imap.messageRead', { summary: `read UID ${e.uid}: ${e.size} bytes${e.subject === null ? '' : `, "${e.subject}"`}`, ...at, data: { uid: e.uid, size: e.size, subject: e.subject, flags: e.flags } });
      return;
    case 'imap.mailboxRead': {
      const what = `${e.user}'s ${e.folder}: ${plural(e.messages, 'message')}, ${e.bytes} bytes${e.deleted > 0 ? `, ${e.deleted} deleted` : ''}`;
      r.state('imap.mailboxRead', { summary: `read ${what} in ${secondsText(e.elapsed)}`, ...at, data: { user: e.user, folder: e.folder, messages: e.messages, bytes: e.bytes, deleted: e.deleted, elapsed: toSeconds(e.elapsed) } });
      r.durationMetric('mailboxReadTime', e.elapsed, (s) => `${what} in ${s}`);
      return;
    }
    case 'imap.readFailed':
      r.state('imap.readFailed', { summary: `could not read the mailbox: ${e.reason}`, causedBy: e.cause, connection: e.connection, data: { reason: e.reason } });
      return;
  }
}
