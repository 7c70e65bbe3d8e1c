import { describe, expect, it } from 'vitest';
import { TCP_FLAGS } from './codec';
import type { TcpSegment } from './codec';
import { rstForUnknownSegment } from './connection';

const base: TcpSegment = {
  srcPort: 40000,
  dstPort: 80,
  seq: 0xfffffffe,
  ack: 777,
  flags: TCP_FLAGS.SYN,
  window: 65535,
  urgentPointer: 0,
  options: [{ kind: 'mss', value: 1460 }],
  payload: new Uint8Array(0),
};

describe('rstForUnknownSegment (RFC 9293 §3.10.7.1)', () => {
  it('answers a SYN with <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>, ports swapped', () => {
    expect(rstForUnknownSegment(base)).toEqual({
      srcPort: 80,
      dstPort: 40000,
      seq: 0,
      ack: 0xffffffff,
      flags: TCP_FLAGS.RST | TCP_FLAGS.ACK,
      window: 0,
      urgentPointer: 0,
      options: [],
      payload: new Uint8Array(0),
    });
  });

  it('counts data and FIN in SEG.LEN, modulo 2^32', () => {
    const rst = rstForUnknownSegment({ ...base, flags: TCP_FLAGS.FIN, payload: new Uint8Array(3) });
    expect(rst?.ack).toBe(2); // 0xfffffffe + 3 + 1
  });

  it('answers a segment with ACK by <SEQ=SEG.ACK><CTL=RST>', () => {
    const rst = rstForUnknownSegment({ ...base, flags: TCP_FLAGS.ACK | TCP_FLAGS.PSH, payload: new Uint8Array(10) });
    expect(rst).toMatchObject({ seq: 777, ack: 0, flags: TCP_FLAGS.RST });
  });

  it('never answers a RST', () => {
    expect(rstForUnknownSegment({ ...base, flags: TCP_FLAGS.RST })).toBeNull();
    expect(rstForUnknownSegment({ ...base, flags: TCP_FLAGS.RST | TCP_FLAGS.ACK })).toBeNull();
  });
});
