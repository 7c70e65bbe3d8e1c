/**
 * Text widths for the painter, cached: the same labels are measured again
 * on every frame (ellipsizing them to their arrow, centring them), and
 * measureText is a call into the canvas that costs microseconds each.
 * Widths are kept per context (a fake context measures differently) and per
 * font; a font's table is dropped when it grows past WIDTH_CACHE_LIMIT, so
 * memory stays bounded however much of a long trace is scrolled through.
 */
import { fitText } from '../../src-core/chart/label-placement';
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
 * `text` cut to fit `width` px, with "…" (label-placement.ts fitText);
 * '' when not even one character fits. `font` must be the context's current font.
 */
export function ellipsizeIn(ctx: Measurer, font: string, text: string, width: number): string {
  return fitText((t) => textWidth(ctx, font, t), font, text, width);
}

/** `text` cut to fit `width` px in the context's current font, with "…". */
export function ellipsize(ctx: Pick<PaintContext, 'measureText' | 'font'>, text: string, width: number): string {
  return ellipsizeIn(ctx, ctx.font, text, width);
}

/**
 * A width function over several fonts on one context (for label
 * placement): widths come from the cache, and the context's font is set
 * only to measure a text not cached yet — so after using it, the context's
 * font is unknown.
 */
export function fontMeasurer(ctx: Pick<PaintContext, 'measureText' | 'font'>): (text: string, font: string) => number {
  let current: string | null = null;
  return (text, font) => {
    const byText = table(ctx, font);
    let w = byText.get(text);
    if (w === undefined) {
      if (current !== font) ctx.font = current = font;
      w = ctx.measureText(text).width;
      byText.set(text, w);
    }
    return w;
  };
}
