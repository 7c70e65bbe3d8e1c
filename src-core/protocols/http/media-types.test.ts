import { describe, expect, it } from 'vitest';
import { isHtml, mediaTypeOf, referencingTag } from './media-types';

describe('media types', () => {
  it('come from the extension, bytes when it is unknown', () => {
    expect(mediaTypeOf('/index.html')).toBe('text/html');
    expect(mediaTypeOf('/img/Logo.JPG')).toBe('image/jpeg');
    expect(mediaTypeOf('/v/seg-1.m4s')).toBe('video/iso.segment');
    expect(mediaTypeOf('/data')).toBe('application/octet-stream');
    expect(mediaTypeOf('/a.b/c')).toBe('application/octet-stream');
  });

  it('a page references each kind with the tag a browser fetches', () => {
    expect(referencingTag('/s.css', 'text/css')).toBe('<link rel="stylesheet" href="/s.css">');
    expect(referencingTag('/a.js', 'text/javascript')).toBe('<script src="/a.js"></script>');
    expect(referencingTag('/p.jpg?x=1&y="2"', 'image/jpeg')).toBe('<img src="/p.jpg?x=1&amp;y=&quot;2&quot;" alt="">');
    expect(isHtml('text/html; charset=utf-8')).toBe(true);
    expect(isHtml('text/plain')).toBe(false);
  });
});
