/**
 * What a request to the webmail asks for (pure): the route its method and
 * path name, or why it is refused. The engine (server.ts) then answers at
 * once or after its IMAP work.
 *
 * Rules (RFC 9110 unless said):
 * - HTTP/1.1 needs a Host header (RFC 9112 §3.2): 400. A target that is
 *   neither a path nor an http URL: 400. The query is ignored.
 * - Paths: `/` (to the inbox, or the login page without a session),
 *   `/login` (GET: the form; POST: log in), `/logout` (POST), `/inbox`,
 *   `/message/<uid>` (uid 1 to 4294967295, RFC 9051 §2.3.1.1). HEAD is
 *   answered as GET without the body (§9.3.2). Any other path: 404.
 * - A method a path does not take: 405 with Allow (§15.5.6) when it is one
 *   of RFC 9110's, else 501 (§15.6.2).
 * - The login form is application/x-www-form-urlencoded (HTML's form
 *   submission): fields `user` and `password`, each 1 to 200 printable
 *   ASCII characters (what an IMAP quoted string carries, RFC 9051 §4.3);
 *   another body is 400 (a missing field), or 415 (another media type).
 * - The session is the cookie named by the service (RFC 6265 §5.4: the
 *   Cookie field's name=value pairs).
 */
import { parseCookieHeader } from '../http/cookie-parse';
import { headerValue, headerValues, type HttpRequest } from '../http/message';
import { targetPath } from '../http/server-respond';

export type Route =
  | { readonly kind: 'root' }
  | { readonly kind: 'loginForm' }
  | { readonly kind: 'login'; readonly user: string; readonly password: string }
  | { readonly kind: 'logout' }
  | { readonly kind: 'inbox' }
  | { readonly kind: 'message'; readonly uid: number }
  /** Refused at once: status and why. */
  | { readonly kind: 'refused'; readonly status: 400 | 404 | 405 | 415 | 501; readonly reason: string; readonly allow?: string };

const RFC_9110_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);
const FORM_TYPE = 'application/x-www-form-urlencoded';
const MAX_UID = 4_294_967_295;
const CREDENTIAL = /^[\x20-\x7e]{1,200}$/;

function methods(path: string): readonly string[] | null {
  if (path === '/' || path === '/inbox' || /^\/message\/[^/]+$/.test(path)) return ['GET', 'HEAD'];
  if (path === '/login') return ['GET', 'HEAD', 'POST'];
  if (path === '/logout') return ['POST'];
  return null;
}

/** The login form's fields, or why it is not one. */
function loginForm(request: HttpRequest): Route {
  const type = (headerValue(request.headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== FORM_TYPE) return { kind: 'refused', status: 415, reason: `the login is a form (${FORM_TYPE}), not ${type === '' ? 'a body without a type' : type}` };
  const fields = new URLSearchParams(new TextDecoder().decode(request.body));
  const user = fields.get('user');
  const password = fields.get('password');
  if (user === null || password === null) return { kind: 'refused', status: 400, reason: 'the login form needs the fields user and password' };
  if (!CREDENTIAL.test(user) || !CREDENTIAL.test(password)) return { kind: 'refused', status: 400, reason: 'a user name and a password are 1 to 200 printable ASCII characters' };
  return { kind: 'login', user, password };
}

export function route(request: HttpRequest): Route {
  if (request.version === 'HTTP/1.1' && headerValue(request.headers, 'host') === undefined) return { kind: 'refused', status: 400, reason: 'HTTP/1.1 needs a Host header' };
  const path = targetPath(request.target);
  if (path === null) return { kind: 'refused', status: 400, reason: `the target ${request.target} is neither a path nor an http URL` };
  const allowed = methods(path);
  if (allowed === null) return { kind: 'refused', status: 404, reason: `no page ${path}` };
  if (!allowed.includes(request.method)) {
    const known = RFC_9110_METHODS.has(request.method);
    return known ? { kind: 'refused', status: 405, reason: `${path} takes ${allowed.join(', ')}, not ${request.method}`, allow: allowed.join(', ') } : { kind: 'refused', status: 501, reason: `${request.method} is not a method this server implements` };
  }
  if (path === '/') return { kind: 'root' };
  if (path === '/login') return request.method === 'POST' ? loginForm(request) : { kind: 'loginForm' };
  if (path === '/logout') return { kind: 'logout' };
  if (path === '/inbox') return { kind: 'inbox' };
  const uidText = path.slice('/message/'.length);
  const uid = /^[1-9][0-9]{0,9}$/.test(uidText) ? Number(uidText) : NaN;
  if (!(uid <= MAX_UID)) return { kind: 'refused', status: 404, reason: `${uidText} is not a message UID (1 to ${MAX_UID})` };
  return { kind: 'message', uid };
}

/** The session id the request's cookies carry under `name`, or null. */
export function sessionCookie(request: HttpRequest, name: string): string | null {
  for (const value of headerValues(request.headers, 'cookie')) {
    const found = parseCookieHeader(value).find((c) => c.name === name);
    if (found) return found.value;
  }
  return null;
}
