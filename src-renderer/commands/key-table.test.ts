import { describe, expect, it } from 'vitest';
import readme from '../../README.md?raw';
import { CHART_KEYS } from '../chart/keys';
import { EDITOR_KEYS, MINIMAP_KEYS } from '../editor/keys';
import { keyName, PLAYBACK_KEYS } from '../playback/keys';
import { WATERFALL_KEYS } from '../waterfall/keys';
import { keyTable, keyTableMarkdown } from './key-table';
import { SHORTCUTS, shortcutLabel } from './shortcuts';

/** The README's `| key | action |` table, from its header to its last row. */
function readmeTable(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === '| key | action |');
  let end = start;
  while (end + 1 < lines.length && lines[end + 1]!.startsWith('|')) end++;
  return start < 0 ? '' : lines.slice(start, end + 1).join('\n');
}

describe('the key table', () => {
  it('is the README’s table, exactly', () => {
    expect(readmeTable(readme)).toBe(keyTableMarkdown());
    expect(readme.split('| key | action |').length).toBe(2);
  });

  it('lists every key that is handled, once per meaning', () => {
    const listed = keyTable(false).flatMap((g) => g.rows.flatMap((r) => r.keys.map((k) => `${g.where ?? ''}:${k}`)));
    for (const command of new Set(SHORTCUTS.map((s) => s.command))) {
      for (const chord of shortcutLabel(command, false).split(', ')) expect(listed).toContain(`:${chord}`);
    }
    for (const key of Object.keys(PLAYBACK_KEYS)) expect(listed).toContain(`:${keyName(key)}`);
    for (const key of Object.keys(CHART_KEYS)) expect(listed).toContain(`chart focused:${keyName(key)}`);
    for (const key of Object.keys(WATERFALL_KEYS)) expect(listed).toContain(`waterfall focused:${keyName(key)}`);
    for (const key of EDITOR_KEYS) expect(listed).toContain(`editor focused:${key.mod ? 'Ctrl+' : ''}${key.key.length === 1 ? key.key.toUpperCase() : keyName(key.key)}`);
    for (const key of Object.keys(MINIMAP_KEYS)) expect(listed).toContain(`minimap focused:${key.length === 1 ? key.toUpperCase() : keyName(key)}`);
    // Home and End mean one thing wherever the chart or playback has them (the rows of the list and the waterfall aside).
    expect(listed.filter((k) => k.endsWith(':Home') && !k.startsWith('list') && !k.startsWith('waterfall'))).toEqual([':Home']);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('writes chords for a Mac with ⌘', () => {
    const run = keyTable(true)[0]!.rows[0]!;
    expect(run).toEqual({ keys: ['F5', '⌘R'], action: 'run the scenario' });
  });
});
