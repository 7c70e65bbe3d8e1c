// (That theme.css declares the same colours is checked in the page, where
// the CSS is: e2e/web/waterfall.spec.ts.)
import { describe, expect, it } from 'vitest';
import { chartPalette, contrastRatio, type ChartTheme } from '../../src-core/chart/colors';
import { PHASE_COLORS, ROW_BACKGROUNDS } from './colors';
import { PHASES } from './phases';

const THEMES: readonly ChartTheme[] = ['light', 'dark'];

describe('phase colours', () => {
  it('keep 3:1 against every row background (WCAG 1.4.11) and differ from each other', () => {
    for (const theme of THEMES) {
      const colors = PHASES.map(({ phase }) => PHASE_COLORS[theme][phase]);
      expect(new Set(colors).size).toBe(PHASES.length);
      for (const color of colors) for (const bg of ROW_BACKGROUNDS[theme]) expect(contrastRatio(color, bg), `${color} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('the text of the rows keeps 4.5:1 (WCAG AA) on each of their backgrounds', () => {
    for (const theme of THEMES) {
      const palette = chartPalette(theme);
      expect(ROW_BACKGROUNDS[theme][0]).toBe(palette.background);
      for (const text of [palette.text, palette.muted]) for (const bg of ROW_BACKGROUNDS[theme]) expect(contrastRatio(text, bg), `${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
