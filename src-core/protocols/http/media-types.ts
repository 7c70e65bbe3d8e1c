/**
 * Media types by file extension (the server's default Content-Type), and
 * the HTML tag a generated page references each kind of object with.
 * The names are IANA's media types (RFC 6838); the list is the handful a
 * course page uses.
 */

const BY_EXTENSION: Readonly<Record<string, string>> = {
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  txt: 'text/plain',
  json: 'application/json',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  mp4: 'video/mp4',
  m4s: 'video/iso.segment',
  mpd: 'application/dash+xml',
  pdf: 'application/pdf',
};

/** An object with no extension the list knows is sent as bytes (RFC 9110 §8.3: the recipient may then sniff; ours does not). */
export const DEFAULT_MEDIA_TYPE = 'application/octet-stream';

export function mediaTypeOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot < 0) return DEFAULT_MEDIA_TYPE;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? DEFAULT_MEDIA_TYPE;
}

/** True for the types a browser reads as a page and looks for references in. */
export function isHtml(mediaType: string): boolean {
  return mediaType.split(';')[0]!.trim().toLowerCase() === 'text/html';
}

/** The element a generated page uses to reference `url` of type `mediaType` (one a browser fetches as it renders). */
export function referencingTag(url: string, mediaType: string): string {
  const type = mediaType.toLowerCase();
  const attr = escapeAttribute(url);
  if (type === 'text/css') return `<link rel="stylesheet" href="${attr}">`;
  if (type === 'text/javascript') return `<script src="${attr}"></script>`;
  if (type.startsWith('video/')) return `<video src="${attr}"></video>`;
  if (type === 'text/html') return `<iframe src="${attr}"></iframe>`;
  return `<img src="${attr}" alt="">`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
