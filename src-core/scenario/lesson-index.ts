/**
 * The lesson index: the teaching order of the built-in lessons in
 * resources/lessons (their ids, file names without ".l7.json"), following
 * the course (shared/design/CURRICULUM.md). Both hosts list lessons in this
 * order; a lesson file not named here comes after, by id, so a new file is
 * never hidden.
 */
export const LESSON_ORDER: readonly string[] = [
  'sockets-udp',
  'sockets-tcp',
  'transport-bulk',
  'dns-iterative',
  'dns-recursive',
  'dns-stale-cache',
  'dns-records',
  'dns-tcp-fallback',
  'dns-load-distribution',
  'dns-new-company',
  'dns-cache-poisoning',
  'dns-cache-poisoning-defended',
  'dns-signed-answers',
  'dns-amplification',
];

/** Compares two lesson ids by the teaching order. */
export function compareLessonIds(a: string, b: string): number {
  const ia = LESSON_ORDER.indexOf(a);
  const ib = LESSON_ORDER.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
