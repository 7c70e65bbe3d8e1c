/**
 * The objects a browser fetches for an HTML page it received (Kurose & Ross
 * §2.2: a base HTML file and the objects it references), in document order,
 * each with where it sits in the HTML so the chart can point at it; and the
 * links (`<a href>`, `<area href>`), which are fetched only when followed.
 *
 * The HTML is tokenized by htmlparser2 (a small, maintained, dependency-light
 * HTML parser that runs in browsers, workers and Node): HTML tokenizing is
 * full of cases (attributes without quotes, entities, raw-text elements such
 * as <script>, malformed markup that must never throw) that a hand-written
 * tokenizer would get wrong. URLs are resolved with the WHATWG URL class
 * against the page URL or the document's <base href>.
 *
 * Fetched: img[src], input[type=image][src], script[src] (a JavaScript or
 * module type), link[href] with rel stylesheet, icon, preload or
 * modulepreload, video[src], video[poster], audio[src], source[src] (of
 * video and audio; a browser fetches the first it can play, all are
 * listed), iframe[src] (its own objects are not followed here), embed[src]
 * and object[data]. Not looked at: srcset, CSS (url() and @import are in the
 * stylesheet, not the HTML; inline style attributes), SVG references,
 * <track>, <meta http-equiv=refresh>, and anything inside <template> or
 * <noscript> (inert, or not parsed as markup when scripting is on).
 *
 * A <base href> applies to the references after it (the browser fetches
 * each object as the parser meets it); only the first counts.
 *
 * Offsets are in bytes of the HTML as received. The bytes are decoded as
 * UTF-8 unless the Content-Type's charset names ISO-8859-1, US-ASCII or
 * windows-1252 (one byte a character, decoded as windows-1252 as browsers
 * do); a UTF-8 byte order mark wins over the charset (HTML "encoding
 * sniffing"). Other charsets and <meta charset> are not looked at.
 */
import { Parser } from 'htmlparser2';

export type HtmlRefKind =
  | 'image' | 'script' | 'stylesheet' | 'icon' | 'preload' | 'video' | 'audio' | 'media-source' | 'iframe' | 'embed' | 'object' | 'link';

export interface HtmlRef {
  readonly kind: HtmlRefKind;
  /** The element, lower case ('img'). */
  readonly tag: string;
  /** The attribute the URL came from ('src'). */
  readonly attribute: string;
  /** The attribute value, entities decoded. */
  readonly value: string;
  /** The absolute URL; for objects without its fragment (what is requested), for links as written. */
  readonly url: string;
  /** Where the start tag begins, in bytes of the HTML. */
  readonly offset: number;
  /** The start tag's length in bytes, from "<" to ">". */
  readonly length: number;
}

export interface SkippedRef {
  readonly tag: string;
  readonly attribute: string;
  readonly value: string;
  readonly offset: number;
  readonly length: number;
  /** Why it is not fetched. */
  readonly reason: string;
}

export interface HtmlRefs {
  /** What a browser fetches, in document order (the same URL may appear more than once: see `distinctUrls`). */
  readonly objects: readonly HtmlRef[];
  /** `<a href>` and `<area href>`, for a "follow" action. */
  readonly links: readonly HtmlRef[];
  /** References that are not fetched: empty, not a URL, not http(s) (data:, javascript:, mailto:), or of a script type that does not run. */
  readonly skipped: readonly SkippedRef[];
  /** The base URL in effect once the whole page is read (the first <base href>, else the page's URL). */
  readonly baseUrl: string;
}

export interface HtmlRefsOptions {
  /** The response's Content-Type, for its charset parameter. */
  readonly contentType?: string;
}

export interface DecodedHtml {
  readonly text: string;
  /** Byte offset of each UTF-16 code unit of `text`, plus one entry for the end. */
  readonly offsets: Uint32Array;
}

const SINGLE_BYTE_CHARSETS = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'windows-1252', 'cp1252', 'x-cp1252']);
// windows-1252 bytes 0x80–0x9f (the WHATWG single-byte index); the rest are Latin-1.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The charset parameter of a Content-Type, lower case; undefined when absent. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const m = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType) : null;
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Decodes the page as a browser would (see the module comment), keeping each character's byte offset. */
export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedHtml {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const charset = charsetOf(contentType);
  if (!bom && charset !== undefined && SINGLE_BYTE_CHARSETS.has(charset)) return decodeWindows1252(bytes);
  return decodeUtf8(bytes, bom ? 3 : 0);
}

function decodeWindows1252(bytes: Uint8Array): DecodedHtml {
  const offsets = new Uint32Array(bytes.length + 1);
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    text += String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b);
    offsets[i] = i;
  }
  offsets[bytes.length] = bytes.length;
  return { text, offsets };
}

/**
 * UTF-8 decoding as the WHATWG Encoding standard does it (each maximal
 * invalid subsequence becomes one U+FFFD), recording where each character
 * starts. The result equals `new TextDecoder().decode(bytes.subarray(start))`.
 */
function decodeUtf8(bytes: Uint8Array, start: number): DecodedHtml {
  const units: number[] = [];
  const offsets: number[] = [];
  const emit = (cp: number, at: number) => {
    if (cp >= 0x10000) {
      units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
      offsets.push(at, at);
    } else {
      units.push(cp);
      offsets.push(at);
    }
  };
  let needed = 0;
  let seen = 0;
  let cp = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let seqStart = start;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (needed === 0) {
      seqStart = i;
      if (b <= 0x7f) emit(b, i);
      else if (b >= 0xc2 && b <= 0xdf) { needed = 1; cp = b & 0x1f; }
      else if (b >= 0xe0 && b <= 0xef) { if (b === 0xe0) lower = 0xa0; if (b === 0xed) upper = 0x9f; needed = 2; cp = b & 0xf; }
      else if (b >= 0xf0 && b <= 0xf4) { if (b === 0xf0) lower = 0x90; if (b === 0xf4) upper = 0x8f; needed = 3; cp = b & 0x7; }
      else emit(0xfffd, i);
      continue;
    }
    if (b < lower || b > upper) {
      needed = seen = cp = 0;
      lower = 0x80;
      upper = 0xbf;
      emit(0xfffd, seqStart);
      i--; // the byte starts over
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      emit(cp, seqStart);
      needed = seen = cp = 0;
    }
  }
  if (needed !== 0) emit(0xfffd, seqStart);
  offsets.push(bytes.length);
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.slice(i, i + 8192));
  return { text, offsets: Uint32Array.from(offsets) };
}

/** ASCII whitespace, which HTML strips around URLs and splits rel on. */
const ASCII_WS = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

function relTokens(rel: string | undefined): readonly string[] {
  return (rel ?? '').toLowerCase().split(/[\t\n\f\r ]+/).filter((t) => t !== '');
}

/** Whether a <script type> runs (HTML "prepare the script element"): none, empty, a JavaScript MIME type, or module. */
function isRunnableScriptType(type: string | undefined): boolean {
  const t = (type ?? '').replace(ASCII_WS, '').toLowerCase();
  return t === '' || t === 'module' || /^(?:text|application)\/(?:x-)?(?:javascript|ecmascript)\b/.test(t) || /^text\/(?:jscript|livescript)\b/.test(t);
}

interface Found {
  readonly kind: HtmlRefKind;
  readonly attribute: string;
  /** Why this reference is not fetched after all. */
  readonly skip?: string;
}

/** What an element references (none for most). `inMedia`: inside <video> or <audio>, for <source>. */
function referencesOf(tag: string, attribs: Readonly<Record<string, string>>, inMedia: boolean): readonly Found[] {
  const has = (name: string) => Object.hasOwn(attribs, name);
  const one = (kind: HtmlRefKind, attribute: string, when: boolean): readonly Found[] => (when && has(attribute) ? [{ kind, attribute }] : []);
  switch (tag) {
    case 'img':
      return one('image', 'src', true);
    case 'input':
      return one('image', 'src', (attribs.type ?? '').toLowerCase() === 'image');
    case 'script':
      if (!has('src')) return [];
      return [isRunnableScriptType(attribs.type) ? { kind: 'script', attribute: 'src' } : { kind: 'script', attribute: 'src', skip: `a script of type ${attribs.type ?? ''} does not run, so it is not fetched` }];
    case 'link': {
      const rel = relTokens(attribs.rel);
      if (rel.includes('stylesheet')) return one('stylesheet', 'href', true);
      if (rel.includes('icon')) return one('icon', 'href', true);
      return one('preload', 'href', rel.includes('preload') || rel.includes('modulepreload'));
    }
    case 'video':
      return [...one('image', 'poster', true), ...one('video', 'src', true)];
    case 'audio':
      return one('audio', 'src', true);
    case 'source':
      return one('media-source', 'src', inMedia);
    case 'iframe':
      return one('iframe', 'src', true);
    case 'embed':
      return one('embed', 'src', true);
    case 'object':
      return one('object', 'data', true);
    case 'a':
    case 'area':
      return one('link', 'href', true);
    default:
      return [];
  }
}

/** Elements whose content a browser does not fetch from. */
const INERT = new Set(['template', 'noscript']);

/**
 * The objects and links of an HTML page (see the module comment). `html`
 * is the body as received (a string is taken as its UTF-8 encoding);
 * `pageUrl` the URL it was fetched from. Never throws on any HTML; throws
 * a TypeError only when `pageUrl` is not an absolute URL.
 */
export function findHtmlRefs(html: Uint8Array | string, pageUrl: string, options: HtmlRefsOptions = {}): HtmlRefs {
  const bytes = typeof html === 'string' ? new TextEncoder().encode(html) : html;
  const { text, offsets } = decodeHtml(bytes, typeof html === 'string' ? undefined : options.contentType);
  const page = new URL(pageUrl);
  let base = page;
  let baseSet = false;
  let inert = 0;
  let media = 0;
  const objects: HtmlRef[] = [];
  const links: HtmlRef[] = [];
  const skipped: SkippedRef[] = [];
  let parser: Parser | undefined;
  const byteRange = (start: number, end: number) => {
    const from = offsets[Math.min(start, text.length)]!;
    return { offset: from, length: offsets[Math.min(end + 1, text.length)]! - from };
  };

  const onopentag = (tag: string, attribs: Record<string, string>): void => {
    if (INERT.has(tag)) inert++;
    if (tag === 'video' || tag === 'audio') media++;
    if (inert > 0 || !parser) return;
    const where = byteRange(parser.startIndex, parser.endIndex);
    if (tag === 'base' && !baseSet && Object.hasOwn(attribs, 'href')) {
      baseSet = true;
      try {
        base = new URL(attribs.href!.replace(ASCII_WS, ''), page);
      } catch {
        skipped.push({ tag, attribute: 'href', value: attribs.href!, ...where, reason: 'the base URL does not parse; the page URL stays the base' });
      }
      return;
    }
    for (const { kind, attribute, skip: notFetched } of referencesOf(tag, attribs, media > 0)) {
      const value = attribs[attribute] ?? '';
      const skip = (reason: string) => skipped.push({ tag, attribute, value, ...where, reason });
      if (notFetched !== undefined) {
        skip(notFetched);
        continue;
      }
      const trimmed = value.replace(ASCII_WS, '');
      if (trimmed === '') {
        skip('an empty URL is not fetched');
        continue;
      }
      let url: URL;
      try {
        url = new URL(trimmed, base);
      } catch {
        skip('not a URL');
        continue;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        skip(`a ${url.protocol} URL is not fetched over HTTP`);
        continue;
      }
      if (kind === 'link') {
        links.push({ kind, tag, attribute, value, url: url.href, ...where });
      } else {
        url.hash = ''; // a request target carries no fragment (RFC 9110 §7.1)
        objects.push({ kind, tag, attribute, value, url: url.href, ...where });
      }
    }
  };

  const onclosetag = (tag: string): void => {
    if (INERT.has(tag) && inert > 0) inert--;
    if ((tag === 'video' || tag === 'audio') && media > 0) media--;
  };

  const onparserinit = (p: Parser): void => {
    parser = p; // for startIndex and endIndex, the tag's place in the text
  };
  const tokenizer = new Parser({ onparserinit, onopentag, onclosetag }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  tokenizer.write(text);
  tokenizer.end();
  return { objects, links, skipped, baseUrl: base.href };
}

/** The objects' URLs, each once, in the order first met: what a browser actually requests (it reuses what it already fetched for the page). */
export function distinctUrls(refs: readonly HtmlRef[]): readonly string[] {
  return [...new Set(refs.map((r) => r.url))];
}
