/**
 * Annotations (src-core/chart/annotations.ts) on the chart: handshake/close
 * groups as bands tinted and outlined (dashed) in their connection's colour
 * behind the arrows, each captioned at its top-left corner in that colour
 * (group-bands.ts places bands and captions); RTT brackets just left of the
 * requester's lane (label written up the bracket), transmission bars on the
 * sender's lane, metrics as a diamond on the lane with a pill label beside
 * it. `noteBoxes` gives the boxes of their texts and pills — arrow labels
 * keep clear of them — from the same geometry that draws them.
 * `visible`: positions in the annotation list (visibleAnnotations).
 */
import type { Annotation } from '../../src-core/chart/annotations';
import { connectionColor, connectionTextColor, withAlpha, type ChartPalette } from '../../src-core/chart/colors';
import type { Rect } from '../../src-core/chart/group-bands';
import { rectBox, type Box } from '../../src-core/chart/label-boxes';
import type { ChartLayout } from '../../src-core/chart/layout';
import { ellipsizeIn, textWidth } from './text-width';
import type { PaintContext } from './paint';

interface Input {
  readonly layout: ChartLayout;
  readonly annotations: readonly Annotation[];
  readonly palette: ChartPalette;
}

const FONT = '10.5px system-ui, sans-serif';
const CAPTION_FONT = `italic ${FONT}`;
/** Opacity of a band's tint and of its outline, per theme. */
const BAND_FILL = { light: 0.07, dark: 0.1 } as const;
const BAND_OUTLINE = 0.55;

const bandColorCache = new Map<string, { readonly fill: string; readonly outline: string }>();

/** A band's tint and outline: its connection's colour, see-through (made once per tone and theme). */
function bandColors(tone: number, theme: ChartPalette['theme']): { readonly fill: string; readonly outline: string } {
  const color = connectionColor(tone, theme); // one of a few: the cache stays small
  let colors = bandColorCache.get(color);
  if (!colors) bandColorCache.set(color, (colors = { fill: withAlpha(color, BAND_FILL[theme]), outline: withAlpha(color, BAND_OUTLINE) }));
  return colors;
}

/** The group bands, behind the arrows. */
export function paintGroups(ctx: PaintContext, input: Input, visible: readonly number[]): void {
  const { palette, annotations } = input;
  ctx.lineWidth = 1;
  ctx.setLineDash([4, 3]);
  for (const i of visible) {
    const note = annotations[i]!;
    if (note.kind !== 'group') continue;
    const { fill, outline } = bandColors(note.tone, palette.theme);
    const b = note.band;
    ctx.fillStyle = fill;
    ctx.fillRect(b.x, b.y, b.width, b.height);
    ctx.strokeStyle = outline;
    ctx.strokeRect(b.x + 0.5, b.y + 0.5, b.width - 1, b.height - 1);
  }
  ctx.setLineDash([]);
}

/** Boxes of the annotations' texts, pills and bars (chart px), for arrow labels to keep clear of. */
export function noteBoxes(ctx: PaintContext, input: Input, visible: readonly number[]): Box[] {
  const { layout, annotations } = input;
  const boxes: Box[] = [];
  const add = (r: Rect) => boxes.push(rectBox(r.x, r.y, r.width, r.height));
  ctx.font = FONT;
  for (const i of visible) {
    const note = annotations[i]!;
    if (note.kind === 'group') {
      if (note.caption) add(note.caption);
      continue;
    }
    const lane = layout.lanes[note.lane];
    if (!lane) continue;
    if (note.kind === 'metric') {
      add({ x: lane.x - 4, y: note.y - 4, width: 8, height: 8 });
      add(metricPill(ctx, lane.x, note.y, note.label, metricSide(layout, note.lane)).rect);
    } else if (note.kind === 'rtt') {
      const text = bracketText(ctx, lane.x - 9, note.y1, note.y2, note.label);
      if (text) add(text.rect);
    } else {
      const bar = transmissionBar(ctx, lane.x, note.y1, note.y2, note.label);
      add(bar.bar);
      add(bar.text);
    }
  }
  return boxes;
}

/** Brackets, bars, metrics and group captions, over the arrows. */
export function paintAnnotations(ctx: PaintContext, input: Input, visible: readonly number[]): void {
  const { layout, palette, annotations } = input;
  ctx.font = FONT;
  ctx.lineWidth = 1.2;
  ctx.setLineDash([]);
  for (const i of visible) {
    const note = annotations[i]!;
    if (note.kind === 'group') {
      if (note.caption) caption(ctx, note.caption, note.label, connectionTextColor(note.tone, palette.theme), palette);
      continue;
    }
    const lane = layout.lanes[note.lane];
    if (!lane) continue;
    if (note.kind === 'metric') metric(ctx, lane.x, note.y, note.label, metricSide(layout, note.lane), palette);
    else if (note.kind === 'rtt') bracket(ctx, lane.x - 9, note.y1, note.y2, note.label, palette);
    else transmission(ctx, lane.x, note.y1, note.y2, note.label, palette);
  }
}

function caption(ctx: PaintContext, box: Rect, label: string, color: string, palette: ChartPalette): void {
  ctx.font = CAPTION_FONT;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = palette.background;
  ctx.strokeText(label, box.x, box.y + box.height / 2);
  ctx.fillStyle = color;
  ctx.fillText(label, box.x, box.y + box.height / 2);
  ctx.font = FONT;
  ctx.lineWidth = 1.2;
}

/** The RTT label, written up the bracket at x, ellipsized to its height; null when nothing fits. */
function bracketText(ctx: PaintContext, x: number, y1: number, y2: number, label: string): { text: string; rect: Rect } | null {
  const text = ellipsizeIn(ctx, FONT, label, y2 - y1 - 6);
  if (text === '') return null;
  const w = textWidth(ctx, FONT, text);
  return { text, rect: { x: x - 3 - 12, y: (y1 + y2) / 2 - w / 2, width: 12, height: w } };
}

function bracket(ctx: PaintContext, x: number, y1: number, y2: number, label: string, palette: ChartPalette): void {
  ctx.strokeStyle = palette.annotation;
  ctx.beginPath();
  ctx.moveTo(x + 5, y1);
  ctx.lineTo(x, y1);
  ctx.lineTo(x, y2);
  ctx.lineTo(x + 5, y2);
  ctx.stroke();
  const text = bracketText(ctx, x, y1, y2, label);
  if (!text) return;
  ctx.save();
  ctx.translate(x - 3, (y1 + y2) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = palette.annotation;
  ctx.fillText(text.text, 0, 0);
  ctx.restore();
}

function transmissionBar(ctx: PaintContext, x: number, y1: number, y2: number, label: string): { bar: Rect; text: Rect } {
  const mid = (y1 + y2) / 2;
  return { bar: { x: x + 2, y: y1, width: 4, height: Math.max(2, y2 - y1) }, text: { x: x + 9, y: mid - 6, width: textWidth(ctx, FONT, label), height: 12 } };
}

function transmission(ctx: PaintContext, x: number, y1: number, y2: number, label: string, palette: ChartPalette): void {
  const { bar, text } = transmissionBar(ctx, x, y1, y2, label);
  ctx.fillStyle = palette.annotation;
  ctx.fillRect(bar.x, bar.y, bar.width, bar.height);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, text.x, text.y + text.height / 2);
}

/** Metric pills go outside the chart for the last lane, else on the lane's left, where the RTT brackets are and arrows leave from less often. */
function metricSide(layout: ChartLayout, lane: number): 1 | -1 {
  return lane === layout.lanes.length - 1 ? 1 : -1;
}

/** A metric's two-line pill (name, value) beside its diamond at (x, y). */
function metricPill(ctx: PaintContext, x: number, y: number, label: string, side: 1 | -1): { lines: string[]; rect: Rect } {
  const space = label.indexOf(' ');
  const lines = space < 0 ? [label] : [label.slice(0, space), label.slice(space + 1)];
  const width = Math.max(...lines.map((l) => textWidth(ctx, FONT, l))) + 10;
  return { lines, rect: { x: side > 0 ? x + 12 : x - 16 - width, y: y + 4, width, height: lines.length * 13 + 4 } };
}

function metric(ctx: PaintContext, x: number, y: number, label: string, side: 1 | -1, palette: ChartPalette): void {
  ctx.fillStyle = palette.annotation;
  ctx.beginPath();
  ctx.moveTo(x, y - 4);
  ctx.lineTo(x + 4, y);
  ctx.lineTo(x, y + 4);
  ctx.lineTo(x - 4, y);
  ctx.closePath();
  ctx.fill();
  const { lines, rect } = metricPill(ctx, x, y, label, side);
  ctx.fillStyle = palette.background;
  ctx.strokeStyle = palette.annotation;
  ctx.beginPath();
  ctx.rect(rect.x, rect.y, rect.width, rect.height);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = palette.annotation;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  lines.forEach((l, i) => ctx.fillText(l, rect.x + 5, rect.y + 8.5 + i * 13));
}
