// The English catalogue renders what the views showed before it existed:
// plural forms pick the right sentence, placeholders take their values, and
// characters that vue-i18n could read as syntax come out as written.
import { describe, expect, it } from 'vitest';
import { t } from './translate';

describe('English messages', () => {
  it('picks the singular or the plural form by the number', () => {
    expect(t('toolbar.blocker.note', { count: 1 }, 1)).toBe('1 issue to fix');
    expect(t('toolbar.blocker.note', { count: 3 }, 3)).toBe('3 issues to fix');
    expect(t('issues.heading', { count: 2, name: 'dns.l7.json' }, 2)).toBe('2 issues in dns.l7.json — fix them to run the scenario');
    expect(t('waterfall.words.objects', { count: '1,000' }, 1000)).toBe('1,000 objects');
    expect(t('editor.edits.move', { count: 1 }, 1)).toBe('move a node');
  });

  it('fills placeholders, and keeps the no-break space and the symbols', () => {
    expect(t('toolbar.brand')).toBe('L7\u00a0Lab');
    expect(t('shortcuts.titleWithKeys', { label: 'Save the scenario', keys: 'Ctrl+S' })).toBe('Save the scenario (Ctrl+S)');
    expect(t('chart.legend.hint')).toBe('✕ lost · ○ discarded at host · ×N burst · ⊞ expand');
    expect(t('playback.speed.value', { speed: 2 })).toBe('2×');
  });

  it('shows a value that looks like syntax as it is', () => {
    expect(t('notices.saved', { file: 'me@example.org {x} | $y' })).toBe('Saved me@example.org {x} | $y');
  });
});
