/**
 * The colours of the waterfall's phases, per theme. On screen they are CSS
 * variables (styles/theme.css `--phase-*`); the PNG export draws without
 * CSS, so they are repeated here (e2e/web/waterfall.spec.ts checks that the
 * two agree).
 * Hues after Okabe & Ito's palette for colour-blind readers (reddish purple,
 * vermillion, bluish green, blue), darkened (light theme) or lightened (dark)
 * until each keeps a contrast of at least 3:1 against every row background
 * of its theme (WCAG 1.4.11, non-text contrast): the page, a hovered row and
 * the selected one.
 */
import type { ChartTheme } from '../../src-core/chart/colors';
import type { Phase } from './phases';

export const PHASE_COLORS: Readonly<Record<ChartTheme, Readonly<Record<Phase, string>>>> = {
  light: { dns: '#a6427a', connect: '#c2410c', waiting: '#00806a', receiving: '#0062a3' },
  dark: { dns: '#e59cc4', connect: '#ff8b4d', waiting: '#3dcfa6', receiving: '#5cb8ee' },
};

/** The backgrounds a row can have (theme.css --bg, --hover, --selected). */
export const ROW_BACKGROUNDS: Readonly<Record<ChartTheme, readonly string[]>> = {
  light: ['#ffffff', '#f0f3f6', '#dbe7fb'],
  dark: ['#14171b', '#232930', '#213a5e'],
};

/** The CSS variable that holds a phase's colour on screen. */
export function phaseVariable(phase: Phase): string {
  return `--phase-${phase}`;
}
