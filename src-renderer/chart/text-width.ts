/**
 * Text widths for the painter, cached: the same labels are measured again
 * on every frame (ellipsizing them to their arrow, centring them), and
 * measureText is a call into the canvas that costs microseconds each.
 * Widths are kept per context (a fake context measures differently) and per
 * font; a font's table is dropped when it grows past WIDTH_CACHE_LIMIT, so
 * memory stays bounded however much of a long trace is scrolled through.
 */
import type { PaintContext } from './paint';

export const WIDTH_CACHE_LIMIT = 20_000;

type Measurer = Pick<PaintContext, 'measureText'>;

const widths = new WeakMap<Measurer, Map<string, Map<string, number>>>();

function table(ctx: Measurer, font: string): Map<string, number> {
  let fonts = widths.get(ctx);
  if (!fonts) widths.set(ctx, (fonts = new Map()));
  let byText = fonts.get(font);
  if (!byText || byText.size >= WIDTH_CACHE_LIMIT) fonts.set(font, (byText = new Map()));
  return byText;
}

/** Width of `text` in `font` (which must be the context's current font). */
export function textWidth(ctx: Measurer, font: string, text: string): number {
  const byText = table(ctx, font);
  let w = byText.get(text);
  if (w === undefined) {
    w = ctx.measureText(text).width;
    byText.set(text, w);
  }
  return w;
}

/**
 * `text` cut to fit `width` px, with "…" (binary search on the cut point);
 * '' when not even one character fits. `font` must be the context's current font.
 */
export function ellipsizeIn(ctx: Measurer, font: string, text: string, width: number): string {
  if (textWidth(ctx, font, text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(ctx, font, `${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${text.slice(0, lo)}…`;
}
