/**
 * The lesson index: the teaching order of the built-in lessons in
 * resources/lessons (their ids, file names without ".l7.json"), following
 * the course (shared/design/CURRICULUM.md): each protocol module lists its
 * own, and modules come in the registry's order (protocols/registry.ts). Both hosts list lessons in this
 * order; a lesson file not named here comes after, by id, so a new file is
 * never hidden.
 */
import { PROTOCOL_MODULES } from '../protocols/registry';

export const LESSON_ORDER: readonly string[] = PROTOCOL_MODULES.flatMap((m) => m.lessons);

/** Compares two lesson ids by the teaching order. */
export function compareLessonIds(a: string, b: string): number {
  const ia = LESSON_ORDER.indexOf(a);
  const ib = LESSON_ORDER.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
