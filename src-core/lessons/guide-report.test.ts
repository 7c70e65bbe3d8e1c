import { describe, expect, it } from 'vitest';
import { guideReport } from './guide-report';
import { loadLessonForTest } from './lesson-fixture.test-helper';

describe('the guide as text (l7 run)', () => {
  it('lists each step\'s event and each formula with its numbers, its simulated value and its assumptions', () => {
    const lesson = loadLessonForTest('dns-iterative');
    const text = guideReport(lesson.scenario.guide!, lesson.scenario, lesson.run());
    const lines = text.split('\n');
    expect(lines[0]).toBe('guide:');
    expect(lines[1]).toBe('  1.  0.000 ms  dns host → local  Standard query 0x2239 A www.example.com');
    expect(lines).toContain('  10. 1001.005 ms  dns.cacheHit at local  cache hit: www.example.com A');
    expect(lines).toContain('  = 2 ms + 48 ms + 38 ms + 28 ms = 116.000 ms; simulated 116.085 ms (+0.085 ms, +0.07 %): agrees');
    expect(lines).toContain('  ✓ No packet was lost.');
  });

  it('says which step found nothing', () => {
    const lesson = loadLessonForTest('dns-iterative');
    const guide = { ...lesson.scenario.guide!, steps: [{ text: 'x', at: { kind: 'message' as const, protocol: 'http', nth: 1 } }], formulas: [] };
    expect(guideReport(guide, lesson.scenario, lesson.run())).toBe('guide:\n  1.  not found: the first http message');
  });
});
