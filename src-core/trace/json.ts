/**
 * The trace as versioned JSON ("l7-trace", version 1), documented in
 * docs/trace-format.md. Output is deterministic: the same trace gives the
 * same text byte for byte (fixed key order, integer times, no wall clock).
 * One event per line so that large traces diff and stream well.
 */
import { encodeBase64 } from './base64';
import type { Metric, TraceEvent, TraceNode } from './types';

export const TRACE_FORMAT = 'l7-trace';
export const TRACE_VERSION = 1;

export interface TraceHeader {
  /** Program that wrote it, e.g. "L7 Lab 0.1.0". */
  readonly generator: string;
  readonly scenario: string;
  readonly seed: number;
  /** Simulated time when the run stopped (ns). */
  readonly endTime: number;
  /** Why the run stopped: 'idle', 'end-time', 'event-budget', 'cancelled'. */
  readonly stopReason: string;
}

export interface TraceContent {
  readonly header: TraceHeader;
  readonly nodes: readonly TraceNode[];
  readonly events: readonly TraceEvent[];
  readonly metrics: readonly Metric[];
}

/** A trace event as plain JSON: bytes in base64, everything else as is. */
export function eventToJson(e: TraceEvent): Record<string, unknown> {
  if (e.kind === 'state') {
    return {
      id: e.id,
      kind: e.kind,
      at: e.at,
      node: e.node,
      protocol: e.protocol,
      type: e.type,
      summary: e.summary,
      connection: e.connection,
      causedBy: e.causedBy,
      data: e.data,
    };
  }
  return {
    id: e.id,
    kind: e.kind,
    layer: e.layer,
    protocol: e.protocol,
    from: e.from,
    to: e.to,
    src: { addr: e.src.addr, port: e.src.port },
    dst: { addr: e.dst.addr, port: e.dst.port },
    sentAt: e.sentAt,
    receivedAt: e.receivedAt,
    summary: e.summary,
    bytes: encodeBase64(e.bytes),
    connection: e.connection,
    causedBy: e.causedBy,
    carries: e.carries,
    retransmission: e.retransmission,
    timing: e.timing && { queueing: e.timing.queueing, transmission: e.timing.transmission, propagation: e.timing.propagation },
    lost: e.lost && { at: e.lost.at, reason: e.lost.reason, link: e.lost.link, node: e.lost.node },
  };
}

export function traceToJson(trace: TraceContent): string {
  const parts: string[] = [traceJsonHead(trace.header, trace.nodes)];
  trace.events.forEach((e, i) => parts.push(traceJsonEvent(e, i)));
  parts.push(traceJsonTail(trace.events.length, trace.metrics));
  return parts.join('');
}

/*
 * The same text in three pieces, so that a host can write a long trace as it
 * goes (head, then each event, then the tail): head + events + tail is
 * traceToJson's text byte for byte.
 */

/** Everything before the first event: the header fields, the nodes, and the opening of "events". */
export function traceJsonHead(h: TraceHeader, nodes: readonly TraceNode[]): string {
  const head = [
    `"format": ${JSON.stringify(TRACE_FORMAT)}`,
    `"version": ${TRACE_VERSION}`,
    `"generator": ${JSON.stringify(h.generator)}`,
    `"scenario": ${JSON.stringify(h.scenario)}`,
    `"seed": ${h.seed}`,
    `"endTime": ${h.endTime}`,
    `"stopReason": ${JSON.stringify(h.stopReason)}`,
    `"nodes": ${JSON.stringify(nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, address: n.address, services: n.services ?? [] })))}`,
  ];
  return `{\n  ${head.join(',\n  ')},\n  "events": [`;
}

/** Event number `index` (0-based) with the separator before it. */
export function traceJsonEvent(e: TraceEvent, index: number): string {
  return `${index === 0 ? '\n    ' : ',\n    '}${JSON.stringify(eventToJson(e))}`;
}

/** Everything after the last of `eventCount` events: the metrics and the closing brace. */
export function traceJsonTail(eventCount: number, metrics: readonly Metric[]): string {
  const parts: string[] = [eventCount ? '\n  ],\n  "metrics": [' : '],\n  "metrics": ['];
  metrics.forEach((m, i) => {
    const json = { node: m.node, name: m.name, value: m.value, unit: m.unit, at: m.at, summary: m.summary };
    parts.push(i === 0 ? '\n    ' : ',\n    ', JSON.stringify(json));
  });
  parts.push(metrics.length ? '\n  ]\n}\n' : ']\n}\n');
  return parts.join('');
}
