import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charsetOf, decodeHtml, distinctUrls, findHtmlRefs } from './html-refs';

// The page of Kurose & Ross §2.2.1: a base HTML file and ten JPEG images.
const PAGE_URL = 'http://www.someSchool.edu/someDepartment/home.index';
const TEXTBOOK_PAGE = `<!DOCTYPE html>
<html>
<head><title>Some Department</title></head>
<body>
<h1>Welcome</h1>
${Array.from({ length: 10 }, (_, i) => `<img src="picture${i + 1}.jpg" alt="picture ${i + 1}">`).join('\n')}
<p>See <a href="people.html">our people</a>.</p>
</body>
</html>`;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe('findHtmlRefs', () => {
  it("finds the textbook page's ten images, in order, resolved against the page URL", () => {
    const refs = findHtmlRefs(TEXTBOOK_PAGE, PAGE_URL);
    expect(refs.objects.map((r) => r.url)).toEqual(Array.from({ length: 10 }, (_, i) => `http://www.someschool.edu/someDepartment/picture${i + 1}.jpg`));
    expect(refs.objects.every((r) => r.kind === 'image' && r.tag === 'img' && r.attribute === 'src')).toBe(true);
    expect(refs.links).toMatchObject([{ kind: 'link', tag: 'a', url: 'http://www.someschool.edu/someDepartment/people.html' }]);
  });

  it('gives each reference the byte range of its start tag, counting multi-byte characters as their bytes', () => {
    const html = '<p>Café — 🎉</p><IMG  SRC="a.png" ALT="ü"><script src="s.js"></script>';
    const bytes = encoder.encode(html);
    const refs = findHtmlRefs(bytes, 'http://h.example/');
    const tag = (i: number) => decoder.decode(bytes.subarray(refs.objects[i]!.offset, refs.objects[i]!.offset + refs.objects[i]!.length));
    expect(tag(0)).toBe('<IMG  SRC="a.png" ALT="ü">');
    expect(tag(1)).toBe('<script src="s.js">');
    expect(refs.objects[0]!.offset).toBe(encoder.encode('<p>Café — 🎉</p>').length);
  });

  it('resolves relative, absolute, root-relative, protocol-relative and dot-segment URLs, and decodes entities first', () => {
    const html = [
      '<img src="a.png">', '<img src="/b.png">', '<img src="../c.png">', '<img src="//cdn.example/d.png">', '<img src="https://other.example/e.png">',
      '<img src="f.png?x=1&amp;y=2">', '<img src="g&#x2e;png">', '<img src=" h.png\n">', '<img src="i.png#frag">', '<img src=unquoted.png>',
    ].join('');
    expect(findHtmlRefs(html, 'https://www.example.com/dir/page.html').objects.map((r) => r.url)).toEqual([
      'https://www.example.com/dir/a.png', 'https://www.example.com/b.png', 'https://www.example.com/c.png', 'https://cdn.example/d.png',
      'https://other.example/e.png', 'https://www.example.com/dir/f.png?x=1&y=2', 'https://www.example.com/dir/g.png', 'https://www.example.com/dir/h.png',
      'https://www.example.com/dir/i.png', 'https://www.example.com/dir/unquoted.png',
    ]);
  });

  it('keeps the value as written (entities decoded) beside the resolved URL', () => {
    expect(findHtmlRefs('<img src="x&amp;y.png">', 'http://h.example/').objects[0]).toMatchObject({ value: 'x&y.png', url: 'http://h.example/x&y.png' });
  });

  it('resolves against the first <base href> for the references after it', () => {
    const html = '<img src="before.png"><base href="/assets/"><base href="http://ignored.example/"><img src="after.png"><a href="doc.html">d</a>';
    const refs = findHtmlRefs(html, 'http://h.example/dir/page.html');
    expect(refs.objects.map((r) => r.url)).toEqual(['http://h.example/dir/before.png', 'http://h.example/assets/after.png']);
    expect(refs.links[0]!.url).toBe('http://h.example/assets/doc.html');
    expect(refs.baseUrl).toBe('http://h.example/assets/');
  });

  it('keeps the page URL as the base when <base href> does not parse', () => {
    const refs = findHtmlRefs('<base href="http://[bad"><img src="a.png">', 'http://h.example/');
    expect(refs.objects[0]!.url).toBe('http://h.example/a.png');
    expect(refs.skipped).toMatchObject([{ tag: 'base', reason: expect.stringContaining('base URL') }]);
  });

  it('reads tag and attribute names in any case', () => {
    const refs = findHtmlRefs('<LINK REL="StyleSheet" HREF="s.css"><Script SRC="a.js"></Script><IMG src="i.png">', 'http://h.example/');
    expect(refs.objects.map((r) => [r.kind, r.tag, r.url])).toEqual([
      ['stylesheet', 'link', 'http://h.example/s.css'], ['script', 'script', 'http://h.example/a.js'], ['image', 'img', 'http://h.example/i.png'],
    ]);
  });

  it('fetches stylesheets, icons and preloads among the <link>s, not prefetch, canonical or alternate pages', () => {
    const html = [
      '<link rel="stylesheet" href="a.css">', '<link rel="shortcut icon" href="favicon.ico">', '<link rel="icon" href="i.png">',
      '<link rel="preload" href="font.woff2" as="font">', '<link rel="alternate stylesheet" href="alt.css">',
      '<link rel="prefetch" href="next.html">', '<link rel="canonical" href="/">', '<link rel="alternate" href="feed.xml">', '<link href="norel.css">',
    ].join('');
    expect(findHtmlRefs(html, 'http://h.example/').objects.map((r) => [r.kind, r.url.slice('http://h.example/'.length)])).toEqual([
      ['stylesheet', 'a.css'], ['icon', 'favicon.ico'], ['icon', 'i.png'], ['preload', 'font.woff2'], ['stylesheet', 'alt.css'],
    ]);
  });

  it('fetches media, frames, embeds and objects', () => {
    const html = [
      '<video src="v.mp4" poster="poster.jpg"></video>', '<video><source src="a.webm"><source src="a.mp4"></video>', '<audio src="s.mp3"></audio>',
      '<picture><source srcset="big.avif"><img src="small.jpg"></picture>', '<iframe src="frame.html"></iframe>', '<embed src="e.swf">',
      '<object data="o.pdf"></object>', '<input type="image" src="button.png">', '<input type="text" src="no.png">',
    ].join('');
    expect(findHtmlRefs(html, 'http://h.example/').objects.map((r) => [r.kind, r.attribute, r.url.slice('http://h.example/'.length)])).toEqual([
      ['image', 'poster', 'poster.jpg'], ['video', 'src', 'v.mp4'], ['media-source', 'src', 'a.webm'], ['media-source', 'src', 'a.mp4'], ['audio', 'src', 's.mp3'],
      ['image', 'src', 'small.jpg'], ['iframe', 'src', 'frame.html'], ['embed', 'src', 'e.swf'], ['object', 'data', 'o.pdf'], ['image', 'src', 'button.png'],
    ]);
  });

  it('does not fetch links: <a href> and <area href> are returned apart, with their fragments', () => {
    const refs = findHtmlRefs('<a href="/x#top">x</a><map><area href="y.html"></map><a name="anchor">no href</a>', 'http://h.example/');
    expect(refs.objects).toEqual([]);
    expect(refs.links.map((r) => [r.tag, r.url])).toEqual([['a', 'http://h.example/x#top'], ['area', 'http://h.example/y.html']]);
  });

  it('says why a reference is not fetched: empty, not http(s), or a script type that does not run', () => {
    const html = '<img src=""><img src="  "><img src="data:image/png;base64,AAAA"><a href="mailto:a@b.example">m</a><a href="javascript:void(0)">j</a>'
      + '<script type="text/template" src="t.html"></script><script type="module" src="m.js"></script><script type="text/javascript; charset=utf-8" src="j.js"></script>';
    const refs = findHtmlRefs(html, 'http://h.example/');
    expect(refs.objects.map((r) => r.url)).toEqual(['http://h.example/m.js', 'http://h.example/j.js']);
    expect(refs.links).toEqual([]);
    expect(refs.skipped.map((s) => s.reason)).toEqual([
      'an empty URL is not fetched', 'an empty URL is not fetched', 'a data: URL is not fetched over HTTP', 'a mailto: URL is not fetched over HTTP',
      'a javascript: URL is not fetched over HTTP', 'a script of type text/template does not run, so it is not fetched',
    ]);
  });

  it('ignores markup inside scripts, comments, <template> and <noscript>', () => {
    const html = '<script>document.write("<img src=\'w.png\'>")</script><!-- <img src="c.png"> --><template><img src="t.png"></template>'
      + '<noscript><img src="n.png"></noscript><textarea><img src="ta.png"></textarea><img src="real.png">';
    expect(findHtmlRefs(html, 'http://h.example/').objects.map((r) => r.url)).toEqual(['http://h.example/real.png']);
  });

  it('takes the first of a repeated attribute, as HTML does', () => {
    expect(findHtmlRefs('<img src="first.png" src="second.png">', 'http://h.example/').objects[0]!.url).toBe('http://h.example/first.png');
  });

  it('never throws on malformed HTML, and every range lies inside the bytes and starts at a "<"', () => {
    const pieces = fc.constantFrom('<img src="a.png"', '<img src=b.png>', '<IMG SRC=\'c', '<a href="', '"', "'", '>', '<', '</', '<!--', '-->', '<script>', '</script>',
      '<base href="/x/">', '&amp;', '&', '&#x', 'é', '🎉', '\u0000', ' ', '\n', '<link rel=stylesheet href=s.css>', '<video><source src=v.mp4>', '<![CDATA[', ']]>');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 5 })), { maxLength: 30 }), (parts) => {
        const bytes = encoder.encode(parts.join(''));
        const refs = findHtmlRefs(bytes, 'http://h.example/dir/');
        for (const r of [...refs.objects, ...refs.links, ...refs.skipped]) {
          expect(r.offset + r.length).toBeLessThanOrEqual(bytes.length);
          expect(bytes[r.offset]).toBe(0x3c);
        }
      }),
      { seed: 1945, numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        findHtmlRefs(bytes, 'http://h.example/', { contentType: 'text/html; charset=utf-8' });
      }),
      { seed: 1991, numRuns: 500 },
    );
  });

  it('lists each URL once for fetching, in the order first met', () => {
    const refs = findHtmlRefs('<img src="a.png"><img src="b.png"><img src="a.png#x"><img src="/a.png">', 'http://h.example/');
    expect(refs.objects).toHaveLength(4);
    expect(distinctUrls(refs.objects)).toEqual(['http://h.example/a.png', 'http://h.example/b.png']);
  });
});

describe('decoding the page', () => {
  it('decodes UTF-8 exactly as TextDecoder does, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => encoder.encode(s))), (bytes) => {
        expect(decodeHtml(bytes).text).toBe(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes));
      }),
      { seed: 3629, numRuns: 2000 },
    );
  });

  it('maps every character to the byte where it starts', () => {
    const { text, offsets } = decodeHtml(encoder.encode('aé€🎉b'));
    expect(text).toBe('aé€🎉b');
    expect([...offsets]).toEqual([0, 1, 3, 6, 6, 10, 11]); // 🎉 is two UTF-16 units at byte 6
    expect([...decodeHtml(new Uint8Array([0x61, 0xe2, 0x82, 0x62])).offsets]).toEqual([0, 1, 3, 4]); // a, U+FFFD for the cut sequence, b
  });

  it('decodes windows-1252 (and the Latin-1 and ASCII labels browsers treat as it) one byte a character', () => {
    const bytes = new Uint8Array([0x3c, 0x70, 0x3e, 0xe9, 0x80, 0x3c, 0x69, 0x6d, 0x67, 0x20, 0x73, 0x72, 0x63, 0x3d, 0x78, 0x3e]); // <p>é€<img src=x>
    expect(decodeHtml(bytes, 'text/html; charset=ISO-8859-1').text).toBe('<p>é€<img src=x>');
    expect(findHtmlRefs(bytes, 'http://h.example/', { contentType: 'text/html;charset="windows-1252"' }).objects[0]).toMatchObject({ offset: 5, length: 11 });
    expect(findHtmlRefs(bytes, 'http://h.example/').objects[0]).toMatchObject({ offset: 5, length: 11 }); // read as UTF-8, é€ is one U+FFFD: the same bytes
  });

  it('lets a UTF-8 byte order mark win over the charset, and skips it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('é<img src=x>')]);
    expect(decodeHtml(bytes, 'text/html; charset=iso-8859-1').text).toBe('é<img src=x>');
    expect(findHtmlRefs(bytes, 'http://h.example/', { contentType: 'text/html; charset=iso-8859-1' }).objects[0]).toMatchObject({ offset: 5 });
  });

  it('reads the charset parameter of a Content-Type', () => {
    expect(charsetOf('text/html; charset=UTF-8')).toBe('utf-8');
    expect(charsetOf('text/html;charset="ISO-8859-1"; x=y')).toBe('iso-8859-1');
    expect(charsetOf('text/html')).toBeUndefined();
    expect(charsetOf(undefined)).toBeUndefined();
  });
});
