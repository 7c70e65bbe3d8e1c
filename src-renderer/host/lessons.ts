/**
 * The built-in lessons as the web host bundles them: resources/lessons/*.l7.json,
 * imported as text. A lesson's id is its file name without ".l7.json"; its
 * title and description are the scenario's `name` and `description`.
 */
import { compareLessonIds } from '../../src-core/scenario/lesson-index';
import type { LessonInfo } from '../../src-core/api/contract';

export interface BundledLesson {
  readonly info: LessonInfo;
  readonly text: string;
}

const SUFFIX = '.l7.json';

/** `modules` maps a file path to its text (an `import.meta.glob` result); lessons come out in teaching order (src-core/scenario/lesson-index.ts). */
export function lessonsFromModules(modules: Readonly<Record<string, string>>): BundledLesson[] {
  const lessons: BundledLesson[] = [];
  for (const [path, text] of Object.entries(modules)) {
    const file = path.slice(path.lastIndexOf('/') + 1);
    if (!file.endsWith(SUFFIX)) continue;
    const id = file.slice(0, -SUFFIX.length);
    lessons.push({ info: { id, ...describe(text, id) }, text });
  }
  return lessons.sort((x, y) => compareLessonIds(x.info.id, y.info.id));
}

/** Title and description from the scenario's text; a lesson that does not parse keeps its id as title. */
function describe(text: string, id: string): { title: string; description: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) {
      const { name, description } = value as { name?: unknown; description?: unknown };
      return {
        title: typeof name === 'string' && name !== '' ? name : id,
        description: typeof description === 'string' ? description : '',
      };
    }
  } catch {
    // Fall through: the loader reports the problem when the lesson is opened.
  }
  return { title: id, description: '' };
}

export function lessonFileName(id: string): string {
  return `${id}${SUFFIX}`;
}
