// The IMAP vs POP3 lesson (Kurose & Ross §2.3.4): IMAP reads leave the mail
// on the server, only flagged \Seen; POP3 download-and-delete marks each
// message at DELE and removes it at QUIT; the next IMAP read finds none.
import { describe, expect, it } from 'vitest';
import lesson from '../../../resources/lessons/mail-imap-vs-pop3.l7.json';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { MessageEvent, StateEvent } from '../../trace/types';

describe('the IMAP vs POP3 lesson', () => {
  it('IMAP keeps the mail and sets \\Seen; POP3 RETR then DELE, deleted at QUIT; IMAP then finds the INBOX empty', () => {
    const loaded = parseScenarioText(JSON.stringify(lesson));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const events = runScenario(loaded.scenario).sim.store.events;
    const states = events.filter((e): e is StateEvent => e.kind === 'state' && (e.protocol === 'imap' || e.protocol === 'pop3') && e.node === 'hamburger');
    const story = states.filter((s) => ['imap.selected', 'imap.flagsChanged', 'imap.expunged', 'pop3.retrieved', 'pop3.marked', 'pop3.deleted'].includes(s.type)).map((s) => {
      if (s.type === 'imap.selected') return `IMAP SELECT: ${String(s.data['exists'])}`;
      if (s.type === 'imap.flagsChanged') return `IMAP UID ${String(s.data['uid'])} +${(s.data['added'] as string[]).join(' ')}`;
      if (s.type === 'pop3.deleted') return `POP3 QUIT: ${(s.data['uids'] as number[]).join(', ')} deleted, ${String(s.data['left'])} left`;
      return `${s.type} ${String(s.data['number'] ?? s.data['uids'])}`;
    });
    expect(story).toEqual([
      'IMAP SELECT: 2',
      'IMAP UID 1 +\\Seen',
      'IMAP UID 2 +\\Seen',
      'pop3.retrieved 1',
      'pop3.marked 1',
      'pop3.retrieved 2',
      'pop3.marked 2',
      'POP3 QUIT: 1, 2 deleted, 0 left',
      'IMAP SELECT: 0',
    ]);
    // the phone's commands: RETR then DELE for each message, the deletion only at QUIT
    const phone = events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'pop3' && e.from === 'phone').map((m) => m.summary);
    expect(phone.slice(-5)).toEqual(['RETR 1', 'DELE 1', 'RETR 2', 'DELE 2', 'QUIT']);
    const reads = events.filter((e): e is StateEvent => e.kind === 'state' && e.type === 'imap.mailboxRead').map((s) => s.data['messages']);
    expect(reads).toEqual([2, 0]);
  });
});
