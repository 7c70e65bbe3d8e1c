import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src-core/chart/colors';
import { plotPalette, SERIES_MIN_CONTRAST, seriesColor } from './plot-colors';

describe('plot colours', () => {
  it.each(['light', 'dark'] as const)('keep 3:1 against the %s background, and are distinct', (theme) => {
    const palette = plotPalette(theme);
    for (const color of palette.series) expect(contrastRatio(color, palette.background)).toBeGreaterThanOrEqual(SERIES_MIN_CONTRAST);
    expect(new Set(palette.series).size).toBe(palette.series.length);
    expect(contrastRatio(palette.text, palette.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(palette.muted, palette.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('cycles through the palette', () => {
    const { series } = plotPalette('light');
    expect(seriesColor(series.length, 'light')).toBe(series[0]);
    expect(seriesColor(1, 'dark')).toBe(plotPalette('dark').series[1]);
  });
});
