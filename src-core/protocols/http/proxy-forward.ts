/**
 * How a proxy rewrites the messages it passes on (pure; proxy.ts sends
 * them). Rules, RFC 9110 unless said:
 * - A request to a proxy names its target in absolute form
 *   ("http://www.example.com/a.jpg", RFC 9112 §3.2.2); the proxy sends it to
 *   the origin in origin form ("/a.jpg") with the Host of that URL (§7.2).
 * - Hop-by-hop fields are dropped both ways (§7.6.1): Connection and every
 *   field it names, Keep-Alive, Proxy-Connection, TE, Transfer-Encoding
 *   (the body is passed on whole, with its Content-Length), Upgrade.
 * - Via names the proxy on every message it passes on (§7.6.3):
 *   "1.1 <name>", after any Via already there.
 */
import { HTTP_PORT, type HttpUrl } from './browser-request';
import type { HeaderField, HttpRequest, HttpResponse } from './message';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'transfer-encoding', 'upgrade', 'content-length']);

/** The fields of a message without its hop-by-hop ones (and without Content-Length, which the sender writes again). */
export function endToEndFields(headers: readonly HeaderField[]): HeaderField[] {
  const named = new Set(
    headers
      .filter((h) => h.name.toLowerCase() === 'connection')
      .flatMap((h) => h.value.split(','))
      .map((o) => o.trim().toLowerCase()),
  );
  return headers.filter((h) => !HOP_BY_HOP.has(h.name.toLowerCase()) && !named.has(h.name.toLowerCase()));
}

/** The request the proxy sends to the origin: origin form, its own Host, end-to-end fields, Via, and any validators of its own. */
export function toOrigin(request: HttpRequest, url: HttpUrl, via: string, conditional: readonly HeaderField[]): HttpRequest {
  const host = url.port === HTTP_PORT ? url.host : `${url.host}:${url.port}`;
  const kept = endToEndFields(request.headers).filter((h) => h.name.toLowerCase() !== 'host' && !(conditional.length > 0 && /^if-(none-match|modified-since)$/i.test(h.name)));
  const headers: HeaderField[] = [{ name: 'Host', value: host }, ...kept, ...conditional, { name: 'Via', value: via }];
  if (request.body.length > 0 || !['GET', 'HEAD'].includes(request.method)) headers.push({ name: 'Content-Length', value: String(request.body.length) });
  return { kind: 'request', method: request.method, target: url.target, version: 'HTTP/1.1', headers, body: request.body };
}

/**
 * The response the proxy sends to its client: end-to-end fields, Via,
 * Content-Length of the body as passed on (none for 204 and 304, RFC 9110
 * §8.6), and Connection: close when the client's connection ends after it.
 */
export function toClient(response: { readonly status: number; readonly reason: string; readonly headers: readonly HeaderField[]; readonly body: Uint8Array }, via: string, close: boolean, headOnly: boolean): HttpResponse {
  const headers: HeaderField[] = [...endToEndFields(response.headers), { name: 'Via', value: via }];
  // a response to HEAD says the length GET would have had (RFC 9110 §9.3.2)
  const length = headOnly ? (response.headers.find((h) => h.name.toLowerCase() === 'content-length')?.value ?? String(response.body.length)) : String(response.body.length);
  if (response.status !== 204 && response.status !== 304) headers.push({ name: 'Content-Length', value: length });
  if (close) headers.push({ name: 'Connection', value: 'close' });
  return { kind: 'response', version: 'HTTP/1.1', status: response.status, reason: response.reason, headers, body: headOnly || response.status === 204 || response.status === 304 ? new Uint8Array(0) : response.body };
}
