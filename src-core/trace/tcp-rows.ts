/**
 * TCP segments in the trace, kept compact: fixed-width columns in typed
 * arrays, one row a segment, instead of an object with strings and a copy of
 * its bytes. A bulk transfer is almost all segments, so this is where a
 * trace's memory goes.
 *
 * What a row holds, and what is worked out from it on demand:
 * - times (ns, Float64: exact integers to 2^53) and the timing split;
 * - the sending side (nodes, socket addresses, connection id, ISN) as the
 *   number of its flow record, one per side of a connection;
 * - the header bytes as sent (checksum included) in a shared byte pool;
 * - the payload as a reference into the sender's StreamArchive (stream
 *   offset and length), never a copy;
 * - the initial sequence numbers, so the Info line (relative Seq and Ack) is
 *   written when it is asked for, exactly as it would have been at send time.
 *
 * Rows live in pages of PAGE_ROWS; the last page grows by doubling from
 * NEW_PAGE_ROWS, so allocated capacity stays within twice the last page's
 * rows of what is used, and growing never copies more than one page.
 */
import type { LossInfo, SocketAddress } from './types';
import { StreamArchive } from './stream-archive';

const PAGE_BITS = 14;
export const PAGE_ROWS = 1 << PAGE_BITS;
const ROW_MASK = PAGE_ROWS - 1;
const NEW_PAGE_ROWS = 64;
/** Header pool pages; a header never straddles two. */
const POOL_PAGE_BITS = 16;
const POOL_PAGE_BYTES = 1 << POOL_PAGE_BITS;

/** How the Info line shows sequence numbers (describe.ts: SegmentIsns). */
export const ISN_MODE = { absolute: 0, relative: 1, relativeNoIrs: 2 } as const;
export type IsnMode = (typeof ISN_MODE)[keyof typeof ISN_MODE];

const FLAG_RETRANSMISSION = 1;
const ISN_MODE_SHIFT = 1;

/** What every segment one side of a connection sends has in common. */
export interface TcpFlow {
  readonly from: string;
  readonly to: string;
  readonly src: SocketAddress;
  readonly dst: SocketAddress;
  readonly connection: string | null;
  /** The sender's initial sequence number. */
  readonly iss: number;
}

interface FlowRecord extends TcpFlow {
  readonly archive: StreamArchive;
}

/** A segment as sent. */
export interface NewTcpRow {
  readonly sentAt: number;
  readonly causedBy: number | null;
  readonly carries: readonly number[];
  readonly retransmission: boolean;
  /** The segment as sent; its first `headerLength` bytes are kept. */
  readonly segment: Uint8Array;
  readonly headerLength: number;
  /** The sending side (openFlow(); the store's openTcpFlow()) and the stream offset of the payload's first byte. */
  readonly flow: number;
  readonly streamOffset: number;
  /** The Info line's numbering: relative to the flow's ISN (and irs) or absolute. */
  readonly isnMode: IsnMode;
  /** The ISN received from the peer (with isnMode relative). */
  readonly irs: number;
}

/** Every column of PAGE_ROWS rows (or fewer, for a growing last page). */
class Page {
  readonly id: Int32Array;
  readonly sentAt: Float64Array;
  /** NaN: not (yet) received. */
  readonly receivedAt: Float64Array;
  /** NaN in `queueing`: no timing. */
  readonly queueing: Float64Array;
  readonly transmission: Float64Array;
  readonly propagation: Float64Array;
  /** -1: none. */
  readonly causedBy: Int32Array;
  readonly flow: Uint32Array;
  readonly carriesStart: Uint32Array;
  readonly carriesCount: Uint32Array;
  readonly flags: Uint8Array;
  readonly headerAt: Uint32Array;
  readonly headerLength: Uint8Array;
  readonly streamOffset: Float64Array;
  readonly payloadLength: Uint32Array;
  readonly irs: Uint32Array;

  constructor(readonly capacity: number, from?: Page) {
    this.id = grow(Int32Array, capacity, from?.id);
    this.sentAt = grow(Float64Array, capacity, from?.sentAt);
    this.receivedAt = grow(Float64Array, capacity, from?.receivedAt);
    this.queueing = grow(Float64Array, capacity, from?.queueing);
    this.transmission = grow(Float64Array, capacity, from?.transmission);
    this.propagation = grow(Float64Array, capacity, from?.propagation);
    this.causedBy = grow(Int32Array, capacity, from?.causedBy);
    this.flow = grow(Uint32Array, capacity, from?.flow);
    this.carriesStart = grow(Uint32Array, capacity, from?.carriesStart);
    this.carriesCount = grow(Uint32Array, capacity, from?.carriesCount);
    this.flags = grow(Uint8Array, capacity, from?.flags);
    this.headerAt = grow(Uint32Array, capacity, from?.headerAt);
    this.headerLength = grow(Uint8Array, capacity, from?.headerLength);
    this.streamOffset = grow(Float64Array, capacity, from?.streamOffset);
    this.payloadLength = grow(Uint32Array, capacity, from?.payloadLength);
    this.irs = grow(Uint32Array, capacity, from?.irs);
  }

  /** Bytes allocated by the columns. */
  get bytes(): number {
    return this.capacity * ROW_BYTES;
  }
}

/** Bytes a row takes across the columns above. */
const ROW_BYTES = 4 + 5 * 8 + 4 + 4 + 4 + 4 + 1 + 4 + 1 + 8 + 4 + 4;

type TypedArrayOf<T> = { new (length: number): T };
function grow<T extends { set(a: ArrayLike<number>): void }>(Type: TypedArrayOf<T>, capacity: number, from: ArrayLike<number> | undefined): T {
  const array = new Type(capacity);
  if (from) array.set(from);
  return array;
}

export interface TcpRowsMemory {
  readonly rows: number;
  /** Columns, header pool, carries, losses and intern tables. */
  readonly rowBytes: number;
  /** The stream archives' references and offsets. */
  readonly streamReferenceBytes: number;
  /** The distinct application buffers the archives point into. */
  readonly streamBufferBytes: number;
}

export class TcpRows {
  private readonly pages: Page[] = [];
  private count = 0;
  private readonly pool: Uint8Array[] = [];
  private poolUsed = POOL_PAGE_BYTES;
  private readonly carries: number[] = [];
  private readonly losses = new Map<number, LossInfo>();
  private readonly flows: FlowRecord[] = [];

  get size(): number {
    return this.count;
  }

  /** One side of a connection, with an empty stream archive; returns its number. */
  openFlow(flow: TcpFlow): number {
    this.flows.push({ ...flow, archive: new StreamArchive() });
    return this.flows.length - 1;
  }

  /** The archive of what flow `flow`'s application wrote. */
  archive(flow: number): StreamArchive {
    return this.flows[flow]!.archive;
  }

  /** Appends the row of event `id`; returns its row number. */
  add(id: number, r: NewTcpRow): number {
    const k = this.count;
    const page = this.pageFor(k);
    const i = k & ROW_MASK;
    page.id[i] = id;
    page.sentAt[i] = r.sentAt;
    page.receivedAt[i] = NaN;
    page.queueing[i] = NaN;
    page.causedBy[i] = r.causedBy ?? -1;
    page.flow[i] = r.flow;
    page.carriesStart[i] = this.carries.length;
    page.carriesCount[i] = r.carries.length;
    for (const c of r.carries) this.carries.push(c);
    page.flags[i] = (r.retransmission ? FLAG_RETRANSMISSION : 0) | (r.isnMode << ISN_MODE_SHIFT);
    page.headerAt[i] = this.keepHeader(r.segment, r.headerLength);
    page.headerLength[i] = r.headerLength;
    page.streamOffset[i] = r.streamOffset;
    page.payloadLength[i] = r.segment.length - r.headerLength;
    page.irs[i] = r.irs;
    this.count = k + 1;
    return k;
  }

  // --- reading a row ---------------------------------------------------------

  id(k: number): number {
    return this.page(k).id[k & ROW_MASK]!;
  }

  sentAt(k: number): number {
    return this.page(k).sentAt[k & ROW_MASK]!;
  }

  receivedAt(k: number): number | null {
    const at = this.page(k).receivedAt[k & ROW_MASK]!;
    return Number.isNaN(at) ? null : at;
  }

  /** The timing split, or null; a new object each call. */
  timing(k: number): { queueing: number; transmission: number; propagation: number } | null {
    const p = this.page(k);
    const i = k & ROW_MASK;
    const queueing = p.queueing[i]!;
    return Number.isNaN(queueing) ? null : { queueing, transmission: p.transmission[i]!, propagation: p.propagation[i]! };
  }

  lost(k: number): LossInfo | null {
    return this.losses.get(k) ?? null;
  }

  causedBy(k: number): number | null {
    const c = this.page(k).causedBy[k & ROW_MASK]!;
    return c < 0 ? null : c;
  }

  /** The sending side's constants: nodes, addresses, connection, ISN. */
  flowOf(k: number): TcpFlow {
    return this.flows[this.page(k).flow[k & ROW_MASK]!]!;
  }

  carriesOf(k: number): number[] {
    const p = this.page(k);
    const start = p.carriesStart[k & ROW_MASK]!;
    return this.carries.slice(start, start + p.carriesCount[k & ROW_MASK]!);
  }

  retransmission(k: number): boolean {
    return (this.page(k).flags[k & ROW_MASK]! & FLAG_RETRANSMISSION) !== 0;
  }

  isnMode(k: number): IsnMode {
    return ((this.page(k).flags[k & ROW_MASK]! >> ISN_MODE_SHIFT) & 3) as IsnMode;
  }

  irs(k: number): number {
    return this.page(k).irs[k & ROW_MASK]!;
  }

  /** The header as sent: a view into the pool (do not modify). */
  header(k: number): Uint8Array {
    const p = this.page(k);
    const at = p.headerAt[k & ROW_MASK]!;
    const start = at & (POOL_PAGE_BYTES - 1);
    return this.pool[at >>> POOL_PAGE_BITS]!.subarray(start, start + p.headerLength[k & ROW_MASK]!);
  }

  payloadLength(k: number): number {
    return this.page(k).payloadLength[k & ROW_MASK]!;
  }

  /** The segment's bytes, header and payload, rebuilt in a new array. */
  segment(k: number): Uint8Array {
    const p = this.page(k);
    const i = k & ROW_MASK;
    const header = this.header(k);
    const length = p.payloadLength[i]!;
    const bytes = new Uint8Array(header.length + length);
    bytes.set(header);
    if (length > 0) this.flows[p.flow[i]!]!.archive.copy(p.streamOffset[i]!, length, bytes, header.length);
    return bytes;
  }

  // --- completing a row ------------------------------------------------------

  setReceived(k: number, at: number): void {
    this.page(k).receivedAt[k & ROW_MASK] = at;
  }

  setTiming(k: number, queueing: number, transmission: number, propagation: number): void {
    const p = this.page(k);
    const i = k & ROW_MASK;
    p.queueing[i] = queueing;
    p.transmission[i] = transmission;
    p.propagation[i] = propagation;
  }

  setLost(k: number, lost: LossInfo): void {
    this.losses.set(k, lost);
  }

  /** What the rows and their archives hold, in bytes, from the sizes allocated. */
  memory(): TcpRowsMemory {
    let rowBytes = 0;
    for (const p of this.pages) rowBytes += p.bytes;
    rowBytes += this.pool.length * POOL_PAGE_BYTES;
    rowBytes += this.carries.length * 8;
    // a Map entry with its key, value and a small loss record: ~120 bytes
    rowBytes += this.losses.size * 120;
    // a flow record, its archive and its strings: ~300 bytes (the strings are the socket's own)
    rowBytes += this.flows.length * 300;
    let streamReferenceBytes = 0;
    let streamBufferBytes = 0;
    for (const f of this.flows) {
      streamReferenceBytes += f.archive.referenceBytes;
      streamBufferBytes += f.archive.retainedBufferBytes;
    }
    return { rows: this.count, rowBytes, streamReferenceBytes, streamBufferBytes };
  }

  // --- internals -------------------------------------------------------------

  private page(k: number): Page {
    return this.pages[k >>> PAGE_BITS]!;
  }

  private pageFor(k: number): Page {
    const n = k >>> PAGE_BITS;
    let page = this.pages[n];
    if (!page) {
      page = new Page(NEW_PAGE_ROWS);
      this.pages.push(page);
    } else if ((k & ROW_MASK) >= page.capacity) {
      page = new Page(Math.min(PAGE_ROWS, page.capacity * 2), page);
      this.pages[n] = page;
    }
    return page;
  }

  /** Copies the header into the pool; returns its pool address (page << 16 | offset). */
  private keepHeader(segment: Uint8Array, length: number): number {
    if (this.poolUsed + length > POOL_PAGE_BYTES) {
      this.pool.push(new Uint8Array(POOL_PAGE_BYTES));
      this.poolUsed = 0;
    }
    const page = this.pool.length - 1;
    const at = this.poolUsed;
    const target = this.pool[page]!;
    for (let b = 0; b < length; b++) target[at + b] = segment[b]!;
    this.poolUsed = at + length;
    return page * POOL_PAGE_BYTES + at;
  }
}
