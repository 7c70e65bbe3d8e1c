// Every built-in lesson gives, at seeds 1, 2 and 3, the trace JSON and the
// pcapng capture whose digests are stored (src-core/scenario/golden/
// digests.json): the guard for issue 14's optimisations (faster engines, a
// compact trace store, streaming writers), which must change no byte of
// either. golden.test.ts keeps the whole traces at the lessons' own seeds, for
// a readable difference; this covers the other seeds and the capture too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonDigests, type LessonDigests } from './trace-digests';

const LESSONS = join(__dirname, '../../resources/lessons');
const STORED = JSON.parse(readFileSync(join(__dirname, '../../src-core/scenario/golden/digests.json'), 'utf8')) as Record<string, LessonDigests>;
const lessons = readdirSync(LESSONS).filter((f) => f.endsWith('.l7.json')).sort();

describe('the stored digests of every lesson\'s trace and capture at seeds 1–3', () => {
  it('cover every lesson, and only those', () => {
    expect(Object.keys(STORED).sort()).toEqual(lessons.map((f) => f.replace('.l7.json', '')).sort());
  });

  it.each(lessons)('%s gives them', (file) => {
    expect(lessonDigests(LESSONS, file)).toEqual(STORED[file.replace('.l7.json', '')]);
  });
});
