import { describe, expect, it } from 'vitest';
import { encodeCommand } from './command';
import { encodeReply } from './reply';
import { commandSummary, summarizeSmtpBytes } from './summary';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('SMTP summaries', () => {
  it('shows a command as sent, AUTH without its credentials', () => {
    expect(commandSummary({ verb: 'MAIL', args: 'FROM:<alice@crepes.fr>' })).toBe('MAIL FROM:<alice@crepes.fr>');
    expect(commandSummary({ verb: 'AUTH', args: 'PLAIN AGFsaWNlAGNyb2lzc2FudA==' })).toBe('AUTH PLAIN ••••');
    expect(commandSummary({ verb: 'AUTH', args: 'PLAIN' })).toBe('AUTH PLAIN');
    expect(commandSummary({ verb: 'DATA', args: '' })).toBe('DATA');
  });

  it('summarises a chunk read from a socket by its first command, counting pipelined lines', () => {
    expect(summarizeSmtpBytes(encodeCommand('EHLO', 'crepes.fr'))).toBe('EHLO crepes.fr');
    expect(summarizeSmtpBytes(bytes('auth plain AGFsaWNlAGNyb2lzc2FudA==\r\n'))).toBe('AUTH plain ••••'); // the verb in upper case, the rest as sent
    expect(summarizeSmtpBytes(bytes('MAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n'))).toBe('MAIL FROM:<a@b> (+2 more lines)');
    expect(summarizeSmtpBytes(bytes('QUIT\n'))).toBe('QUIT');
  });

  it('summarises a reply by its code and first line, a multi-line one as one reply, and counts replies after it', () => {
    expect(summarizeSmtpBytes(encodeReply(220, 'mail.hamburger.edu ESMTP'))).toBe('220 mail.hamburger.edu ESMTP');
    expect(summarizeSmtpBytes(encodeReply(250, ['mail.hamburger.edu', 'PIPELINING', 'AUTH PLAIN']))).toBe('250 mail.hamburger.edu (+2 lines)');
    expect(summarizeSmtpBytes(bytes('250 2.1.0 OK\r\n250 2.1.5 OK\r\n354 go ahead\r\n'))).toBe('250 2.1.0 OK (+2 more replies)');
    expect(summarizeSmtpBytes(bytes('250 2.1.0 OK\r\n250 2.1.5 OK\r\n'))).toBe('250 2.1.0 OK (+1 more reply)');
  });

  it('gives null for mail data, a line not yet ended or no verb', () => {
    expect(summarizeSmtpBytes(bytes('From: alice@crepes.fr\r\nSubject: Lunch\r\n\r\n'))).toBeNull();
    expect(summarizeSmtpBytes(bytes('Hello Bob\r\n'))).toBeNull(); // a word, but not a verb
    expect(summarizeSmtpBytes(bytes('EHLO crepes.fr'))).toBeNull();
    expect(summarizeSmtpBytes(bytes(''))).toBeNull();
    expect(summarizeSmtpBytes(bytes('\r\n'))).toBeNull();
  });
});
