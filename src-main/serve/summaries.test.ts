import { describe, expect, it } from 'vitest';
import { summarizeIncoming } from './summaries';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('summaries of what a client or origin sent to l7 serve', () => {
  it('names an HTTP chunk by the request or status line it begins with', () => {
    expect(summarizeIncoming('http', bytes('GET http://www.example.com/a.jpg HTTP/1.1\r\nHost: www.example.com\r\n\r\n'), 'tcp')).toBe('GET http://www.example.com/a.jpg HTTP/1.1');
    expect(summarizeIncoming('http', bytes('HTTP/1.1 304 Not Modified\r\nETag: "x"\r\n\r\n'), 'tcp')).toBe('HTTP/1.1 304 Not Modified');
  });

  it('describes a chunk that is not the start of an HTTP message by its size', () => {
    expect(summarizeIncoming('http', bytes('the middle of a body'), 'tcp')).toBe('20 bytes');
    expect(summarizeIncoming('http', bytes('GET / HTTP/1.1'), 'tcp')).toBe('14 bytes'); // the line is not ended yet
    expect(summarizeIncoming('http', bytes('\r\n'), 'tcp')).toBe('2 bytes');
    expect(summarizeIncoming('http', bytes('G T / HTTP/1.1\r\n'), 'tcp')).toBe('16 bytes');
  });

  it('names SMTP, POP3 and IMAP chunks by their first command or reply, with the protocols\' own summarizers', () => {
    expect(summarizeIncoming('smtp', bytes('AUTH PLAIN AGFsaWNlAGNyb2lzc2FudA==\r\n'), 'tcp')).toBe('AUTH PLAIN ••••');
    expect(summarizeIncoming('smtp', bytes('250-mail.hamburger.edu\r\n250 PIPELINING\r\n'), 'tcp')).toBe('250 mail.hamburger.edu (+1 lines)');
    expect(summarizeIncoming('smtp', bytes('Subject: Lunch\r\n\r\nketchup?\r\n.\r\n'), 'tcp')).toBe('31 bytes');
    expect(summarizeIncoming('pop3', bytes('PASS ketchup\r\n'), 'tcp')).toBe('PASS ••••');
    expect(summarizeIncoming('imap', bytes('A1 LOGIN bob ketchup\r\n'), 'tcp')).toBe('A1 LOGIN bob ••••');
    expect(summarizeIncoming('imap', bytes('* 2 EXISTS\r\n'), 'tcp')).toBe('* 2 EXISTS');
    expect(summarizeIncoming('imap', bytes('A1 LOGIN'), 'tcp')).toBe('8 bytes');
  });
});
