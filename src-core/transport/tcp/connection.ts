/**
 * One TCP connection as a sans-I/O state machine (RFC 9293).
 *
 * Read first: RFC 9293 §3.3.2 (states, see `state.ts`), §3.4 (sequence
 * numbers), §3.10.7 (SEGMENT ARRIVES — `handleSegment` follows its steps in
 * order), RFC 6298 (retransmission timer, `rto.ts`), RFC 5681 §3.2 (fast
 * retransmit).
 *
 * Files: this one holds the inputs; machine.ts the state and the outputs.
 *
 * Shape (quinn-proto style): inputs are `send`, `close`, `abort`,
 * `handleSegment` and `handleTimeout`, each given the current time; outputs
 * are pulled with `pollTransmit` (loop until null), `pollTimeout` and
 * `pollEvent`. The connection never reads a clock.
 *
 * Positions. Internally both directions use unwrapped positions, plain
 * numbers counted from the SYN: position 0 is the SYN, position 1 + k is
 * data byte k (stream offset k), and the FIN follows the last data byte. The
 * wire sequence number of position p is (ISN + p) mod 2^32. `snd*` fields are
 * positions in our own sequence space, `rcv*` fields in the peer's. Incoming
 * numbers are unwrapped relative to SND.UNA / RCV.NXT, which is exact while
 * they are within 2^31 of it (RFC 9293 §3.4).
 *
 * Scope (chapter 2 of the course): no congestion control — the send window
 * is the peer's advertised window alone (RFC 5681 is not applied, except
 * fast retransmit); no Nagle algorithm and no delayed ACKs: data is sent as
 * soon as the window allows, PSH marks the last segment of what is queued,
 * and every segment that occupies sequence space is acknowledged at once.
 * The application consumes data on `tcp.dataReceived`, so the advertised
 * window is always `receiveWindow`. No urgent data, window scaling, SACK or
 * timestamps.
 */
import type { SimTime } from '../../sim/time';
import type { TcpConfig } from './config';
import { TcpUsageError } from './events';
import { TCP_FLAGS } from './segment';
import type { TcpSegment } from './segment';
import { seqDiff } from './seq';
import { acceptsData, acceptsSend, isSynchronized } from './state';
import { TcpMachine } from './machine';

export { DEFAULT_TCP_CONFIG } from './config';
export type { TcpConfig } from './config';
export { TcpUsageError } from './events';
export type { TcpEvent, TcpTransmit } from './events';
export type { TcpState } from './state';
export { rstForUnknownSegment } from './reset';

export interface Endpoint {
  /** IPv4 address as uint32. */
  addr: number;
  port: number;
}

/** The input side: commands, SEGMENT ARRIVES and timeouts; state and output are in TcpMachine (machine.ts). */
export class TcpConnection extends TcpMachine {
  private constructor(local: Endpoint, remote: Endpoint, iss: number, config: TcpConfig) {
    super(local, remote, iss, config);
  }

  /** Active open (RFC 9293 §3.10.1): queues a SYN carrying our MSS. */
  static connect(local: Endpoint, remote: Endpoint, iss: number, config: TcpConfig, _now: SimTime): TcpConnection {
    const conn = new TcpConnection(local, remote, iss, config);
    conn.setState('SYN_SENT');
    return conn;
  }

  /**
   * Passive open: the host's listener received `syn` from `remoteAddr` and
   * hands it over (RFC 9293 §3.10.7.2, LISTEN "Third"). Queues SYN,ACK.
   * Data or FIN on the SYN are not accepted (not acknowledged), so the peer
   * sends them again. Throws TcpUsageError if `syn` is not a plain SYN: the
   * host answers other segments to a listener itself (RST for an ACK).
   */
  static acceptSyn(
    local: Endpoint,
    syn: TcpSegment,
    remoteAddr: number,
    iss: number,
    config: TcpConfig,
    _now: SimTime,
  ): TcpConnection {
    if (!(syn.flags & TCP_FLAGS.SYN) || syn.flags & (TCP_FLAGS.ACK | TCP_FLAGS.RST)) {
      throw new TcpUsageError('not-a-syn', 'acceptSyn needs a segment with SYN and without ACK or RST');
    }
    const conn = new TcpConnection(local, { addr: remoteAddr, port: syn.srcPort }, iss, config);
    conn.current = 'LISTEN';
    conn.irsValue = syn.seq >>> 0;
    conn.rcvNxt = 1;
    conn.learnPeerMss(syn);
    conn.sndWnd = syn.window;
    conn.sndWl1 = 0;
    conn.sndWl2 = 0;
    conn.setState('SYN_RCVD');
    return conn;
  }

  /**
   * Queue bytes to send. `data` is kept by reference, not copied: do not
   * modify it afterwards. Throws TcpUsageError after close()/abort() or once
   * CLOSED.
   */
  send(data: Uint8Array, _now: SimTime): void {
    if (this.current === 'CLOSED') throw new TcpUsageError('closed', 'send() on a closed connection');
    if (this.finQueued || !acceptsSend(this.current)) {
      throw new TcpUsageError('closing', `send() after close() (state ${this.current})`);
    }
    this.sendBuffer.push(data);
  }

  /**
   * CLOSE (RFC 9293 §3.10.4): a FIN follows all queued data. Idempotent.
   * SYN_SENT with nothing queued: go straight to CLOSED. SYN_SENT or
   * SYN_RCVD with data queued: FIN_WAIT_1 once ESTABLISHED.
   */
  close(_now: SimTime): void {
    switch (this.current) {
      case 'SYN_SENT':
        if (this.sendBuffer.end === 0) {
          this.setState('CLOSED');
          this.emit({ type: 'tcp.closed' });
        } else {
          this.finQueued = true;
        }
        return;
      case 'SYN_RCVD':
        this.finQueued = true;
        if (this.sendBuffer.end === 0) this.setState('FIN_WAIT_1');
        return;
      case 'ESTABLISHED':
        this.finQueued = true;
        this.setState('FIN_WAIT_1');
        return;
      case 'CLOSE_WAIT':
        this.finQueued = true;
        this.setState('LAST_ACK');
        return;
      default:
        // Already closing or closed: nothing more to do.
        return;
    }
  }

  /** ABORT (RFC 9293 §3.10.5): RST <SEQ=SND.NXT> where a peer is synchronized with us, then CLOSED. */
  abort(_now: SimTime): void {
    switch (this.current) {
      case 'CLOSED':
        return;
      case 'SYN_RCVD':
      case 'ESTABLISHED':
      case 'FIN_WAIT_1':
      case 'FIN_WAIT_2':
      case 'CLOSE_WAIT':
        this.controlQueue.push(this.rstSegment(this.wireSnd(this.sndNxt)));
        break;
      default:
        // SYN_SENT, CLOSING, LAST_ACK, TIME_WAIT: no RST (RFC 9293 §3.10.5).
        break;
    }
    this.setState('CLOSED');
    this.emit({ type: 'tcp.reset', by: 'us' });
  }

  // =====================================================================
  // SEGMENT ARRIVES (RFC 9293 §3.10.7).
  // =====================================================================

  /** Process one segment addressed to this connection. Never throws for any segment. */
  handleSegment(seg: TcpSegment, now: SimTime): void {
    switch (this.current) {
      case 'CLOSED':
      case 'LISTEN':
        // No TCB: the host answers with rstForUnknownSegment (§3.10.7.1).
        return;
      case 'SYN_SENT':
        this.arriveInSynSent(seg, now);
        return;
      default:
        this.arriveSynchronized(seg, now);
        return;
    }
  }

  /** §3.10.7.3, SYN-SENT STATE. */
  private arriveInSynSent(seg: TcpSegment, now: SimTime): void {
    const hasAck = (seg.flags & TCP_FLAGS.ACK) !== 0;
    // First: the ACK is acceptable iff ISS < SEG.ACK =< SND.NXT.
    let ackPos = 0;
    if (hasAck) {
      ackPos = seqDiff(seg.ack, this.issValue);
      if (ackPos <= 0 || ackPos > this.sndNxt) {
        if (!(seg.flags & TCP_FLAGS.RST)) this.controlQueue.push(this.rstSegment(seg.ack >>> 0));
        return;
      }
    }
    // Second: a RST is acceptable only with an acceptable ACK.
    if (seg.flags & TCP_FLAGS.RST) {
      if (hasAck) this.peerReset();
      return;
    }
    // Fourth: SYN. Fifth: neither SYN nor RST → drop.
    if (!(seg.flags & TCP_FLAGS.SYN)) return;
    this.irsValue = seg.seq >>> 0;
    this.rcvNxt = 1;
    this.learnPeerMss(seg);
    this.sndWnd = seg.window;
    this.sndWl1 = 0;
    this.sndWl2 = ackPos;
    this.ackPending = true;
    if (hasAck) {
      this.acknowledge(ackPos, now);
      this.enterEstablished();
      // Data or FIN carried by the SYN,ACK: continue at "Sixth".
      this.processTextAndFin(seg, 1, now);
    } else {
      // Simultaneous open: send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>. Text
      // on the SYN is not accepted; the peer will resend it.
      this.setState('SYN_RCVD');
      this.retransmitPending = true;
      this.rttProbe = null;
    }
  }

  /** §3.10.7.4, SYN-RECEIVED and every synchronized state. */
  private arriveSynchronized(seg: TcpSegment, now: SimTime): void {
    const irs = this.irsValue ?? 0;
    const segPos = this.rcvNxt + seqDiff(seg.seq, (irs + this.rcvNxt) >>> 0);
    const syn = seg.flags & TCP_FLAGS.SYN ? 1 : 0;
    const fin = seg.flags & TCP_FLAGS.FIN ? 1 : 0;
    const rst = (seg.flags & TCP_FLAGS.RST) !== 0;
    const segLen = seg.payload.length + syn + fin;

    // First: sequence number acceptable? Otherwise ACK (unless RST) and drop.
    if (!this.acceptable(segPos, segLen)) {
      if (rst) return;
      if (this.current === 'SYN_RCVD' && syn && !(seg.flags & TCP_FLAGS.ACK) && segPos === 0) {
        // The peer resent its SYN: our SYN,ACK was lost. Resend it now
        // rather than answer with a bare ACK the peer would drop.
        this.retransmitPending = true;
        this.rttProbe = null;
        return;
      }
      this.ackPending = true;
      if (this.current === 'TIME_WAIT' && fin) this.startTimeWait(now); // retransmitted FIN: restart 2·MSL
      return;
    }

    // Second: RST (RFC 5961 §3 as adopted by §3.10.7.4): reset only when it
    // is exactly at RCV.NXT; elsewhere in the window, send a challenge ACK.
    if (rst) {
      if (segPos === this.rcvNxt) this.peerReset();
      else this.ackPending = true;
      return;
    }

    // Fourth: a SYN in a synchronized connection gets a challenge ACK (RFC 5961 §4).
    if (syn) {
      this.ackPending = true;
      return;
    }

    // Fifth: the ACK field. Without ACK, drop.
    if (!(seg.flags & TCP_FLAGS.ACK)) return;
    const ackPos = this.sndUna + seqDiff(seg.ack, this.wireSnd(this.sndUna));
    if (this.current === 'SYN_RCVD') {
      if (ackPos <= this.sndUna || ackPos > this.sndNxt) {
        this.controlQueue.push(this.rstSegment(seg.ack >>> 0));
        return;
      }
    }
    if (ackPos > this.sndNxt) {
      // Acknowledges something not yet sent: ACK and drop.
      this.ackPending = true;
      return;
    }
    if (ackPos >= this.sndUna) {
      const isDuplicate =
        ackPos === this.sndUna &&
        this.sndNxt > this.sndUna &&
        seg.payload.length === 0 &&
        !fin &&
        seg.window === this.sndWnd;
      // Window update (§3.10.7.4 "Fifth", SND.WL1/SND.WL2 guard against old segments).
      if (this.sndWl1 < segPos || (this.sndWl1 === segPos && this.sndWl2 <= ackPos)) {
        this.sndWnd = seg.window;
        this.sndWl1 = segPos;
        this.sndWl2 = ackPos;
      }
      if (ackPos > this.sndUna) {
        this.acknowledge(ackPos, now);
      } else {
        if (isDuplicate && isSynchronized(this.current)) this.duplicateAck();
        // Zero-window probing (§3.8.6.1): keep the connection while the peer answers probes.
        if (this.sndWnd === 0) this.retries = 0;
      }
    }
    // Old ACKs (ackPos < SND.UNA) are ignored; the segment is still processed.

    const finAcked = this.finSent && this.sndUna === this.finPos() + 1;
    switch (this.current) {
      case 'SYN_RCVD':
        this.enterEstablished();
        break;
      case 'FIN_WAIT_1':
        if (finAcked) this.setState('FIN_WAIT_2');
        break;
      case 'CLOSING':
        if (finAcked) {
          this.setState('TIME_WAIT');
          this.startTimeWait(now);
        }
        return;
      case 'LAST_ACK':
        if (finAcked) {
          this.setState('CLOSED');
          this.emit({ type: 'tcp.closed' });
        }
        return;
      default:
        break;
    }

    // Sixth: URG is not supported (the urgent pointer is ignored).
    // Seventh and eighth: text and FIN.
    this.processTextAndFin(seg, segPos, now);
  }

  /**
   * §3.10.7.4 "Seventh" (segment text) and "Eighth" (FIN). `dataPos` is the
   * peer position of payload[0].
   */
  private processTextAndFin(seg: TcpSegment, dataPos: number, now: SimTime): void {
    const payload = seg.payload;
    if (payload.length > 0) {
      const alreadyOwed = this.ackPending;
      this.ackPending = true;
      if (acceptsData(this.current) && !this.peerFinConsumed) {
        // Trim to the window and to a FIN already seen.
        let start = dataPos;
        let data = payload;
        if (start < this.rcvNxt) {
          data = data.subarray(Math.min(data.length, this.rcvNxt - start));
          start = this.rcvNxt;
        }
        const limit = Math.min(this.rcvNxt + this.rcvWnd, this.peerFinPos ?? Infinity);
        if (start + data.length > limit) data = data.subarray(0, Math.max(0, limit - start));
        if (data.length > 0) {
          if (start === this.rcvNxt) {
            this.deliver(data);
            for (const piece of this.reassembly.take(this.rcvNxt)) this.deliver(piece);
            // ACKs still owed would now carry the new RCV.NXT: not duplicates any more.
            this.extraAcks = 0;
          } else {
            this.reassembly.insert(start, data);
            if (alreadyOwed) this.extraAcks += 1;
          }
        }
      }
    }
    if (seg.flags & TCP_FLAGS.FIN) {
      this.ackPending = true;
      const finPos = dataPos + payload.length;
      if (this.peerFinPos === null && finPos >= this.rcvNxt && finPos < this.rcvNxt + this.rcvWnd) {
        this.peerFinPos = finPos;
      }
    }
    this.consumeFin(now);
  }

  /** Deliver in-order data at RCV.NXT, never past the peer's FIN. */
  private deliver(data: Uint8Array): void {
    let bytes = data;
    if (this.peerFinPos !== null && this.rcvNxt + bytes.length > this.peerFinPos) {
      bytes = bytes.subarray(0, Math.max(0, this.peerFinPos - this.rcvNxt));
    }
    if (bytes.length === 0) return;
    this.emit({ type: 'tcp.dataReceived', data: bytes, streamOffset: this.rcvNxt - 1 });
    this.rcvNxt += bytes.length;
  }

  /** §3.10.7.4 "Eighth": the FIN takes effect once every byte before it has been delivered. */
  private consumeFin(now: SimTime): void {
    if (this.peerFinConsumed || this.peerFinPos === null || this.rcvNxt !== this.peerFinPos) return;
    this.peerFinConsumed = true;
    this.rcvNxt += 1;
    this.reassembly.clear();
    this.ackPending = true;
    this.emit({ type: 'tcp.peerClosed' });
    switch (this.current) {
      case 'ESTABLISHED':
        this.setState('CLOSE_WAIT');
        break;
      case 'FIN_WAIT_1':
        // Our FIN is not acknowledged yet (else we would be in FIN_WAIT_2).
        this.setState('CLOSING');
        break;
      case 'FIN_WAIT_2':
        this.setState('TIME_WAIT');
        this.startTimeWait(now);
        break;
      default:
        break;
    }
  }

  /** Sequence-number acceptability test, the four cases of §3.10.7.4 "First". */
  private acceptable(segPos: number, segLen: number): boolean {
    const nxt = this.rcvNxt;
    const wnd = this.rcvWnd;
    if (segLen === 0) return wnd === 0 ? segPos === nxt : segPos >= nxt && segPos < nxt + wnd;
    if (wnd === 0) return false;
    const last = segPos + segLen - 1;
    return (segPos >= nxt && segPos < nxt + wnd) || (last >= nxt && last < nxt + wnd);
  }

  /** Call when `now >= pollTimeout()`; early calls do nothing. */
  handleTimeout(now: SimTime): void {
    if (this.timeWaitDeadline !== null && now >= this.timeWaitDeadline) {
      this.setState('CLOSED');
      this.emit({ type: 'tcp.closed' });
      return;
    }
    if (this.rtxDeadline === null || now < this.rtxDeadline) return;
    if (this.sndUna === this.sndNxt) {
      this.rtxDeadline = null;
      return;
    }
    if (this.retries >= this.config.maxRetransmissions) {
      this.setState('CLOSED');
      this.emit({ type: 'tcp.timedOut' });
      return;
    }
    // RFC 6298 (5.4) retransmit the earliest unacknowledged segment,
    // (5.5) back off, (5.6) restart the timer.
    this.retries += 1;
    if (this.sndUna === 0) this.synTimedOut = true;
    this.estimator.backoff();
    this.rtxDeadline = now + this.estimator.rto;
    this.retransmitPending = true;
    this.rttProbe = null;
    this.dupAcks = 0;
    this.emit({ type: 'tcp.retransmitting', seq: this.wireSnd(this.sndUna), reason: 'timeout', rto: this.estimator.rto });
  }

  /** Earliest deadline: the retransmission timer or the end of TIME_WAIT. */
  pollTimeout(): SimTime | null {
    if (this.current === 'CLOSED') return null;
    if (this.timeWaitDeadline !== null) return this.timeWaitDeadline;
    return this.rtxDeadline;
  }

  private startTimeWait(now: SimTime): void {
    this.rtxDeadline = null;
    this.retransmitPending = false;
    this.timeWaitDeadline = now + 2 * this.config.msl;
  }

  // =====================================================================
  // Output.
  // =====================================================================
}
