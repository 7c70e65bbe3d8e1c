/**
 * fast-check arbitraries for TCP segments, shared by the codec and
 * connection property tests.
 */
import fc from 'fast-check';
import type { TcpOption, TcpSegment } from './segment';

const option: fc.Arbitrary<TcpOption> = fc.oneof(
  fc.record({ kind: fc.constant('mss' as const), value: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({
    kind: fc.constant('raw' as const),
    type: fc.integer({ min: 3, max: 255 }),
    data: fc.uint8Array({ maxLength: 8 }),
  }),
);

/** Any encodable segment (raw option types 3..255, so that MSS round-trips as `mss`). */
export const tcpSegmentArbitrary: fc.Arbitrary<TcpSegment> = fc.record({
  srcPort: fc.integer({ min: 0, max: 0xffff }),
  dstPort: fc.integer({ min: 0, max: 0xffff }),
  seq: fc.integer({ min: 0, max: 0xffffffff }),
  ack: fc.integer({ min: 0, max: 0xffffffff }),
  flags: fc.integer({ min: 0, max: 0xff }),
  window: fc.integer({ min: 0, max: 0xffff }),
  urgentPointer: fc.integer({ min: 0, max: 0xffff }),
  options: fc.array(option, { maxLength: 3 }),
  payload: fc.uint8Array({ maxLength: 300 }),
});

