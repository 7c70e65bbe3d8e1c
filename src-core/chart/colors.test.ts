import { describe, expect, it } from 'vitest';
import { blendOver, chartPalette, contrastRatio, FADED_MIN_ALPHA, FADED_MIN_CONTRAST, fadedAlpha, hashColor, knownProtocols, protocolColor, type ChartTheme } from './colors';

const THEMES: readonly ChartTheme[] = ['light', 'dark'];

describe('faded messages (after the playback cursor)', () => {
  it('keep a 3:1 contrast against the background for every protocol colour, in both themes (WCAG 1.4.11)', () => {
    for (const theme of THEMES) {
      const bg = chartPalette(theme).background;
      for (const color of [...knownProtocols().map((p) => protocolColor(p, theme)), hashColor('smtp', theme), hashColor('http', theme)]) {
        const alpha = fadedAlpha(color, theme);
        const seen = blendOver(color, bg, alpha);
        expect(contrastRatio(seen, bg), `${color} at ${alpha} in ${theme}`).toBeGreaterThanOrEqual(FADED_MIN_CONTRAST);
        // and still look faded: lighter (darker) than the colour itself, never more opaque than it needs
        expect(alpha).toBeGreaterThanOrEqual(FADED_MIN_ALPHA);
        expect(alpha).toBeLessThan(1);
        expect(contrastRatio(blendOver(color, bg, alpha - 0.01), bg)).toBeLessThan(FADED_MIN_CONTRAST + 0.05);
      }
    }
  });

  it('blends channel by channel over the background, as the canvas does', () => {
    expect(blendOver('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(blendOver('#0969da', '#ffffff', 1)).toBe('#0969da');
    expect(blendOver('#0969da', '#ffffff', 0)).toBe('#ffffff');
  });
});
