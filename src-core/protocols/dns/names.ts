/** Domain-name helpers. Names compare case-insensitively (RFC 1035 §2.3.3, RFC 4343). */

/** Canonical form: lower case, no trailing dot; "" is the root. */
export function canonicalName(name: string): string {
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  return n.toLowerCase();
}

/** True when `name` is `zone` or below it. */
export function isInZone(name: string, zone: string): boolean {
  const n = canonicalName(name);
  const z = canonicalName(zone);
  return z === '' || n === z || n.endsWith(`.${z}`);
}

/** The names from `name` up to (not including) `zone`, longest last: www.a.example.com in example.com → [a.example.com, www.a.example.com]. */
export function namesBelow(name: string, zone: string): string[] {
  const n = canonicalName(name);
  const z = canonicalName(zone);
  if (!isInZone(n, z) || n === z) return [];
  const labels = n.split('.');
  const zoneLabels = z === '' ? 0 : z.split('.').length;
  const out: string[] = [];
  for (let i = labels.length - zoneLabels - 1; i >= 0; i--) out.push(labels.slice(i).join('.'));
  return out;
}

/** Shown as in the textbook: "www.example.com", the root as ".". */
export function displayName(name: string): string {
  return name === '' ? '.' : name;
}
