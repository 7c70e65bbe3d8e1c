import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import type { StateEvent } from '../../src-core/trace/types';
import { lessonText } from '../testing/lessons';
import { formatStateData } from './state-data';

describe('formatStateData', () => {
  it('writes a cached entry\'s expiresAt in seconds, keeping the ns, and leaves other numbers alone', () => {
    const loaded = parseScenarioText(lessonText('dns-iterative'));
    if (!loaded.ok) throw new Error('lesson does not load');
    const stored = runScenario(loaded.scenario).trace().events.find((e): e is StateEvent => e.kind === 'state' && e.type === 'dns.cacheStored')!;
    const raw = (stored.data as { expiresAt: number }).expiresAt;
    const text = formatStateData(stored.data);
    expect(text).toContain(`"expiresAt": "172,800.`);
    expect(text).toContain(` s (${raw} ns)"`);
    expect(text).not.toMatch(/"expiresAt": \d/);
    expect(formatStateData({ elapsed: 24_077_440, bytes: 1000 })).toBe('{\n  "elapsed": "24.077 ms (24077440 ns)",\n  "bytes": 1000\n}');
  });
});
