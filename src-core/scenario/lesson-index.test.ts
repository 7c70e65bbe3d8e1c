import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareLessonIds, LESSON_ORDER } from './lesson-index';

describe('lesson index', () => {
  it('names every lesson file, each once', () => {
    const files = readdirSync(join(__dirname, '../../resources/lessons'))
      .filter((f) => f.endsWith('.l7.json'))
      .map((f) => f.slice(0, -'.l7.json'.length));
    expect([...LESSON_ORDER].sort()).toEqual(files.sort());
    expect(new Set(LESSON_ORDER).size).toBe(LESSON_ORDER.length);
  });

  it('orders by teaching order, then unknown ids by name', () => {
    expect(['zeta', 'dns-iterative', 'alpha', 'sockets-udp'].sort(compareLessonIds)).toEqual(['sockets-udp', 'dns-iterative', 'alpha', 'zeta']);
  });
});
