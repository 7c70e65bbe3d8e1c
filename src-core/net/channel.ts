/**
 * One direction of a point-to-point link: a drop-tail FIFO queue in front of
 * a transmitter, then a wire with propagation delay.
 *
 * Store-and-forward timing for a packet of L bytes on a link of R bit/s and
 * propagation delay d (Kurose & Ross §1.4): it waits until the transmitter is
 * free (queueing delay), takes L·8/R to transmit (transmission delay), and its
 * last bit reaches the far end d later. The next packet starts transmitting as
 * soon as the previous one's last bit has left, while that one still
 * propagates.
 */
import type { Scheduler } from '../sim/scheduler';
import { transmissionDelay, type SimTime } from '../sim/time';
import type { DropReason, RandomLoss, RuleSet } from './faults';
import type { IpPacket } from './packet';
import type { LinkSpec } from './topology';
import { LinkTimeline } from './link-timeline';

export interface ChannelEnv {
  readonly scheduler: Scheduler;
  readonly rules: RuleSet;
  destinationOf(packet: IpPacket): string | null;
  arrive(packet: IpPacket, atNode: string): void;
  drop(packet: IpPacket, reason: DropReason, link: string | null, atNode: string): void;
}

/** What one direction of a link carried (the run's per-link statistics, link-report.ts). Times in ns. */
export interface ChannelStats {
  /** Packets transmitted (dropped ones on the wire included, queue-full ones not). */
  packets: number;
  /** IP bytes transmitted. */
  bytes: number;
  /** Time the transmitter was sending: the sum of the transmission delays. */
  busy: SimTime;
  /** Queueing delay, summed over the packets transmitted, and the longest. */
  queueing: SimTime;
  maxQueueing: SimTime;
  /** Packets refused because the queue was full. */
  queueDrops: number;
  /** The longest the queue grew (packets waiting behind the one being sent). */
  maxQueue: number;
}

interface Queued {
  readonly packet: IpPacket;
  readonly firstHop: boolean;
  readonly enqueuedAt: SimTime;
}

export class Channel {
  private readonly queue: Queued[] = [];
  private queueHead = 0;
  private busy = false;
  readonly stats: ChannelStats = { packets: 0, bytes: 0, busy: 0, queueing: 0, maxQueueing: 0, queueDrops: 0, maxQueue: 0 };
  /** The same, over time (link-timeline.ts). */
  readonly timeline = new LinkTimeline();

  /** The scheduler's callbacks, made once (sim/scheduler.ts call()). */
  private readonly finishNext = (item: Queued): void => this.finishTransmission(item);
  private readonly arriveNext = (packet: IpPacket): void => this.env.arrive(packet, this.to);

  constructor(
    readonly link: LinkSpec,
    readonly from: string,
    readonly to: string,
    private readonly loss: RandomLoss,
    private readonly env: ChannelEnv,
  ) {}

  /** Packets waiting behind the one being transmitted. */
  get queueLength(): number {
    return this.queue.length - this.queueHead;
  }

  send(packet: IpPacket, firstHop: boolean): void {
    const now = this.env.scheduler.now;
    if (!this.busy) {
      this.transmit({ packet, firstHop, enqueuedAt: now });
      return;
    }
    if (this.queueLength >= this.link.queuePackets) {
      this.stats.queueDrops++;
      this.env.drop(packet, 'queue-full', this.link.id, this.from);
      return;
    }
    this.queue.push({ packet, firstHop, enqueuedAt: now });
    this.stats.maxQueue = Math.max(this.stats.maxQueue, this.queueLength);
    this.timeline.queued(now, this.queueLength);
  }

  private transmit(item: Queued): void {
    const { scheduler } = this.env;
    const { packet } = item;
    this.busy = true;
    const waited = scheduler.now - item.enqueuedAt;
    packet.timing.queueing += waited;
    const tx = transmissionDelay(packet.size, this.link.bandwidth);
    packet.timing.transmission += tx;
    const stats = this.stats;
    stats.packets++;
    stats.bytes += packet.size;
    stats.busy += tx;
    stats.queueing += waited;
    if (waited > stats.maxQueueing) stats.maxQueueing = waited;
    this.timeline.transmitted(scheduler.now, tx, packet.size, waited);
    scheduler.call(tx, this.finishNext, item);
  }

  private finishTransmission(item: Queued): void {
    const { scheduler, rules } = this.env;
    const { packet } = item;
    const ruleDrop =
      !rules.empty &&
      rules.drops({
        packet,
        link: this.link.id,
        firstHop: item.firstHop,
        now: scheduler.now,
        destination: this.env.destinationOf(packet),
      });
    if (ruleDrop || this.loss.drops()) {
      this.env.drop(packet, ruleDrop ? 'rule' : 'random', this.link.id, this.from);
    } else {
      packet.timing.propagation += this.link.delay;
      scheduler.call(this.link.delay, this.arriveNext, packet);
    }
    this.busy = false;
    this.startNext();
  }

  private startNext(): void {
    if (this.queueHead >= this.queue.length) return;
    const next = this.queue[this.queueHead]!;
    this.queue[this.queueHead++] = undefined as unknown as Queued;
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
    this.transmit(next);
  }
}
