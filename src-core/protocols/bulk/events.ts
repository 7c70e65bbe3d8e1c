/**
 * What the bulk-transfer engines report (past tense), and the state events
 * they become (report.ts). Times are SimTime (integer ns); byte counts are
 * bytes of the file, never of headers.
 */
import type { Cause, CauseRef } from '../../engine/face';
import type { SimTime } from '../../sim/time';
import type { BulkTransport } from './schema';

export const PROTOCOL = 'bulk';

export type BulkEvent =
  /** Sender: the transfer began (TCP: connect; UDP: the first datagram). */
  | { readonly type: 'bulk.started'; readonly transport: BulkTransport; readonly bytes: number; readonly datagrams: number | null; readonly server: string }
  /**
   * Sender: done. TCP: the peer acknowledged the file's last byte (the
   * `acked` stream event); UDP: the last datagram went out.
   * `elapsed` counts from the start.
   */
  | { readonly type: 'bulk.sent'; readonly transport: BulkTransport; readonly bytes: number; readonly elapsed: SimTime; readonly cause: CauseRef; readonly connection: string | null }
  /** Sink: a transfer ended; `elapsed` runs from its first byte received to its last. UDP: `lost` datagrams never came. */
  | {
      readonly type: 'bulk.completed';
      readonly transport: BulkTransport;
      readonly bytes: number;
      readonly expected: number;
      readonly elapsed: SimTime;
      readonly intact: boolean;
      readonly datagrams: number | null;
      readonly lost: number;
      readonly cause: Cause;
      readonly connection: string | null;
    }
  /**
   * Either end: the connection ended (or could not start) before the whole
   * file was through. `received`: file bytes the sink has (null at the
   * sender, which cannot know); `expected`: the file's size, if known.
   */
  | { readonly type: 'bulk.failed'; readonly reason: string; readonly received: number | null; readonly expected: number | null; readonly connection: string | null }
  /** Sink: bytes that are not this protocol (a bad header, data past the announced end), ignored. */
  | { readonly type: 'bulk.malformed'; readonly reason: string; readonly cause: Cause; readonly connection: string | null };

/** The state types of the bulk-transfer protocol and the data each carries (docs/trace-format.md). */
export type BulkStateData = {
  readonly 'bulk.started': { readonly transport: BulkTransport; readonly bytes: number; readonly datagrams: number | null; readonly server: string };
  readonly 'bulk.sent': { readonly transport: BulkTransport; readonly bytes: number; readonly elapsed: number };
  readonly 'bulk.completed': {
    readonly transport: BulkTransport;
    readonly bytes: number;
    readonly expected: number;
    readonly elapsed: number;
    /** bit/s over `elapsed`; null when the file came in one piece (elapsed 0). */
    readonly throughput: number | null;
    readonly intact: boolean;
  };
  readonly 'bulk.datagramsLost': { readonly lost: number; readonly datagrams: number };
  readonly 'bulk.failed': { readonly reason: string; readonly received: number | null; readonly expected: number | null };
  readonly 'bulk.malformed': { readonly reason: string };
};

export const BULK_STATE_TYPES: readonly (keyof BulkStateData)[] = ['bulk.started', 'bulk.sent', 'bulk.completed', 'bulk.datagramsLost', 'bulk.failed', 'bulk.malformed'];
