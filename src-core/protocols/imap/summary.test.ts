import { describe, expect, it } from 'vitest';
import { isResponseStart, summarizeImapBytes } from './summary';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('IMAP summaries of chunks read from a socket', () => {
  it('summarises a tagged command, LOGIN without its password, a literal as "…"', () => {
    expect(summarizeImapBytes(bytes('A1 LOGIN bob ketchup\r\n'))).toBe('A1 LOGIN bob ••••');
    expect(summarizeImapBytes(bytes('A2 SELECT INBOX\r\n'))).toBe('A2 SELECT INBOX');
    expect(summarizeImapBytes(bytes('A3 APPEND INBOX {5+}\r\nhello\r\n'))).toBe('A3 APPEND INBOX {5+}…');
    expect(summarizeImapBytes(bytes('A4 NOOP\r\nA5 LOGOUT\r\n'))).toBe('A4 NOOP (+1 more)');
  });

  it('summarises responses: untagged, continuation and tagged', () => {
    expect(summarizeImapBytes(bytes('* OK [CAPABILITY IMAP4rev2] ready\r\n'))).toBe('* OK [CAPABILITY IMAP4rev2] ready');
    expect(summarizeImapBytes(bytes('* 3 EXISTS\r\n* 0 RECENT\r\nA2 OK [READ-WRITE] SELECT completed\r\n'))).toBe('* 3 EXISTS (+2 more)');
    expect(summarizeImapBytes(bytes('* 1 FETCH (BODY[] {5}\r\nhello)\r\n'))).toBe('* 1 FETCH (BODY[] {5}…');
    expect(summarizeImapBytes(bytes('A1 NO [AUTHENTICATIONFAILED] wrong\r\n'))).toBe('A1 NO [AUTHENTICATIONFAILED] wrong');
    expect(isResponseStart(bytes('+ go ahead\r\n'))).toBe(true);
    expect(isResponseStart(bytes('A1 LOGIN bob x\r\n'))).toBe(false);
  });

  it('gives null without a whole unit: a line not yet ended, a literal still to come', () => {
    expect(summarizeImapBytes(bytes('A1 LOGIN bob'))).toBeNull();
    expect(summarizeImapBytes(bytes('A3 APPEND INBOX {50}\r\nhel'))).toBeNull();
    expect(summarizeImapBytes(bytes(''))).toBeNull();
  });
});
