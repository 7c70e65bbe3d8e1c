import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LESSON_ORDER } from '../src-core/scenario/lesson-index';
import { describe, expect, it } from 'vitest';
import { lessonsDir, listLessons, openLesson, resourcesDir } from './lessons';

const REPO_LESSONS = join(__dirname, '..', 'resources', 'lessons');

describe('lessons', () => {
  it('lists the repository lessons in teaching order with their names and descriptions', async () => {
    const lessons = await listLessons(REPO_LESSONS);
    const files = readdirSync(REPO_LESSONS).filter((n) => n.endsWith('.l7.json'));
    expect(lessons.map((l) => `${l.id}.l7.json`).sort()).toEqual(files.sort());
    expect(lessons.map((l) => l.id)).toEqual([...LESSON_ORDER]);
    expect(lessons.find((l) => l.id === 'sockets-tcp')).toMatchObject({ title: 'Socket programming: TCP' });
    expect(lessons.find((l) => l.id === 'sockets-tcp')!.description).toMatch(/three-way handshake/);
  });

  it('opens a lesson by id, with no path (it is not the user’s file)', async () => {
    const opened = await openLesson(REPO_LESSONS, 'sockets-udp');
    expect(opened.path).toBeNull();
    expect(opened.name).toBe('sockets-udp.l7.json');
    expect(JSON.parse(opened.text)).toMatchObject({ format: 'l7-scenario' });
  });

  it('refuses ids that are not lessons, including paths', async () => {
    await expect(openLesson(REPO_LESSONS, 'nope')).rejects.toThrow('There is no built-in lesson "nope".');
    await expect(openLesson(REPO_LESSONS, '../lessons/sockets-tcp')).rejects.toMatchObject({ name: 'LessonNotFoundError' });
    await expect(openLesson(REPO_LESSONS, '../../package')).rejects.toThrow(/no built-in lesson/);
  });

  it('lists a broken lesson file with the reason instead of hiding it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'l7-lessons-'));
    writeFileSync(join(dir, 'a-good.l7.json'), JSON.stringify({ name: 'Good', description: 'Fine' }));
    writeFileSync(join(dir, 'b-broken.l7.json'), '{ not json');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const lessons = await listLessons(dir);
    expect(lessons.map((l) => l.id)).toEqual(['a-good', 'b-broken']);
    expect(lessons[1]).toMatchObject({ title: 'b-broken', description: expect.stringMatching(/could not be read/) });
  });

  it('finds resources beside the app in development and in resourcesPath when packaged', () => {
    expect(resourcesDir({ isPackaged: false, getAppPath: () => '/repo' }, '/opt/l7/resources')).toBe(join('/repo', 'resources'));
    expect(resourcesDir({ isPackaged: true, getAppPath: () => '/opt/l7/resources/app.asar' }, '/opt/l7/resources')).toBe('/opt/l7/resources');
    expect(lessonsDir('/opt/l7/resources')).toBe(join('/opt/l7/resources', 'lessons'));
  });
});
