/**
 * The inspector's names for HTTP, declared once for the dissector and the
 * display filters. Filter ids are Wireshark's where it has one (its HTTP
 * dissector, epan/dissectors/packet-http.c); the few it lacks follow its
 * pattern: a header's filter is "http." and the header's name in lower case
 * with "-" as "_" (http.etag, http.if_none_match).
 */

export interface HttpFieldName {
  /** Display name: "Content-Length". */
  readonly name: string;
  /** Dotted filter id: "http.content_length". */
  readonly filter: string;
}

const f = (name: string, filter: string): HttpFieldName => ({ name, filter });

/** The protocol's own nodes: the message, its start line and its parts. */
export const HTTP_FIELDS = {
  protocol: f('Hypertext Transfer Protocol', 'http'),
  request: f('Request line', 'http.request'),
  response: f('Status line', 'http.response'),
  method: f('Request Method', 'http.request.method'),
  uri: f('Request URI', 'http.request.uri'),
  requestVersion: f('Request Version', 'http.request.version'),
  responseVersion: f('Response Version', 'http.response.version'),
  status: f('Status Code', 'http.response.code'),
  phrase: f('Response Phrase', 'http.response.phrase'),
  /** A header not in HTTP_HEADER_FIELDS. */
  unknownHeader: f('Header', 'http.unknown_header'),
  headerName: f('Name', 'http.header.name'),
  headerValue: f('Value', 'http.header.value'),
  /** The empty line that ends the header section (RFC 9112 §2.1). */
  endOfHeaders: f('End of header section', 'http.end_of_headers'),
  /** The body as sent, any transfer coding still on. */
  body: f('Message body', 'http.body'),
  /** The body's content, transfer coding removed: Wireshark's "File Data". */
  fileData: f('File Data', 'http.file_data'),
  /** A text/* body, line by line: Wireshark's "Line-based text data". */
  textLines: f('Line-based text data', 'data-text-lines'),
  textLine: f('Line', 'data-text-lines.line'),
  chunkedBody: f('Chunked body', 'http.chunked'),
  chunk: f('Chunk', 'http.chunk'),
  chunkSize: f('Chunk size', 'http.chunk_size'),
  chunkExtensions: f('Chunk extensions', 'http.chunk_ext'),
  chunkData: f('Chunk data', 'http.chunk_data'),
  chunkBoundary: f('Chunk boundary', 'http.chunk_boundary'),
  lastChunk: f('Last chunk', 'http.chunk.last'),
  trailer: f('Trailer field', 'http.chunked_trailer_part'),
  /** Bytes of the trace message after the HTTP message ends. */
  excessData: f('Excess data', 'http.excess_data'),
  malformed: f('Malformed HTTP message', '_ws.malformed'),
  warning: f('Warning', 'http.warning'),
} as const satisfies Record<string, HttpFieldName>;

/** Header fields by their lower-case name (RFC 9110 and RFC 9111 §5 define them; RFC 6265 the cookies). */
export const HTTP_HEADER_FIELDS: Readonly<Record<string, HttpFieldName>> = {
  accept: f('Accept', 'http.accept'),
  'accept-encoding': f('Accept-Encoding', 'http.accept_encoding'),
  'accept-language': f('Accept-Language', 'http.accept_language'),
  age: f('Age', 'http.age'),
  authorization: f('Authorization', 'http.authorization'),
  'cache-control': f('Cache-Control', 'http.cache_control'),
  connection: f('Connection', 'http.connection'),
  'content-encoding': f('Content-Encoding', 'http.content_encoding'),
  'content-length': f('Content-Length', 'http.content_length'),
  'content-type': f('Content-Type', 'http.content_type'),
  cookie: f('Cookie', 'http.cookie'),
  date: f('Date', 'http.date'),
  etag: f('ETag', 'http.etag'),
  expect: f('Expect', 'http.expect'),
  expires: f('Expires', 'http.expires'),
  host: f('Host', 'http.host'),
  'if-match': f('If-Match', 'http.if_match'),
  'if-modified-since': f('If-Modified-Since', 'http.if_modified_since'),
  'if-none-match': f('If-None-Match', 'http.if_none_match'),
  'if-unmodified-since': f('If-Unmodified-Since', 'http.if_unmodified_since'),
  'keep-alive': f('Keep-Alive', 'http.keep_alive'),
  'last-modified': f('Last-Modified', 'http.last_modified'),
  location: f('Location', 'http.location'),
  pragma: f('Pragma', 'http.pragma'),
  range: f('Range', 'http.range'),
  referer: f('Referer', 'http.referer'),
  server: f('Server', 'http.server'),
  'set-cookie': f('Set-Cookie', 'http.set_cookie'),
  te: f('TE', 'http.te'),
  trailer: f('Trailer', 'http.trailer'),
  'transfer-encoding': f('Transfer-Encoding', 'http.transfer_encoding'),
  upgrade: f('Upgrade', 'http.upgrade'),
  'user-agent': f('User-Agent', 'http.user_agent'),
  vary: f('Vary', 'http.vary'),
  via: f('Via', 'http.via'),
  'www-authenticate': f('WWW-Authenticate', 'http.www_authenticate'),
};

/** A header's names: its entry in HTTP_HEADER_FIELDS, or the name as written with http.unknown_header. */
export function headerFieldName(name: string): HttpFieldName {
  const key = name.toLowerCase();
  // Own keys only: a header named "constructor" is not Object's.
  return Object.hasOwn(HTTP_HEADER_FIELDS, key) ? HTTP_HEADER_FIELDS[key]! : { name, filter: HTTP_FIELDS.unknownHeader.filter };
}
