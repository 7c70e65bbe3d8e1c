/**
 * A TCP segment of the trace as a MessageEvent, read from its row in
 * TcpRows: the object holds only the rows and the row number; every field is
 * worked out when read. `bytes` and `timing` are new objects on each read,
 * `summary` is written from the header (the same text the sender would have
 * written), so the trace keeps ~100 bytes a segment instead of ~1.4 KB.
 *
 * Hosts that send events across a thread boundary call `plainMessage()`:
 * structured cloning copies own data properties, not getters.
 */
import { describeTcpHeader } from '../transport/tcp/describe';
import type { SimTime } from '../sim/time';
import { ISN_MODE, type TcpRows } from './tcp-rows';
import type { Layer, LossInfo, MessageEvent, MessageTiming, SocketAddress } from './types';

export class TcpMessageView implements MessageEvent {
  constructor(
    private readonly rows: TcpRows,
    /** The row number in `rows`. */
    readonly row: number,
  ) {}

  get kind(): 'message' {
    return 'message';
  }

  get id(): number {
    return this.rows.id(this.row);
  }

  get layer(): Layer {
    return 'transport';
  }

  get protocol(): string {
    return 'tcp';
  }

  get from(): string {
    return this.rows.flowOf(this.row).from;
  }

  get to(): string {
    return this.rows.flowOf(this.row).to;
  }

  get src(): SocketAddress {
    return this.rows.flowOf(this.row).src;
  }

  get dst(): SocketAddress {
    return this.rows.flowOf(this.row).dst;
  }

  get sentAt(): SimTime {
    return this.rows.sentAt(this.row);
  }

  get receivedAt(): SimTime | null {
    return this.rows.receivedAt(this.row);
  }

  get summary(): string {
    const rows = this.rows;
    const k = this.row;
    const mode = rows.isnMode(k);
    const isns = mode === ISN_MODE.absolute ? null : { iss: rows.flowOf(k).iss, irs: mode === ISN_MODE.relative ? rows.irs(k) : null };
    const line = describeTcpHeader(rows.header(k), rows.payloadLength(k), isns);
    return rows.retransmission(k) ? `[TCP Retransmission] ${line}` : line;
  }

  get bytes(): Uint8Array {
    return this.rows.segment(this.row);
  }

  get connection(): string | null {
    return this.rows.flowOf(this.row).connection;
  }

  get causedBy(): number | null {
    return this.rows.causedBy(this.row);
  }

  get carries(): readonly number[] {
    return this.rows.carriesOf(this.row);
  }

  get retransmission(): boolean {
    return this.rows.retransmission(this.row);
  }

  get timing(): MessageTiming | null {
    return this.rows.timing(this.row);
  }

  get lost(): LossInfo | null {
    return this.rows.lost(this.row);
  }
}

/** The event as a plain object with its own properties (for postMessage, spreading, equality in tests). */
export function plainMessage(e: MessageEvent): MessageEvent {
  if (!(e instanceof TcpMessageView)) return e;
  return {
    kind: 'message',
    id: e.id,
    layer: e.layer,
    protocol: e.protocol,
    from: e.from,
    to: e.to,
    src: e.src,
    dst: e.dst,
    sentAt: e.sentAt,
    receivedAt: e.receivedAt,
    summary: e.summary,
    bytes: e.bytes,
    connection: e.connection,
    causedBy: e.causedBy,
    carries: e.carries,
    retransmission: e.retransmission,
    timing: e.timing,
    lost: e.lost,
  };
}
