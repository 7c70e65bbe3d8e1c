/**
 * The web server engine (engine/face.ts): a welcoming socket on its port,
 * one request parser per connection, and the answers of server-respond.ts.
 *
 * Rules:
 * - Requests are answered in the order they arrive, each as soon as it is
 *   whole, so pipelined requests (RFC 9112 §9.3.2) get their responses in
 *   order, back to back.
 * - A response that ends the connection (HTTP/1.0 without keep-alive,
 *   "Connection: close", a 400) is followed by our FIN; what the peer sends
 *   after it is not read (RFC 9112 §9.6).
 * - A persistent connection idle for `keepAliveTimeout` (no request in
 *   progress, nothing unanswered) is closed by the server (RFC 9112 §9.5).
 *   The deadline is weak: it never keeps a finished run going by itself.
 * - Bytes that are not HTTP/1.x get a 400 (505 for a version it does not
 *   speak) and a traced http.malformed; the connection is then closed.
 * - When the peer closes its direction, the server closes its own.
 * - A site with a cookie counts every request it answers without an error
 *   in its back-end (server-cookies.ts): a first visit gets Set-Cookie.
 */
import { ConnectionTable, type OpenConnection } from '../../engine/connection-table';
import type { EngineEnv, SocketId, StreamEvent, Deadline } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { encodeResponse } from './encode';
import { PROTOCOL, type HttpEvent } from './events';
import { HttpParser } from './parser';
import { ObjectTable } from './objects';
import type { HttpObject } from './schema';
import { CookieBackend, type CookieSettings } from './server-cookies';
import { answer, answerMalformed, withSetCookie } from './server-respond';
import { responseSummary } from './summary';

export interface HttpServerOptions {
  readonly port: number;
  readonly objects: readonly HttpObject[];
  /** The site's cookie, when it keeps a back-end of its users. */
  readonly cookie?: CookieSettings | undefined;
  /** ns */
  readonly keepAliveTimeout: SimTime;
}

/**
 * A connection's request parser. Its table entry is closing once a response
 * that closes the connection was sent, and idle since the last response went
 * out while nothing is pending (null while a request is being read).
 */
interface ServerConnection {
  readonly parser: HttpParser;
}

export class HttpServerEngine extends EngineBase<HttpEvent> {
  private readonly listener: SocketId;
  private readonly table: ObjectTable;
  private readonly connections: ConnectionTable<ServerConnection>;
  private readonly backend: CookieBackend | null;

  constructor(
    env: EngineEnv,
    private readonly options: HttpServerOptions,
  ) {
    super(PROTOCOL);
    this.table = new ObjectTable(options.objects);
    this.backend = options.cookie ? new CookieBackend(options.cookie) : null;
    this.connections = new ConnectionTable((socket) => this.out.close(socket), options.keepAliveTimeout);
    this.listener = env.socketId();
    this.out.listen(this.listener, options.port);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    this.connections.handle(e, now, {
      accept: (a) => (a.listener === this.listener ? { parser: new HttpParser('request') } : null),
      data: (c, d) => this.read(c, d.data, d.messages, now),
    });
  }

  private read(c: OpenConnection<ServerConnection>, data: Uint8Array, messages: readonly number[], now: SimTime): void {
    const socket = c.socket;
    c.idleSince = null;
    let k = 0; // requests completed in this chunk ↔ the trace messages whose last byte is in it, in order
    for (const parsed of c.state.parser.push(data)) {
      const cause = messages[k++] ?? null;
      if (!parsed.ok) {
        const version = parsed.error.code === 'unsupported-version';
        this.out.event({ type: 'http.malformed', reason: parsed.error.message, offset: parsed.error.offset, cause, connection: c.connection });
        const response = answerMalformed(parsed.error.message, version, now);
        this.out.write(socket, encodeResponse(response), this.out.label(responseSummary(response), cause));
        this.connections.finish(c);
        return;
      }
      const request = parsed.message;
      if (request.kind !== 'request') continue;
      const answered = answer(request, this.table, now);
      const { close } = answered;
      let response = answered.response;
      if (this.backend && response.status < 400) {
        const visit = this.backend.visit(request);
        if (visit.setCookie !== null) response = withSetCookie(response, visit.setCookie);
        this.out.event({ type: 'http.backendUpdated', id: visit.row.id, visits: visit.row.visits, pages: visit.row.pages, created: visit.setCookie !== null, cause, connection: c.connection });
      }
      this.out.write(socket, encodeResponse(response), this.out.label(responseSummary(response, request.method), cause));
      if (close) {
        this.connections.finish(c);
        return;
      }
    }
    if (c.state.parser.partial() === null) c.idleSince = now;
  }

  override pollTimeout(): Deadline | null {
    return this.connections.deadline();
  }

  override handleTimeout(now: SimTime): void {
    for (const c of this.connections.idle(now)) {
      this.out.event({ type: 'http.idleClosed', idle: now - c.idleSince, connection: c.connection });
      this.connections.finish(c);
    }
  }
}
