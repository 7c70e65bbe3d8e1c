/**
 * Bulk-transfer engine events → state events and metrics. Metrics:
 * `transferTime` (s) at both ends — the sender's from its start until the
 * last byte is through (TCP: the connection closed, every byte
 * acknowledged; UDP: the last datagram sent), the sink's from the first
 * byte received to the last — and `throughput` (bit/s) at the sink: 8 × the
 * file bytes received / the sink's transferTime.
 */
import type { Reporter } from '../../host/reporter';
import { toSeconds, type SimTime } from '../../sim/time';
import type { BulkEvent, BulkStateData } from './events';

/** "0.25 s", as Reporter.durationMetric writes it. */
export function secondsText(elapsed: SimTime): string {
  return `${Number(toSeconds(elapsed).toFixed(6))} s`;
}

/** "9.733 Mbit/s". */
export function rateText(bitsPerSecond: number): string {
  const [scale, unit] = bitsPerSecond >= 1e9 ? [1e9, 'Gbit/s'] : bitsPerSecond >= 1e6 ? [1e6, 'Mbit/s'] : bitsPerSecond >= 1e3 ? [1e3, 'kbit/s'] : [1, 'bit/s'];
  return `${Number((bitsPerSecond / scale).toFixed(3))} ${unit}`;
}

/** bit/s of `bytes` over `elapsed` ns; null for no time at all (the file came in one piece). */
export function throughputOf(bytes: number, elapsed: SimTime): number | null {
  return elapsed > 0 ? (8 * bytes) / toSeconds(elapsed) : null;
}

export function reportBulk(e: BulkEvent, r: Reporter<BulkStateData>): void {
  switch (e.type) {
    case 'bulk.started': {
      const how = e.transport === 'tcp' ? 'over TCP' : `in ${e.datagrams} UDP datagrams`;
      r.state('bulk.started', { summary: `sending ${e.bytes} bytes ${how} to ${e.server}`, data: { transport: e.transport, bytes: e.bytes, datagrams: e.datagrams, server: e.server } });
      return;
    }
    case 'bulk.sent': {
      const what = e.transport === 'tcp' ? `${e.bytes} bytes sent, the last one acknowledged` : `last datagram of ${e.bytes} bytes sent`;
      r.state('bulk.sent', { summary: `${what} after ${secondsText(e.elapsed)}`, causedBy: e.cause, connection: e.connection, data: { transport: e.transport, bytes: e.bytes, elapsed: e.elapsed } });
      // the metric names its transfer: a lesson runs several, and the Results table lists them side by side
      const sent = e.transport === 'tcp' ? `${e.bytes} bytes over TCP sent, the last one acknowledged` : `last UDP datagram of ${e.bytes} bytes sent`;
      r.durationMetric('transferTime', e.elapsed, (s) => `${sent} after ${s}`);
      return;
    }
    case 'bulk.completed': {
      const throughput = throughputOf(e.bytes, e.elapsed);
      const got = e.bytes === e.expected ? `${e.bytes} bytes` : `${e.bytes} of ${e.expected} bytes`;
      const damaged = e.intact ? '' : ' (some bytes not as sent)';
      r.state('bulk.completed', {
        summary: `received ${got} in ${secondsText(e.elapsed)}${throughput === null ? '' : `: ${rateText(throughput)}`}${damaged}`,
        causedBy: e.cause,
        connection: e.connection,
        data: { transport: e.transport, bytes: e.bytes, expected: e.expected, elapsed: e.elapsed, throughput, intact: e.intact },
      });
      const over = e.transport === 'tcp' ? 'over TCP' : 'over UDP';
      r.durationMetric('transferTime', e.elapsed, (s) => `${got} ${over}, first to last byte in ${s}`);
      if (throughput !== null) r.metric('throughput', throughput, 'bit/s', `${rateText(throughput)}: ${e.bytes} bytes ${over} in ${secondsText(e.elapsed)}`);
      if (e.datagrams !== null && e.lost > 0) {
        r.state('bulk.datagramsLost', { summary: `${e.lost} of ${e.datagrams} datagrams lost`, causedBy: e.cause, data: { lost: e.lost, datagrams: e.datagrams } });
      }
      return;
    }
    case 'bulk.failed':
      r.state('bulk.failed', {
        summary: e.received === null ? `transfer failed: ${e.reason}` : `transfer failed after ${e.received}${e.expected === null ? '' : ` of ${e.expected}`} bytes: ${e.reason}`,
        connection: e.connection,
        data: { reason: e.reason, received: e.received, expected: e.expected },
      });
      return;
    case 'bulk.malformed':
      r.state('bulk.malformed', { summary: `not a bulk transfer: ${e.reason}`, causedBy: e.cause, connection: e.connection, data: { reason: e.reason } });
      return;
  }
}
