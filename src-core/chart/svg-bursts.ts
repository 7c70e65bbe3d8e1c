/**
 * The SVG's drawing of how an arrow ends and of bursts, as the canvas draws
 * them (src-renderer/chart/paint-arrows.ts): a hollow circle ○ on the
 * receiver's lane for a message the host discarded, a pale band under a
 * burst's bundle (between its first and last member's lines) and its "×N"
 * badge.
 */
import type { ChartPalette } from './colors';
import { burstBadge, BADGE_FONT_PX } from './bursts';
import type { ArrowLayout } from './layout';
import { escapeXml, num } from './svg-text';

/** Radius of the discarded end's circle (the canvas's DISCARD_RADIUS), px. */
export const SVG_DISCARD_RADIUS = 4.5;

/** The line of a discarded message stops at its circle's edge: the point there. */
export function discardedLineEnd(a: ArrowLayout): { x: number; y: number } {
  const length = Math.max(1, Math.hypot(a.x2 - a.x1, a.y2 - a.y1));
  const k = (length - SVG_DISCARD_RADIUS) / length;
  return { x: a.x1 + (a.x2 - a.x1) * k, y: a.y1 + (a.y2 - a.y1) * k };
}

export function discardedEndSvg(a: ArrowLayout, color: string, colors: ChartPalette): string {
  return `<circle class="discarded-end" cx="${num(a.x2)}" cy="${num(a.y2)}" r="${SVG_DISCARD_RADIUS}" fill="${colors.background}" stroke="${color}" stroke-width="2"/>`;
}

/** A collapsed bundle's band, drawn under its line. */
export function burstBandSvg(a: ArrowLayout, color: string): string {
  const b = a.burst;
  if (!b || b.open) return '';
  return `<path class="burst-band" d="M${num(a.x1)} ${num(a.y1)}L${num(a.x2)} ${num(b.firstY2)}L${num(a.x2)} ${num(a.y2)}L${num(a.x1)} ${num(b.lastY1)}Z" fill="${color}" fill-opacity="0.16"/>`;
}

/** The "×N" badge (without the +/− of the screen's handle: a printed chart cannot be clicked). */
export function burstBadgeSvg(a: ArrowLayout, color: string, colors: ChartPalette): string[] {
  const badge = burstBadge(a);
  if (!badge || a.burst?.open) return [];
  return [
    `<g class="burst-badge" data-count="${a.burst!.members.length}">`,
    `<rect x="${num(badge.x - badge.width / 2)}" y="${num(badge.y - badge.height / 2)}" width="${badge.width}" height="${badge.height}" fill="${colors.background}" stroke="${color}" stroke-width="1.2"/>`,
    `<text x="${num(badge.x)}" y="${num(badge.y + BADGE_FONT_PX * 0.36)}" text-anchor="middle" font-size="${BADGE_FONT_PX}" font-weight="700" fill="${color}">${escapeXml(`×${a.burst!.members.length}`)}</text>`,
    `</g>`,
  ];
}
