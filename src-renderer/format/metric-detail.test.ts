import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { lessonText } from '../testing/lessons';
import { metricDetail } from './metric-detail';

describe('metricDetail', () => {
  it('tells the iterative lesson\'s three resolutionTime rows apart: which name, and when', () => {
    const loaded = parseScenarioText(lessonText('dns-iterative'));
    if (!loaded.ok) throw new Error('lesson does not load');
    const metrics = runScenario(loaded.scenario).trace().metrics.filter((m) => m.name === 'resolutionTime');
    const details = metrics.map(metricDetail);
    expect(details).toHaveLength(3);
    expect(new Set(details).size).toBe(3);
    expect(details[0]).toMatch(/^www\.example\.com resolved in 0\.116085 s · at \d+\.\d{3} (ms|s)$/);
    expect(details[2]).toMatch(/^mail\.example\.com resolved in /);
  });

  it('says only when, for a metric without a summary', () => {
    expect(metricDetail({ summary: '', at: 2_500_000_000 })).toBe('at 2.500 s');
  });
});
