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
});
