/**
 * An object's bar in the waterfall: its phases as segments, in ns since the
 * page load began, each drawn only when it lasted (a zero-length phase, a
 * response that arrived in one segment, has no segment).
 *
 * - DNS: from when the browser wanted the object to when its server's
 *   address was known — only when that came later (a name already known
 *   costs nothing);
 * - connect: the TCP handshake, for an object that opened its connection;
 * - waiting: the request sent → the response's first byte (a round trip,
 *   plus the server's time and, pipelined, the responses ahead of it);
 * - receiving: first → last byte of the response.
 * Between them a bar may have gaps (waiting for a free connection).
 */
import { t } from '../i18n/translate';
import type { SimTime } from '../../src-core/sim/time';
import type { PageObject } from './page-loads';

export type Phase = 'dns' | 'connect' | 'waiting' | 'receiving';

export interface PhaseInfo {
  readonly phase: Phase;
  /** Short name, for the legend and tooltips. */
  readonly label: string;
  /** What it measures. */
  readonly detail: string;
}

/** A phase whose words are read from the catalogue when shown (so they follow the language). */
function phaseInfo(phase: Phase): PhaseInfo {
  return {
    phase,
    get label() {
      return t(`waterfall.phases.${phase}.label`);
    },
    get detail() {
      return t(`waterfall.phases.${phase}.detail`);
    },
  };
}

/** In the order they happen (and the legend's). */
export const PHASES: readonly PhaseInfo[] = (['dns', 'connect', 'waiting', 'receiving'] as const).map(phaseInfo);

export interface Segment {
  readonly phase: Phase;
  /** ns since the page load began. */
  readonly from: SimTime;
  readonly to: SimTime;
}

export function objectSegments(o: PageObject): Segment[] {
  const t = o.relative;
  const out: Segment[] = [];
  const add = (phase: Phase, from: SimTime | null, to: SimTime | null) => {
    if (from !== null && to !== null && to > from) out.push({ phase, from, to });
  };
  add('dns', o.wanted, t.resolved);
  add('connect', t.connectStart, t.connected);
  add('waiting', t.requestSent, t.firstByte);
  add('receiving', t.firstByte, t.lastByte);
  return out;
}

/** Where an object's bar begins and ends, ns since the page load began: its first phase to its last byte. */
export function barSpan(o: PageObject): { readonly from: SimTime; readonly to: SimTime } {
  const first = objectSegments(o)[0];
  return { from: Math.min(first?.from ?? o.relative.requestSent, o.relative.requestSent), to: o.relative.lastByte };
}
