/**
 * Domain-name helpers over presentation-format text (labels.ts). Names
 * compare case-insensitively for ASCII letters only (RFC 1035 §2.3.3,
 * RFC 4343 §3), label by label: a dot inside a label (`a\.b`) never counts
 * as a label boundary.
 */
import { foldLabel, joinLabels, splitLabels } from './labels';

/** Plain lower-case names without a trailing dot are already canonical (the common case). */
const PLAIN = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;

/**
 * Canonical form: ASCII letters in lower case, no trailing dot, each label
 * escaped one way only (`\065` and `A` both become `a`); "" is the root.
 */
export function canonicalName(name: string): string {
  if (PLAIN.test(name)) return name;
  return joinLabels(splitLabels(name).map(foldLabel));
}

/** The canonical labels of a name, most specific first. */
function labelsOf(name: string): string[] {
  return splitLabels(canonicalName(name));
}

/** True when `name` is `zone` or below it, comparing whole labels. */
export function isInZone(name: string, zone: string): boolean {
  const n = labelsOf(name);
  const z = labelsOf(zone);
  if (z.length > n.length) return false;
  const offset = n.length - z.length;
  return z.every((label, i) => n[offset + i] === label);
}

/** The names from `name` up to (not including) `zone`, longest last: www.a.example.com in example.com → [a.example.com, www.a.example.com]. */
export function namesBelow(name: string, zone: string): string[] {
  if (!isInZone(name, zone)) return [];
  const labels = labelsOf(name);
  const zoneLabels = labelsOf(zone).length;
  const out: string[] = [];
  for (let i = labels.length - zoneLabels - 1; i >= 0; i--) out.push(joinLabels(labels.slice(i)));
  return out;
}

/** Shown as in the textbook and as dig shows it: "www.example.com", `a\.b.example.com`, the root as ".". */
export function displayName(name: string): string {
  return name === '' ? '.' : name;
}
