/**
 * One client connection to a server engine, as the mail fuzz targets
 * (smtp.ts, pop3.ts, imap.ts) hold it: accepted on a listener, fed the
 * input in pieces, then closed by the client, each step followed by a
 * drain of every output (target.ts: nothing piles up between inputs). What
 * the server wrote on this connection is kept in order, with whether it
 * closed it and whether it wrote after closing (a bug every target checks).
 */
import type { Engine, SocketId } from '../../../src-core/engine/face';

type ServerEngine = Pick<Engine<unknown, unknown>, 'handleStream' | 'pollTransmit' | 'pollEvent'>;

export interface ConnectionOptions {
  /** The engine's listener the connection comes to. */
  readonly listener: SocketId;
  /** How far the clock moves before each piece (ns); 0 keeps every input at one instant. */
  readonly stepNs: number;
}

export class FuzzConnection {
  /** The server's writes on this connection, in order. */
  readonly writes: Uint8Array[] = [];
  closed = false;
  wroteAfterClose = false;
  /** The time of the last input (ns). */
  now = 0;
  private readonly connection: string;

  /** Accepts the connection and drains what the server says first (a greeting). */
  constructor(
    private readonly engine: ServerEngine,
    readonly socket: SocketId,
    private readonly options: ConnectionOptions,
  ) {
    this.connection = `c${socket}`;
    engine.handleStream({ type: 'accepted', socket, listener: options.listener, remote: { addr: 1, port: 40000 }, connection: this.connection }, this.now);
    this.drain();
  }

  /** Feeds each piece as one `data` event; with `untilClosed`, none after the server closed. */
  feed(pieces: Iterable<Uint8Array>, untilClosed = false): void {
    for (const data of pieces) {
      if (untilClosed && this.closed) return;
      this.now += this.options.stepNs;
      this.engine.handleStream({ type: 'data', socket: this.socket, data, messages: [], connection: this.connection }, this.now);
      this.drain();
    }
  }

  /** The client's FIN, then the connection's end. */
  end(): void {
    this.engine.handleStream({ type: 'peerClosed', socket: this.socket, connection: this.connection }, this.now);
    this.engine.handleStream({ type: 'closed', socket: this.socket, reason: 'closed', connection: this.connection }, this.now);
    this.drain();
  }

  /** Every transmit, then every event (their report is not the rig's business: only the absence of faults counts). */
  private drain(): void {
    for (let t = this.engine.pollTransmit(); t; t = this.engine.pollTransmit()) {
      if (t.kind === 'write' && t.socket === this.socket) {
        if (this.closed) this.wroteAfterClose = true;
        this.writes.push(t.data);
      } else if (t.kind === 'close' && t.socket === this.socket) this.closed = true;
    }
    while (this.engine.pollEvent());
  }
}
