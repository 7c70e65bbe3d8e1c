/**
 * A 100 MB transfer (~72,000 full segments): stream offsets stay exact past
 * 2^32 sequence-number wrap-around territory and nothing is quadratic.
 * The application keeps at most 256 kB queued, refilling on tcp.dataAcked,
 * as a socket writer with a bounded buffer would.
 */
import { describe, expect, it } from 'vitest';
import { ConnectionPair } from './pair.test-helper';

const TOTAL = 100 * 1024 * 1024;
const CHUNK = Uint8Array.from({ length: 64 * 1024 }, (_, i) => (i * 7 + (i >>> 8)) & 0xff);

describe('bulk transfer', () => {
  it('moves 100 MB intact and in order, then closes', () => {
    let written = 0;
    let received = 0;
    let mismatches = 0;
    const pair = new ConnectionPair({
      record: false,
      issA: 0xfff00000, // wraps early in the transfer
      onEvent: (side, event, p) => {
        if (side === 'a' && (event.type === 'tcp.connected' || event.type === 'tcp.dataAcked')) {
          const a = p.conn('a');
          if (a.state !== 'ESTABLISHED') return;
          while (written < TOTAL && a.sendBufferedBytes < 256 * 1024) {
            a.send(CHUNK, p.now);
            written += CHUNK.length;
          }
          if (written >= TOTAL) a.close(p.now);
        }
        if (side === 'b' && event.type === 'tcp.dataReceived') {
          if (event.streamOffset !== received) mismatches += 1;
          const last = event.streamOffset + event.data.length - 1;
          if (event.data[0] !== CHUNK[event.streamOffset % CHUNK.length]) mismatches += 1;
          if (event.data[event.data.length - 1] !== CHUNK[last % CHUNK.length]) mismatches += 1;
          received += event.data.length;
        }
        if (side === 'b' && event.type === 'tcp.peerClosed') p.conn('b').close(p.now);
      },
    });
    pair.connect();
    pair.run();
    expect(received).toBe(TOTAL);
    expect(mismatches).toBe(0);
    expect(pair.conn('a').state).toBe('CLOSED');
    expect(pair.conn('b').state).toBe('CLOSED');
    // About one data segment per MSS plus one ACK for each (a few short
    // segments where the 65535-byte window is not a multiple of the MSS).
    expect(pair.segmentsSent).toBeLessThan(2.02 * Math.ceil(TOTAL / 1460));
  });
});
