import { describe, expect, it } from 'vitest';
import { LESSON_ORDER } from '../../src-core/scenario/lesson-index';
import { LESSON_TEXTS } from '../testing/lessons';
import { lessonFileName, lessonsFromModules } from './lessons';
import { createWebHost } from './web-host';

describe('lessonsFromModules', () => {
  it('lists the bundled lessons by id with the scenario name as title', () => {
    const lessons = lessonsFromModules(LESSON_TEXTS);
    expect(lessons.map((l) => l.info.id)).toEqual([...LESSON_ORDER]); // in teaching order
    const tcp = lessons.find((l) => l.info.id === 'sockets-tcp')!;
    expect(tcp.info.title).toBe('Socket programming: TCP');
    expect(tcp.info.description).toMatch(/TCPClient/);
  });

  it('keeps a lesson that does not parse, titled by its id, and skips other files', () => {
    const lessons = lessonsFromModules({ '/x/broken.l7.json': '{ nope', '/x/readme.md': '# hi', '/x/a.l7.json': '{"name":"A"}' });
    expect(lessons.map((l) => [l.info.id, l.info.title])).toEqual([
      ['a', 'A'],
      ['broken', 'broken'],
    ]);
  });

  it('names a lesson file after its id', () => {
    expect(lessonFileName('sockets-tcp')).toBe('sockets-tcp.l7.json');
  });
});

describe('the web host lessons', () => {
  it('opens a lesson as an unsaved file with the lesson file name', async () => {
    const host = createWebHost({ createWorker: () => ({ post: () => {}, terminate: () => {} }) });
    expect(host.kind).toBe('web');
    const listed = await host.listLessons();
    expect(listed.slice(0, 3).map((l) => l.title)).toEqual(['Socket programming: UDP', 'Socket programming: TCP', 'Transport: moving a file of size L']);
    const opened = await host.openLesson('sockets-udp');
    expect(opened).toMatchObject({ path: null, name: 'sockets-udp.l7.json' });
    expect(JSON.parse(opened.text)).toMatchObject({ format: 'l7-scenario' });
    await expect(host.openLesson('nope')).rejects.toThrow('there is no lesson "nope"');
  });
});
