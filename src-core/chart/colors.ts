/**
 * Colours of the sequence chart, per theme: the chart's own surfaces and one
 * colour per protocol. Every protocol colour keeps a contrast of at least
 * 4.5:1 (WCAG AA, for text) against the chart background of its theme, so a
 * label drawn in it stays readable; unknown protocols get a hue hashed from
 * their name at a lightness that keeps that contrast.
 *
 * The surface colours repeat src-renderer/styles/theme.css (the painter and
 * the exporters run without CSS).
 */
import { PROTOCOL_MODULES } from '../protocols/registry';

export type ChartTheme = 'light' | 'dark';

export interface ChartPalette {
  readonly theme: ChartTheme;
  readonly background: string;
  readonly header: string;
  readonly border: string;
  readonly text: string;
  readonly muted: string;
  readonly lane: string;
  readonly grid: string;
  readonly selection: string;
  readonly halo: string;
  readonly lost: string;
  readonly annotation: string;
  readonly groupFill: string;
  readonly gap: string;
}

const PALETTES: Readonly<Record<ChartTheme, ChartPalette>> = {
  light: {
    theme: 'light',
    background: '#ffffff',
    header: '#f6f8fa',
    border: '#d0d7de',
    text: '#1f2328',
    muted: '#57606a',
    lane: '#8c959f',
    grid: '#eef1f4',
    selection: '#0b57d0',
    halo: 'rgba(11, 87, 208, 0.22)',
    lost: '#b42318',
    annotation: '#6e4b00',
    groupFill: 'rgba(9, 105, 218, 0.06)',
    gap: '#8c959f',
  },
  dark: {
    theme: 'dark',
    background: '#14171b',
    header: '#1b1f24',
    border: '#3a424b',
    text: '#e6e9ed',
    muted: '#a5afba',
    lane: '#5c6670',
    grid: '#1f242a',
    selection: '#8ab4f8',
    halo: 'rgba(138, 180, 248, 0.28)',
    lost: '#ff9b91',
    annotation: '#f3cd6b',
    groupFill: 'rgba(121, 184, 255, 0.07)',
    gap: '#6e7781',
  },
};

export function chartPalette(theme: ChartTheme): ChartPalette {
  return PALETTES[theme];
}

/**
 * Known protocols, in legend order: the application protocols of the
 * registry (each module brings its colour, protocols/registry.ts), then the
 * chart's own transport protocols. [light, dark].
 */
const PROTOCOL_COLORS: Readonly<Record<string, readonly [string, string]>> = Object.fromEntries([
  ...PROTOCOL_MODULES.flatMap((m) => (m.colors ? [[m.protocol, m.colors] as const] : [])),
  ['tcp', ['#0969da', '#79b8ff']] as const,
  ['udp', ['#8250df', '#c8a8ff']] as const,
]);

export function protocolColor(protocol: string, theme: ChartTheme): string {
  const known = PROTOCOL_COLORS[protocol];
  if (known) return theme === 'light' ? known[0] : known[1];
  return hashColor(protocol, theme);
}

/** A stable colour for any name: hue from a string hash, lightness chosen for contrast. */
export function hashColor(name: string, theme: ChartTheme): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return readableHsl((h >>> 0) % 360, 70, theme);
}

function readableHsl(hue: number, saturation: number, theme: ChartTheme): string {
  const bg = PALETTES[theme].background;
  // darken (light theme) or lighten (dark theme) until the colour reads as text on the background
  for (let l = theme === 'light' ? 36 : 66; l > 5 && l < 95; l += theme === 'light' ? -2 : 2) {
    const color = hsl(hue, saturation, l);
    if (contrastRatio(color, bg) >= 4.6) return color;
  }
  return PALETTES[theme].text;
}

export interface LegendEntry {
  readonly protocol: string;
  readonly color: string;
}

/** Legend for the protocols present (known ones first, in their order, then the rest by name). */
export function legendFor(protocols: Iterable<string>, theme: ChartTheme): LegendEntry[] {
  const present = new Set(protocols);
  const known = Object.keys(PROTOCOL_COLORS).filter((p) => present.has(p));
  const other = [...present].filter((p) => !(p in PROTOCOL_COLORS)).sort();
  return [...known, ...other].map((protocol) => ({ protocol, color: protocolColor(protocol, theme) }));
}

/** Colours for connections (a badge at each arrow's tail), cycling. */
const CONNECTION_HUES = [28, 200, 320, 140, 260, 0, 90, 170];

export function connectionColor(index: number, theme: ChartTheme): string {
  return connectionColors(theme)[index % CONNECTION_HUES.length]!.line;
}

/** A connection's colour for text (group captions): its hue, darkened or lightened to a 4.5:1 contrast (WCAG AA). */
export function connectionTextColor(index: number, theme: ChartTheme): string {
  return connectionColors(theme)[index % CONNECTION_HUES.length]!.text;
}

/** Per theme, each connection hue's colours, computed once (painters ask for them every frame). */
const connectionCache = new Map<ChartTheme, readonly { readonly line: string; readonly text: string }[]>();

function connectionColors(theme: ChartTheme): readonly { readonly line: string; readonly text: string }[] {
  let colors = connectionCache.get(theme);
  if (!colors) {
    colors = CONNECTION_HUES.map((hue) => ({ line: hsl(hue, 75, theme === 'light' ? 42 : 62), text: readableHsl(hue, 75, theme) }));
    connectionCache.set(theme, colors);
  }
  return colors;
}

/** The least opacity of a message after the playback cursor ("later": faded, not hidden). */
export const FADED_MIN_ALPHA = 0.15;
/** Contrast a faded message keeps against the chart background: WCAG 1.4.11 (non-text contrast), 3:1. */
export const FADED_MIN_CONTRAST = 3;

const fadedCache = new Map<string, number>();

/**
 * The opacity to draw `color` at, faded, over the chart background of
 * `theme`: FADED_MIN_ALPHA where that still reaches FADED_MIN_CONTRAST,
 * else the least opacity (in steps of 0.01) that does. The canvas blends in
 * sRGB, channel by channel, as blendOver does, so the colour seen is
 * blendOver(color, background, alpha). 1 when even the colour itself is
 * below 3:1 (then fading would only lose more).
 */
export function fadedAlpha(color: string, theme: ChartTheme): number {
  const key = `${theme}${color}`;
  const cached = fadedCache.get(key);
  if (cached !== undefined) return cached;
  const bg = PALETTES[theme].background;
  let alpha = 1;
  for (let hundredths = Math.round(FADED_MIN_ALPHA * 100); hundredths <= 100; hundredths++) {
    // a little above 3:1, for the canvas's own rounding of the blended channels
    if (contrastRatio(blendOver(color, bg, hundredths / 100), bg) >= FADED_MIN_CONTRAST + 0.05) {
      alpha = hundredths / 100;
      break;
    }
  }
  fadedCache.set(key, alpha);
  return alpha;
}

/** `color` at opacity `alpha` over the opaque `background` (#rrggbb each), as #rrggbb. */
export function blendOver(color: string, background: string, alpha: number): string {
  const c = parseInt(color.slice(1), 16);
  const b = parseInt(background.slice(1), 16);
  const mix = (shift: number) => Math.round(alpha * ((c >> shift) & 255) + (1 - alpha) * ((b >> shift) & 255));
  const hex = (x: number) => x.toString(16).padStart(2, '0');
  return `#${hex(mix(16))}${hex(mix(8))}${hex(mix(0))}`;
}

/** The protocols with a colour of their own, in legend order. */
export function knownProtocols(): readonly string[] {
  return Object.keys(PROTOCOL_COLORS);
}

/** `#rrggbb` as an rgba() colour with this opacity (0 … 1). */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** WCAG relative contrast of two #rrggbb colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** hsl → #rrggbb. */
function hsl(h: number, s: number, l: number): string {
  const sat = s / 100;
  const lig = l / 100;
  const k = (n: number) => (n + h / 30) % 12;
  const a = sat * Math.min(lig, 1 - lig);
  const f = (n: number) => lig - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  const hex = (x: number) => Math.round(x * 255).toString(16).padStart(2, '0');
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`;
}
