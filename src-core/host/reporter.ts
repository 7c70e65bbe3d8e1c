/**
 * How an engine's events reach the trace: each protocol module turns its
 * engine's events into state events and metrics through a Reporter, typed by
 * the protocol's map of state types to their data (e.g. DnsStateData), so a
 * state event's `data` has one declared shape per type.
 *
 * It also keeps the engine's own message references ({ sent: ref } in
 * engine/face.ts) → trace ids, so an engine can name a message it sent as
 * the cause of a later one without knowing trace ids.
 */
import type { CauseRef } from '../engine/face';
import { toSeconds, type SimTime } from '../sim/time';
import type { TraceStore } from '../trace/store';
import type { JsonValue, MetricUnit, TraceEvent } from '../trace/types';

/** Where reports go: the trace of a run (a host of the simulation) or of `l7 serve`. */
export interface ReportSink {
  readonly now: SimTime;
  readonly nodeId: string;
  readonly store: TraceStore;
}

/** JSON a state event's data may hold (read-only: engines hand it over and never change it). */
export type JsonData = null | boolean | number | string | readonly JsonData[] | { readonly [key: string]: JsonData };

/** Plain JSON object data of one state type. */
export type StateData = { readonly [key: string]: JsonData };

/** A protocol's state types and the data each carries. */
export type StateDataMap = { readonly [type: string]: StateData };

export interface StateFields<D> {
  readonly summary: string;
  readonly data: D;
  readonly causedBy?: CauseRef;
  readonly connection?: string | null;
}

/** The state type of an engine fault (driver.ts). */
export const ENGINE_ERROR = 'engine.error';

export type EngineErrorData = { readonly engine: string; readonly where: string; readonly message: string };

export class Reporter<M extends StateDataMap> {
  private readonly sentIds = new Map<number, number>();

  constructor(
    private readonly sink: ReportSink,
    readonly protocol: string,
  ) {}

  get now(): SimTime {
    return this.sink.now;
  }

  get nodeId(): string {
    return this.sink.nodeId;
  }

  /** The trace so far (read-only): a measurement may be taken from it, as a network tap would (attack-engines.ts). */
  get events(): readonly TraceEvent[] {
    return this.sink.store.events;
  }

  /** Records a state event of `type` with its typed data; returns its trace id. */
  state<K extends keyof M & string>(type: K, fields: StateFields<M[K]>): number {
    return this.addState(type, fields);
  }

  metric(name: string, value: number, unit: MetricUnit, summary: string): void {
    this.sink.store.addMetric({ node: this.nodeId, name, value, unit, at: this.now, summary });
  }

  /** A duration in seconds (from ns), summarised with its value as text: "0.250000 s" is written "0.25 s". */
  durationMetric(name: string, elapsed: SimTime, summary: (seconds: string) => string): void {
    const s = toSeconds(elapsed);
    this.metric(name, s, 's', summary(`${Number(s.toFixed(6))} s`));
  }

  /** @internal the driver: the engine's message `ref` went out as trace event `id`. */
  sent(ref: number, id: number): void {
    this.sentIds.set(ref, id);
  }

  /** @internal the trace id a cause names (null for a message never sent, e.g. one dropped with its socket). */
  resolve(cause: CauseRef | undefined): number | null {
    if (cause === undefined || cause === null) return null;
    if (typeof cause === 'number') return cause;
    return this.sentIds.get(cause.sent) ?? null;
  }

  /** @internal the driver: an exception from the engine, contained. */
  fault(engine: string, where: string, message: string): void {
    const data: EngineErrorData = { engine, where, message };
    this.addState(ENGINE_ERROR, { summary: `internal error in the ${engine} while ${where}: ${message}`, data });
  }

  private addState(type: string, fields: StateFields<StateData>): number {
    return this.sink.store.addState({
      at: this.now,
      node: this.nodeId,
      protocol: this.protocol,
      type,
      summary: fields.summary,
      connection: fields.connection ?? null,
      causedBy: this.resolve(fields.causedBy),
      // Read-only JSON is JSON: the store keeps it as given.
      data: fields.data as Readonly<Record<string, JsonValue>>,
    }).id;
  }
}
