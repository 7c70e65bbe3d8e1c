/**
 * Whether a formula's assumptions held in a run (guide-schema.ts
 * Assumption), each with a sentence for the formula panel. The course's
 * chapter-2 formulas count round trips and, where it says so, transmission
 * times L/R; a run can break either assumption (a slow link, a full queue,
 * a loss and its retransmission), and the panel must say so rather than let
 * a difference look like an error of the simulator.
 *
 * Figures come from the transport messages' timing (summed over the hops of
 * their path by the network): propagation, transmission and queueing.
 */
import type { MessageEvent } from '../trace/types';
import type { Assumption } from './guide-schema';
import type { RunRecord } from './measure';

export interface AssumptionResult {
  readonly assumption: Assumption;
  readonly holds: boolean;
  readonly text: string;
}

const ms = (ns: number) => `${Number((ns / 1e6).toPrecision(4))} ms`;
const percent = (r: number) => `${Number((r * 100).toPrecision(3))} %`;

function transportMessages(record: RunRecord): MessageEvent[] {
  return record.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'transport');
}

function checkLoss(record: RunRecord, assumption: Assumption): AssumptionResult {
  // packets: a lost datagram's application message is lost with it, and counts once
  const lost = transportMessages(record).filter((m) => m.lost !== null).length;
  return lost === 0
    ? { assumption, holds: true, text: 'No packet was lost.' }
    : { assumption, holds: false, text: `${lost} packet${lost === 1 ? ' was' : 's were'} lost; the formula counts no loss and no retransmission.` };
}

function checkTransmission(record: RunRecord, assumption: Assumption & { check: 'transmission-negligible' }): AssumptionResult {
  let propagation = 0;
  let added = 0;
  for (const m of transportMessages(record)) {
    if (m.timing === null) continue;
    propagation += m.timing.propagation;
    added += m.timing.transmission + m.timing.queueing;
  }
  if (propagation === 0) return { assumption, holds: true, text: 'No packet crossed a link.' };
  const share = added / propagation;
  const words = `Transmission and queueing add ${ms(added)} to the ${ms(propagation)} the packets spent propagating (${percent(share)})`;
  return share <= assumption.share
    ? { assumption, holds: true, text: `${words}: negligible, as the formula assumes.` }
    : { assumption, holds: false, text: `${words}: not negligible (more than ${percent(assumption.share)}), and the formula leaves them out.` };
}

function checkQueueing(record: RunRecord, assumption: Assumption): AssumptionResult {
  let total = 0;
  let longest = 0;
  let waited = 0;
  for (const m of transportMessages(record)) {
    const q = m.timing?.queueing ?? 0;
    if (q > 0) waited++;
    total += q;
    longest = Math.max(longest, q);
  }
  return waited === 0
    ? { assumption, holds: true, text: 'No packet waited in a queue.' }
    : { assumption, holds: false, text: `${waited} packet${waited === 1 ? '' : 's'} waited in queues, ${ms(total)} in all (the longest wait ${ms(longest)}); the formula counts no queueing delay.` };
}

export function checkAssumption(record: RunRecord, assumption: Assumption): AssumptionResult {
  switch (assumption.check) {
    case 'no-loss':
      return checkLoss(record, assumption);
    case 'transmission-negligible':
      return checkTransmission(record, assumption);
    case 'no-queueing':
      return checkQueueing(record, assumption);
  }
}
