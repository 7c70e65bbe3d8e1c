/**
 * One TCP connection as a sans-I/O state machine (RFC 9293).
 *
 * Read first: RFC 9293 §3.3.2 (states, see `state.ts`), §3.4 (sequence
 * numbers), §3.10.7 (SEGMENT ARRIVES — `handleSegment` follows its steps in
 * order), RFC 6298 (retransmission timer, `rto.ts`), RFC 5681 §3.2 (fast
 * retransmit).
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
import { DEFAULT_PEER_MSS } from './config';
import type { TcpConfig } from './config';
import { TcpUsageError } from './events';
import type { TcpEvent, TcpTransmit } from './events';
import { ReassemblyBuffer } from './reassembly';
import { RtoEstimator } from './rto';
import { mssOption, TCP_FLAGS } from './segment';
import type { TcpOption, TcpSegment } from './segment';
import { SendBuffer } from './send-buffer';
import { seqDiff } from './seq';
import { acceptsData, acceptsSend, isLegalTransition, isSynchronized } from './state';
import type { TcpState } from './state';

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

const EMPTY = new Uint8Array(0);
const NO_OPTIONS: TcpOption[] = [];

export class TcpConnection {
  readonly local: Endpoint;
  readonly remote: Endpoint;
  private readonly config: TcpConfig;
  private readonly estimator: RtoEstimator;
  private current: TcpState = 'CLOSED';

  // ---- Send side: positions in our sequence space (0 = our SYN).
  private readonly issValue: number;
  /** SND.UNA: oldest position not yet acknowledged. */
  private sndUna = 0;
  /** SND.NXT: next position to send. Never moves back (retransmissions resend from SND.UNA). */
  private sndNxt = 0;
  /** SND.WND: the peer's advertised window, relative to SND.UNA. */
  private sndWnd = 0;
  /** SND.WL1 (peer position) and SND.WL2 (our position) of the last window update (RFC 9293 §3.10.7.4). */
  private sndWl1 = 0;
  private sndWl2 = 0;
  private sendBuffer = new SendBuffer();
  /** close() was called: a FIN follows the last queued byte. */
  private finQueued = false;
  private finSent = false;
  private mss: number;
  /** Highest data stream offset reported in tcp.dataAcked. */
  private dataAckedUpTo = 0;

  // ---- Timers and retransmission (RFC 6298 §5).
  private rtxDeadline: SimTime | null = null;
  private timeWaitDeadline: SimTime | null = null;
  /** Consecutive timeouts without progress (RFC 9293 §3.8.3 R2). */
  private retries = 0;
  /** The SYN (or SYN,ACK) timed out at least once: RFC 6298 (5.7) applies. */
  private synTimedOut = false;
  /** The one segment being timed for an RTT sample, cleared by any retransmission (Karn). */
  private rttProbe: { endPos: number; sentAt: SimTime } | null = null;
  private dupAcks = 0;
  /** Resend the segment at SND.UNA on the next pollTransmit. */
  private retransmitPending = false;

  // ---- Receive side: positions in the peer's sequence space (0 = their SYN).
  private irsValue: number | null = null;
  /** RCV.NXT: next position expected from the peer. */
  private rcvNxt = 0;
  /** RCV.WND, constant (see the header comment); 16 bits without window scaling. */
  private readonly rcvWnd: number;
  private readonly reassembly = new ReassemblyBuffer();
  /** Position of the peer's FIN once seen (possibly ahead of a gap). */
  private peerFinPos: number | null = null;
  private peerFinConsumed = false;
  /** An ACK is owed to the peer; any segment we send carries it. */
  private ackPending = false;
  /**
   * Further pure ACKs owed, one per out-of-order segment beyond the first
   * since we last sent: each is a duplicate ACK the sender counts (RFC 5681
   * §4.2), so they are not merged even when the host polls late.
   */
  private extraAcks = 0;

  // ---- Outputs.
  /** Segments outside the stream: RSTs. Sent before anything else. */
  private controlQueue: TcpSegment[] = [];
  private events: TcpEvent[] = [];
  private eventHead = 0;

  private constructor(local: Endpoint, remote: Endpoint, iss: number, config: TcpConfig) {
    this.local = { ...local };
    this.remote = { ...remote };
    this.issValue = iss >>> 0;
    this.config = config;
    this.estimator = new RtoEstimator(config);
    this.mss = Math.max(1, config.mss);
    this.rcvWnd = Math.max(0, Math.min(0xffff, config.receiveWindow));
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

  get state(): TcpState {
    return this.current;
  }

  get iss(): number {
    return this.issValue;
  }

  /** The peer's initial sequence number, once its SYN has arrived. */
  get irs(): number | null {
    return this.irsValue;
  }

  /** Sequence space sent and not yet acknowledged (data, plus 1 for an unacknowledged SYN or FIN). */
  get bytesInFlight(): number {
    return this.current === 'CLOSED' ? 0 : this.sndNxt - this.sndUna;
  }

  /** Data bytes written with send() and not yet acknowledged by the peer (sent or not). */
  get sendBufferedBytes(): number {
    return this.current === 'CLOSED' ? 0 : this.sendBuffer.length;
  }

  /** The current retransmission timeout, including back-off. */
  get rto(): SimTime {
    return this.estimator.rto;
  }

  /** Effective MSS: min(ours, the peer's announced MSS or 536). */
  get effectiveMss(): number {
    return this.mss;
  }

  // =====================================================================
  // Commands from the application.
  // =====================================================================

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

  /** New data acknowledged: SND.UNA advances to `ackPos` (> SND.UNA). */
  private acknowledge(ackPos: number, now: SimTime): void {
    this.sndUna = ackPos;
    this.retries = 0;
    this.dupAcks = 0;
    const dataUpTo = Math.min(Math.max(ackPos - 1, 0), this.sendBuffer.end);
    if (dataUpTo > this.dataAckedUpTo) {
      this.dataAckedUpTo = dataUpTo;
      this.sendBuffer.release(dataUpTo);
      this.emit({ type: 'tcp.dataAcked', upTo: dataUpTo });
    }
    // RTT sample from a segment that was never retransmitted (Karn, RFC 6298 §3).
    if (this.rttProbe !== null && ackPos >= this.rttProbe.endPos) {
      this.estimator.sample(now - this.rttProbe.sentAt);
      this.rttProbe = null;
    }
    // RFC 6298 (5.2) all acknowledged: stop the timer; (5.3) else restart it.
    this.rtxDeadline = this.sndUna === this.sndNxt ? null : now + this.estimator.rto;
  }

  /** RFC 5681 §3.2: the third duplicate ACK triggers one fast retransmission. */
  private duplicateAck(): void {
    this.dupAcks += 1;
    if (this.dupAcks === 3 && this.config.fastRetransmit) {
      this.retransmitPending = true;
      this.rttProbe = null;
      this.emit({
        type: 'tcp.retransmitting',
        seq: this.wireSnd(this.sndUna),
        reason: 'fast-retransmit',
        rto: this.estimator.rto,
      });
    }
  }

  // =====================================================================
  // Timers.
  // =====================================================================

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

  pollEvent(): TcpEvent | null {
    if (this.eventHead >= this.events.length) return null;
    const event = this.events[this.eventHead]!;
    this.eventHead += 1;
    if (this.eventHead === this.events.length) {
      this.events = [];
      this.eventHead = 0;
    }
    return event;
  }

  /** The next segment to send, or null. Call in a loop until null. */
  pollTransmit(now: SimTime): TcpTransmit | null {
    const control = this.controlQueue.shift();
    if (control) return { segment: control, retransmission: false, streamOffset: Math.max(0, this.sndNxt - 1) };
    if (this.current === 'CLOSED' || this.current === 'LISTEN') return null;
    if (this.retransmitPending) {
      this.retransmitPending = false;
      const again = this.retransmission(now);
      if (again) return again;
    }
    const fresh = this.newSegment(now);
    if (fresh) return fresh;
    if (this.irsValue !== null && (this.ackPending || this.extraAcks > 0)) {
      if (!this.ackPending) this.extraAcks -= 1;
      return { segment: this.segment(this.sndNxt, 0, EMPTY, NO_OPTIONS), retransmission: false, streamOffset: Math.max(0, this.sndNxt - 1) };
    }
    return null;
  }

  /** The segment at SND.UNA again, as it was first sent (SYN, or up to one MSS of data, with FIN if it reached it). */
  private retransmission(now: SimTime): TcpTransmit | null {
    if (this.sndUna >= this.sndNxt) return null;
    this.rttProbe = null;
    if (this.rtxDeadline === null) this.rtxDeadline = now + this.estimator.rto;
    if (this.sndUna === 0) {
      return { segment: this.synSegment(), retransmission: true, streamOffset: 0 };
    }
    const dataEnd = this.dataEndPos();
    const length = Math.max(0, Math.min(this.mss, Math.min(this.sndNxt, dataEnd) - this.sndUna));
    const withFin = this.finSent && this.sndUna + length === dataEnd;
    if (length === 0 && !withFin) return null;
    return {
      segment: this.dataSegment(this.sndUna, length, withFin),
      retransmission: true,
      streamOffset: this.sndUna - 1,
    };
  }

  /** New sequence space: the SYN, then data as the peer's window allows, then the FIN. */
  private newSegment(now: SimTime): TcpTransmit | null {
    if (this.sndNxt === 0) {
      // Our SYN (SYN,ACK when passive), even if close() already moved us
      // from SYN_RCVD to FIN_WAIT_1.
      this.sent(1, now);
      return { segment: this.synSegment(), retransmission: false, streamOffset: 0 };
    }
    if (!isSynchronized(this.current)) return null;
    const dataEnd = this.dataEndPos();
    const windowEnd = this.sndUna + this.sndWnd;
    // Zero window and nothing in flight: send one byte anyway as a window
    // probe (RFC 9293 §3.8.6.1); the retransmission timer repeats it.
    const probing = this.sndWnd === 0 && this.sndNxt === this.sndUna;
    const finAllowed = this.finQueued && !this.finSent && (this.current === 'FIN_WAIT_1' || this.current === 'LAST_ACK');
    if (this.sndNxt < dataEnd) {
      const usable = probing ? 1 : windowEnd - this.sndNxt;
      if (usable <= 0) return null;
      const start = this.sndNxt;
      const length = Math.min(this.mss, dataEnd - start, usable);
      // The FIN rides on the last data segment when it fits in the window.
      const withFin = finAllowed && start + length === dataEnd && dataEnd < windowEnd;
      this.sent(length + (withFin ? 1 : 0), now);
      if (withFin) this.finSent = true;
      return { segment: this.dataSegment(start, length, withFin), retransmission: false, streamOffset: start - 1 };
    }
    if (finAllowed && (this.sndNxt < windowEnd || probing)) {
      const start = this.sndNxt;
      this.sent(1, now);
      this.finSent = true;
      return { segment: this.dataSegment(start, 0, true), retransmission: false, streamOffset: start - 1 };
    }
    return null;
  }

  /** Book-keeping for `length` new positions sent at SND.NXT: timer (RFC 6298 5.1) and RTT probe. */
  private sent(length: number, now: SimTime): void {
    if (this.rttProbe === null) this.rttProbe = { endPos: this.sndNxt + length, sentAt: now };
    this.sndNxt += length;
    if (this.rtxDeadline === null) this.rtxDeadline = now + this.estimator.rto;
  }

  private synSegment(): TcpSegment {
    return this.segment(0, TCP_FLAGS.SYN, EMPTY, [{ kind: 'mss', value: Math.min(0xffff, this.config.mss) }]);
  }

  /** Data [pos, pos + length) from the send buffer, PSH when it empties the buffer, FIN if asked. */
  private dataSegment(pos: number, length: number, withFin: boolean): TcpSegment {
    const payload = length > 0 ? this.sendBuffer.read(pos - 1, length) : EMPTY;
    let flags = withFin ? TCP_FLAGS.FIN : 0;
    if (length > 0 && pos + length === this.dataEndPos()) flags |= TCP_FLAGS.PSH;
    return this.segment(pos, flags, payload, NO_OPTIONS);
  }

  /** A segment at our position `pos`; carries ACK whenever the peer's ISN is known (RFC 9293 §3.10.7.4). */
  private segment(pos: number, flags: number, payload: Uint8Array, options: TcpOption[]): TcpSegment {
    const synchronized = this.irsValue !== null;
    if (synchronized) this.ackPending = false;
    return {
      srcPort: this.local.port,
      dstPort: this.remote.port,
      seq: this.wireSnd(pos),
      ack: synchronized ? this.wireRcv(this.rcvNxt) : 0,
      flags: synchronized ? flags | TCP_FLAGS.ACK : flags,
      window: this.rcvWnd,
      urgentPointer: 0,
      options,
      payload,
    };
  }

  private rstSegment(seq: number): TcpSegment {
    return {
      srcPort: this.local.port,
      dstPort: this.remote.port,
      seq,
      ack: 0,
      flags: TCP_FLAGS.RST,
      window: 0,
      urgentPointer: 0,
      options: NO_OPTIONS,
      payload: EMPTY,
    };
  }

  // =====================================================================
  // Helpers.
  // =====================================================================

  private setState(to: TcpState): void {
    const from = this.current;
    if (!isLegalTransition(from, to)) throw new Error(`TCP bug: illegal transition ${from} → ${to}`);
    this.current = to;
    this.emit({ type: 'tcp.stateChanged', from, to });
    if (to === 'CLOSED') {
      this.rtxDeadline = null;
      this.timeWaitDeadline = null;
      this.retransmitPending = false;
      this.ackPending = false;
      this.extraAcks = 0;
      this.rttProbe = null;
      this.reassembly.clear();
      this.sendBuffer = new SendBuffer();
    }
  }

  private enterEstablished(): void {
    this.setState('ESTABLISHED');
    this.emit({ type: 'tcp.connected' });
    if (this.synTimedOut) this.estimator.fallbackAfterSynTimeout();
    if (this.finQueued) this.setState('FIN_WAIT_1');
  }

  private peerReset(): void {
    this.setState('CLOSED');
    this.emit({ type: 'tcp.reset', by: 'peer' });
  }

  private learnPeerMss(seg: TcpSegment): void {
    const peer = mssOption(seg) ?? DEFAULT_PEER_MSS;
    this.mss = Math.max(1, Math.min(this.config.mss, peer));
  }

  /** Position one past the last data byte written (= the FIN's position once close() is called). */
  private dataEndPos(): number {
    return 1 + this.sendBuffer.end;
  }

  private finPos(): number {
    return this.dataEndPos();
  }

  private wireSnd(pos: number): number {
    return (this.issValue + pos) >>> 0;
  }

  private wireRcv(pos: number): number {
    return ((this.irsValue ?? 0) + pos) >>> 0;
  }

  private emit(event: TcpEvent): void {
    this.events.push(event);
  }
}
