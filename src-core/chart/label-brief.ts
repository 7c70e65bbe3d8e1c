/**
 * Shorter forms of an arrow's label, by stated rules, for the chart to try
 * when the full text has no room on screen (label-placement.ts) before it
 * cuts one with "…". Each rule drops what repeats on every message of its
 * kind or what the lane positions already show; each form applies one more
 * rule than the last, so the forms grow shorter. Exports never use them
 * (they move a label without room to a footnote); the tooltip, the
 * inspector and the list always show the full text.
 *
 * A protocol module declares its rules (ProtocolModule.briefLabels); the
 * transport rules are here, as TCP and UDP are the simulator's own.
 */
import type { BriefRule } from '../protocols/module';
import { PROTOCOL_MODULES } from '../protocols/registry';

export type { BriefRule };

/** TCP segment summaries ("[ACK] Seq=26 Ack=26 Win=65535 Len=0", as Wireshark writes them). */
export const TCP_BRIEF: readonly BriefRule[] = [
  { why: 'the window and MSS are the same on every segment of a lesson', pattern: / (Win|MSS)=\d+/g, replace: '' },
  { why: 'Len=0: a segment without data (SYN, bare ACK, FIN)', pattern: / Len=0\b/g, replace: '' },
  { why: 'the acknowledgement number (the inspector has it)', pattern: / Ack=\d+/g, replace: '' },
];

const RULES: ReadonlyMap<string, readonly BriefRule[]> = new Map([
  ['tcp', TCP_BRIEF],
  ...PROTOCOL_MODULES.flatMap((m) => (m.briefLabels ? [[m.protocol, m.briefLabels] as const] : [])),
]);

const cache = new Map<string, readonly string[]>();
const MAX_CACHED = 10_000;

/** The shorter forms of `text`, a label of `protocol`'s, shortest last; none when no rule changes it. */
export function briefForms(protocol: string, text: string): readonly string[] {
  const rules = RULES.get(protocol);
  if (!rules) return [];
  const key = `${protocol}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const forms: string[] = [];
  let current = text;
  for (const rule of rules) {
    const next = current.replace(rule.pattern, rule.replace).replace(/ {2,}/g, ' ').trim();
    if (next !== current && next !== '') forms.push((current = next));
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, forms);
  return forms;
}
