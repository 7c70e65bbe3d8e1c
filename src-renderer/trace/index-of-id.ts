/**
 * Where event `id` is in an ascending list of ids (messageIds, applicationIds),
 * or −1: a binary search, since the lists reach 10^6 entries and this runs
 * on every update while a run streams in.
 */
export function indexOfId(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = ids[mid]!;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
