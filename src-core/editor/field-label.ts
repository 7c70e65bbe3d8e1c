/**
 * Labels for fields no module describes (nodes, links, run and view
 * settings, zone records): made from the field's name, with the unit the
 * name ends in (docs/scenario-format.md: "units are in the field names").
 *
 * Rule: the camelCase name is split into words, the first capitalised; a
 * trailing unit word becomes the unit and leaves the label ("delayMs" →
 * "Delay", ms; "queuePackets" → "Queue", packets; "lossRate" → "Loss rate").
 * A name that is only a unit keeps it as its label ("bytes" → "Bytes").
 */

/** The unit word a name may end in → the unit shown beside the input (as the modules write units). */
const UNIT_SUFFIXES: Readonly<Record<string, string>> = {
  Ms: 'ms',
  Mbps: 'Mbit/s',
  Packets: 'packets',
  Bytes: 'bytes',
};

/** Words spelt differently from their lower-case form. */
const SPELLINGS: Readonly<Record<string, string>> = { id: 'ID', ttl: 'TTL', ipv4: 'IPv4', dns: 'DNS' };

export interface NameLabel {
  readonly label: string;
  readonly unit?: string;
}

export function labelFromName(name: string): NameLabel {
  const words = name.split(/(?=[A-Z])/).filter((w) => w !== '');
  let unit: string | undefined;
  const last = words[words.length - 1];
  if (words.length > 1 && last !== undefined && UNIT_SUFFIXES[last] !== undefined) {
    unit = UNIT_SUFFIXES[last];
    words.pop();
  }
  const spelt = words.map((w, i) => {
    const lower = w.toLowerCase();
    const special = SPELLINGS[lower];
    if (special !== undefined) return special;
    return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  });
  const label = spelt.join(' ');
  return unit === undefined ? { label } : { label, unit };
}

/** A schema description as a help sentence: "a node id" → "A node id." (empty when there is none). */
export function helpFromDescription(description: string | undefined): string {
  if (description === undefined || description === '') return '';
  const sentence = description.charAt(0).toUpperCase() + description.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
