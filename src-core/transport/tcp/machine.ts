/**
 * The state and the output side of one TCP connection: fields, the segments
 * it builds and sends (pollTransmit), its events and its helpers.
 * TcpConnection (connection.ts) adds the input side: commands, SEGMENT
 * ARRIVES and timeouts. Read connection.ts's header first; this split is
 * only to keep each file to one concern.
 */
import type { SimTime } from '../../sim/time';
import { DEFAULT_PEER_MSS } from './config';
import type { TcpConfig } from './config';
import type { TcpEvent, TcpTransmit } from './events';
import { ReassemblyBuffer } from './reassembly';
import { RtoEstimator } from './rto';
import { mssOption, TCP_FLAGS } from './segment';
import type { TcpOption, TcpSegment } from './segment';
import { SendBuffer } from './send-buffer';
import { isLegalTransition, isSynchronized } from './state';
import type { TcpState } from './state';
import type { Endpoint } from './connection';

const EMPTY = new Uint8Array(0);
const NO_OPTIONS: TcpOption[] = [];

export abstract class TcpMachine {
  readonly local: Endpoint;
  readonly remote: Endpoint;
  protected readonly config: TcpConfig;
  protected readonly estimator: RtoEstimator;
  protected current: TcpState = 'CLOSED';

  // ---- Send side: positions in our sequence space (0 = our SYN).
  protected readonly issValue: number;
  /** SND.UNA: oldest position not yet acknowledged. */
  protected sndUna = 0;
  /** SND.NXT: next position to send. Never moves back (retransmissions resend from SND.UNA). */
  protected sndNxt = 0;
  /** SND.WND: the peer's advertised window, relative to SND.UNA. */
  protected sndWnd = 0;
  /** SND.WL1 (peer position) and SND.WL2 (our position) of the last window update (RFC 9293 §3.10.7.4). */
  protected sndWl1 = 0;
  protected sndWl2 = 0;
  protected sendBuffer = new SendBuffer();
  /** close() was called: a FIN follows the last queued byte. */
  protected finQueued = false;
  protected finSent = false;
  protected mss: number;
  /** Highest data stream offset reported in tcp.dataAcked. */
  protected dataAckedUpTo = 0;

  // ---- Timers and retransmission (RFC 6298 §5).
  protected rtxDeadline: SimTime | null = null;
  protected timeWaitDeadline: SimTime | null = null;
  /** Consecutive timeouts without progress (RFC 9293 §3.8.3 R2). */
  protected retries = 0;
  /** The SYN (or SYN,ACK) timed out at least once: RFC 6298 (5.7) applies. */
  protected synTimedOut = false;
  /** The one segment being timed for an RTT sample, cleared by any retransmission (Karn). */
  protected rttProbe: { endPos: number; sentAt: SimTime } | null = null;
  protected dupAcks = 0;
  /** Resend the segment at SND.UNA on the next pollTransmit. */
  protected retransmitPending = false;

  // ---- Receive side: positions in the peer's sequence space (0 = their SYN).
  protected irsValue: number | null = null;
  /** RCV.NXT: next position expected from the peer. */
  protected rcvNxt = 0;
  /** RCV.WND, constant (see the header comment); 16 bits without window scaling. */
  protected readonly rcvWnd: number;
  protected readonly reassembly = new ReassemblyBuffer();
  /** Position of the peer's FIN once seen (possibly ahead of a gap). */
  protected peerFinPos: number | null = null;
  protected peerFinConsumed = false;
  /** An ACK is owed to the peer; any segment we send carries it. */
  protected ackPending = false;
  /**
   * Further pure ACKs owed, one per out-of-order segment beyond the first
   * since we last sent: each is a duplicate ACK the sender counts (RFC 5681
   * §4.2), so they are not merged even when the host polls late.
   */
  protected extraAcks = 0;

  // ---- Outputs.
  /** Segments outside the stream: RSTs. Sent before anything else. */
  protected controlQueue: TcpSegment[] = [];
  protected events: TcpEvent[] = [];
  protected eventHead = 0;

  protected constructor(local: Endpoint, remote: Endpoint, iss: number, config: TcpConfig) {
    this.local = { ...local };
    this.remote = { ...remote };
    this.issValue = iss >>> 0;
    this.config = config;
    this.estimator = new RtoEstimator(config);
    this.mss = Math.max(1, config.mss);
    this.rcvWnd = Math.max(0, Math.min(0xffff, config.receiveWindow));
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
  protected retransmission(now: SimTime): TcpTransmit | null {
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
  protected newSegment(now: SimTime): TcpTransmit | null {
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
      // The FIN rides on the last data segment when the peer's window has room for it.
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
  protected sent(length: number, now: SimTime): void {
    if (this.rttProbe === null) this.rttProbe = { endPos: this.sndNxt + length, sentAt: now };
    this.sndNxt += length;
    if (this.rtxDeadline === null) this.rtxDeadline = now + this.estimator.rto;
  }

  protected synSegment(): TcpSegment {
    return this.segment(0, TCP_FLAGS.SYN, EMPTY, [{ kind: 'mss', value: Math.min(0xffff, this.config.mss) }]);
  }

  /** Data [pos, pos + length) from the send buffer, PSH when it empties the buffer, FIN if asked. */
  protected dataSegment(pos: number, length: number, withFin: boolean): TcpSegment {
    const payload = length > 0 ? this.sendBuffer.read(pos - 1, length) : EMPTY;
    let flags = withFin ? TCP_FLAGS.FIN : 0;
    if (length > 0 && pos + length === this.dataEndPos()) flags |= TCP_FLAGS.PSH;
    return this.segment(pos, flags, payload, NO_OPTIONS);
  }

  /** A segment at our position `pos`; carries ACK whenever the peer's ISN is known (RFC 9293 §3.10.7.4). */
  protected segment(pos: number, flags: number, payload: Uint8Array, options: TcpOption[]): TcpSegment {
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

  protected rstSegment(seq: number): TcpSegment {
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

  protected setState(to: TcpState): void {
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

  protected enterEstablished(): void {
    this.setState('ESTABLISHED');
    this.emit({ type: 'tcp.connected' });
    if (this.synTimedOut) this.estimator.fallbackAfterSynTimeout();
    if (this.finQueued) this.setState('FIN_WAIT_1');
  }

  protected peerReset(): void {
    this.setState('CLOSED');
    this.emit({ type: 'tcp.reset', by: 'peer' });
  }

  protected learnPeerMss(seg: TcpSegment): void {
    const peer = mssOption(seg) ?? DEFAULT_PEER_MSS;
    this.mss = Math.max(1, Math.min(this.config.mss, peer));
  }

  /** Position one past the last data byte written (= the FIN's position once close() is called). */
  protected dataEndPos(): number {
    return 1 + this.sendBuffer.end;
  }

  protected finPos(): number {
    return this.dataEndPos();
  }

  protected wireSnd(pos: number): number {
    return (this.issValue + pos) >>> 0;
  }

  protected wireRcv(pos: number): number {
    return ((this.irsValue ?? 0) + pos) >>> 0;
  }

  protected emit(event: TcpEvent): void {
    this.events.push(event);
  }

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

  /** New data acknowledged: SND.UNA advances to `ackPos` (> SND.UNA). */
  protected acknowledge(ackPos: number, now: SimTime): void {
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
  protected duplicateAck(): void {
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
}
