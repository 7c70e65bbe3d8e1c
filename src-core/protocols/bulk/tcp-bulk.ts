/**
 * Bulk transfer over TCP, sans-I/O. The sender connects, writes the 8-byte
 * length and then the file, and closes; the sink accepts each connection,
 * reads the length, counts and checks the file's bytes as they arrive,
 * and closes its side when the sender has closed.
 *
 * Memory: the sender never holds the file. Each write is PATTERN_CHUNK (or
 * a view of it for the last piece), and TCP's send buffer keeps references
 * to what is written, so 10^9 bytes queue ~15,000 references to one 64 KiB
 * array.
 *
 * The sender's transfer time runs from the connect to the acknowledgement of
 * the file's last byte (the `acked` stream event), as the textbook counts a
 * transfer; the FIN that follows is not part of it.
 *
 * The trace: the length is the application message ("Transfer N bytes");
 * the file follows unlabelled in the same stream, so only the segments
 * carrying the header point at it.
 */
import type { Cause, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { formatIpv4 } from '../../net/ipv4';
import type { SimTime } from '../../sim/time';
import { encodeStreamHeader, isPattern, PATTERN_CHUNK, PATTERN_CHUNK_BYTES, STREAM_HEADER_BYTES, StreamHeaderReader } from './codec';
import { PROTOCOL, type BulkEvent } from './events';

export interface TcpBulkRequest {
  readonly server: SocketAddr;
  /** Size of the file, bytes. */
  readonly bytes: number;
}

/** The `ref` of the header message, named by the sender's later events. */
const TRANSFER = 1;

export function transferSummary(bytes: number): string {
  return `Transfer ${bytes} bytes`;
}

export class TcpBulkSender extends EngineBase<BulkEvent, TcpBulkRequest> {
  private readonly socket: SocketId;
  private bytes = 0;
  private startedAt: SimTime = 0;
  private phase: 'idle' | 'connecting' | 'sending' | 'over' = 'idle';

  constructor(env: EngineEnv) {
    super(PROTOCOL);
    this.socket = env.socketId();
  }

  override handleCommand(request: TcpBulkRequest, now: SimTime): void {
    if (this.phase !== 'idle') throw new Error('a bulk sender makes one transfer');
    this.phase = 'connecting';
    this.bytes = request.bytes;
    this.startedAt = now;
    const server = `${formatIpv4(request.server.addr)}:${request.server.port}`;
    this.out.event({ type: 'bulk.started', transport: 'tcp', bytes: request.bytes, datagrams: null, server });
    this.out.connect(this.socket, request.server);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    if (e.socket !== this.socket || this.phase === 'over') return;
    switch (e.type) {
      case 'connected':
        this.phase = 'sending';
        this.writeFile();
        this.out.close(this.socket);
        return;
      case 'acked':
        if (e.upTo < STREAM_HEADER_BYTES + this.bytes) return;
        this.phase = 'over';
        this.out.event({ type: 'bulk.sent', transport: 'tcp', bytes: this.bytes, elapsed: now - this.startedAt, cause: { sent: TRANSFER }, connection: e.connection });
        return;
      case 'closed':
        this.phase = 'over';
        this.out.event({ type: 'bulk.failed', reason: e.reason === 'closed' ? 'the connection closed before every byte was acknowledged' : `connection ${e.reason}`, received: null, expected: this.bytes, connection: e.connection });
        return;
      case 'failed':
        this.phase = 'over';
        this.out.event({ type: 'bulk.failed', reason: e.detail, received: null, expected: this.bytes, connection: null });
        return;
      case 'accepted':
      case 'data':
      case 'peerClosed':
        return;
    }
  }

  /** The header, then the file in 64 KiB writes that all share PATTERN_CHUNK (the pattern repeats every 256 bytes). */
  private writeFile(): void {
    this.out.write(this.socket, encodeStreamHeader(this.bytes), this.out.label(transferSummary(this.bytes), null, TRANSFER));
    for (let left = this.bytes; left > 0; left -= PATTERN_CHUNK_BYTES) {
      this.out.write(this.socket, left >= PATTERN_CHUNK_BYTES ? PATTERN_CHUNK : PATTERN_CHUNK.subarray(0, left), null);
    }
  }

}

interface Incoming {
  readonly connection: string;
  readonly header: StreamHeaderReader;
  /** The announced length, once the header is in. */
  expected: number | null;
  received: number;
  firstAt: SimTime | null;
  intact: boolean;
  /** Reported (completed, failed or malformed): nothing more is said of it, but one warning of bytes past its end. */
  done: boolean;
  overrun: boolean;
  /** The header message, which the completion answers. */
  cause: Cause;
}

export class TcpBulkSink extends EngineBase<BulkEvent> {
  private readonly listener: SocketId;
  private readonly incoming = new Map<SocketId, Incoming>();

  constructor(env: EngineEnv, port: number) {
    super(PROTOCOL);
    this.listener = env.socketId();
    this.out.listen(this.listener, port);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    switch (e.type) {
      case 'accepted':
        if (e.listener !== this.listener) return;
        this.incoming.set(e.socket, {
          connection: e.connection,
          header: new StreamHeaderReader(),
          expected: null,
          received: 0,
          firstAt: null,
          intact: true,
          done: false,
          overrun: false,
          cause: null,
        });
        return;
      case 'data': {
        const t = this.incoming.get(e.socket);
        if (t) this.receive(e.socket, t, e.data, e.messages, now);
        return;
      }
      case 'peerClosed': {
        const t = this.incoming.get(e.socket);
        if (!t) return;
        if (!t.done) this.fail(t, 'the sender closed before the end');
        this.out.close(e.socket);
        return;
      }
      case 'closed': {
        const t = this.incoming.get(e.socket);
        this.incoming.delete(e.socket);
        if (t && !t.done) this.fail(t, `connection ${e.reason}`);
        return;
      }
      case 'connected':
      case 'failed':
        return;
    }
  }

  private receive(socket: SocketId, t: Incoming, data: Uint8Array, messages: readonly number[], now: SimTime): void {
    t.firstAt ??= now;
    let rest = data;
    if (!t.header.complete) {
      rest = data.subarray(t.header.push(data));
      if (!t.header.complete) return;
      const header = t.header.decode();
      t.cause = messages[0] ?? null;
      if (!header.ok) {
        t.done = true;
        this.out.event({ type: 'bulk.malformed', reason: header.error.message, cause: t.cause, connection: t.connection });
        this.out.abort(socket);
        return;
      }
      t.expected = header.value.length;
    }
    const expected = t.expected;
    if (expected === null) return; // its header was malformed: reported, the connection reset
    const take = Math.min(expected - t.received, rest.length);
    if (take > 0) {
      if (!isPattern(rest.subarray(0, take), t.received)) t.intact = false;
      t.received += take;
    }
    if (!t.done && t.received === expected) {
      t.done = true;
      this.out.event({
        type: 'bulk.completed',
        transport: 'tcp',
        bytes: t.received,
        expected,
        elapsed: now - t.firstAt,
        intact: t.intact,
        datagrams: null,
        lost: 0,
        cause: t.cause,
        connection: t.connection,
      });
    }
    if (rest.length > take && !t.overrun) {
      t.overrun = true;
      this.out.event({ type: 'bulk.malformed', reason: `bytes past the announced end of ${expected} bytes`, cause: messages[messages.length - 1] ?? null, connection: t.connection });
    }
  }

  private fail(t: Incoming, reason: string): void {
    t.done = true;
    this.out.event({ type: 'bulk.failed', reason, received: t.received, expected: t.expected, connection: t.connection });
  }

}
