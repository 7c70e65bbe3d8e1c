/**
 * The built-in lessons: `<resources>/lessons/<id>.l7.json`, listed in file
 * name order (lesson files are named so that this is the teaching order).
 * The title and description come from the scenario's `name` and
 * `description`. The folder is an argument so tests use the repository's.
 *
 * Where resources are: `<app path>/resources` when running unpackaged
 * (electron-vite dev/preview, tests), `process.resourcesPath` in a packaged
 * app (the packager must copy resources/lessons there as `lessons/`).
 */
import { compareLessonIds } from '../src-core/scenario/lesson-index';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LessonInfo, OpenedFile } from '../src-core/api/contract';

export const LESSON_SUFFIX = '.l7.json';
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function resourcesDir(app: { readonly isPackaged: boolean; getAppPath(): string }, resourcesPath: string): string {
  return app.isPackaged ? resourcesPath : join(app.getAppPath(), 'resources');
}

export function lessonsDir(resources: string): string {
  return join(resources, 'lessons');
}

export class LessonNotFoundError extends Error {
  override readonly name = 'LessonNotFoundError';
}

async function lessonIds(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => n.endsWith(LESSON_SUFFIX))
    .map((n) => n.slice(0, -LESSON_SUFFIX.length))
    .filter((id) => LESSON_ID.test(id))
    .sort(compareLessonIds);
}

function field(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : null;
}

/**
 * Every lesson in display order. A lesson file that cannot be read or parsed
 * is still listed (titled by its id, its description saying why), so a
 * broken file is visible instead of silently missing; opening it fails with
 * the loader's located error.
 */
export async function listLessons(dir: string): Promise<LessonInfo[]> {
  const ids = await lessonIds(dir);
  return Promise.all(
    ids.map(async (id): Promise<LessonInfo> => {
      try {
        const json: unknown = JSON.parse(await readFile(join(dir, id + LESSON_SUFFIX), 'utf8'));
        return { id, title: field(json, 'name') ?? id, description: field(json, 'description') ?? '' };
      } catch (error) {
        return { id, title: id, description: `This lesson file could not be read: ${error instanceof Error ? error.message : String(error)}` };
      }
    }),
  );
}

export async function openLesson(dir: string, id: string): Promise<OpenedFile> {
  if (!LESSON_ID.test(id) || !(await lessonIds(dir)).includes(id)) {
    throw new LessonNotFoundError(`There is no built-in lesson "${id}".`);
  }
  const name = id + LESSON_SUFFIX;
  return { path: null, name, text: await readFile(join(dir, name), 'utf8') };
}
