/**
 * What an application driver gets: its host's sockets, timers, and the means
 * to report state changes and metrics to the trace.
 */
import type { TimerHandle } from '../sim/scheduler';
import { toSeconds, type SimTime } from '../sim/time';
import type { JsonValue, MetricUnit } from '../trace/types';
import type { HostStack } from './stack';

export class AppContext {
  constructor(readonly stack: HostStack) {}

  get now(): SimTime {
    return this.stack.now;
  }

  get nodeId(): string {
    return this.stack.node.id;
  }

  /** A timer; a weak one does not keep the run going (like Node's unref()), e.g. a cache expiry. */
  after(delay: SimTime, action: () => void, options?: { weak?: boolean }): TimerHandle {
    return this.stack.env.scheduler.after(delay, action, options);
  }

  /** Random numbers for this host's engines (query ids …), from the run's seed. */
  randomUint32(): number {
    return this.stack.prng.nextUint32();
  }

  /** Address of another node in the scenario (ids are checked when the scenario is loaded). */
  addressOf(nodeId: string): number {
    const node = this.stack.env.network.node(nodeId);
    if (!node) throw new Error(`unknown node "${nodeId}"`);
    return node.address;
  }

  state(fields: { protocol: string; type: string; summary: string; connection?: string | null; causedBy?: number | null; data?: Record<string, JsonValue> }): number {
    return this.stack.env.tracer.store.addState({
      at: this.now,
      node: this.nodeId,
      protocol: fields.protocol,
      type: fields.type,
      summary: fields.summary,
      connection: fields.connection ?? null,
      causedBy: fields.causedBy ?? null,
      data: fields.data ?? {},
    }).id;
  }

  metric(name: string, value: number, unit: MetricUnit, summary: string): void {
    this.stack.env.tracer.store.addMetric({ node: this.nodeId, name, value, unit, at: this.now, summary });
  }

  /** A duration as a metric in seconds. */
  durationMetric(name: string, since: SimTime, summary: (seconds: string) => string): void {
    const s = toSeconds(this.now - since);
    this.metric(name, s, 's', summary(formatSeconds(s)));
  }
}

function formatSeconds(s: number): string {
  return `${Number(s.toFixed(6))} s`;
}
