/**
 * Annotations (src-core/chart/annotations.ts) on the chart: handshake/close
 * groups as tinted bands behind the arrows (label above the band's right end), RTT
 * brackets just left of the requester's lane (label written up the
 * bracket), transmission bars on the sender's lane, metrics as a diamond on
 * the lane with a pill label to its left.
 */
import { visibleAnnotations, type Annotation } from '../../src-core/chart/annotations';
import type { ChartPalette } from '../../src-core/chart/colors';
import type { ChartLayout } from '../../src-core/chart/layout';
import { ellipsize } from './paint-arrows';
import type { PaintContext } from './paint';

interface Input {
  readonly layout: ChartLayout;
  readonly annotations: readonly Annotation[];
  readonly palette: ChartPalette;
}

const FONT = '10.5px system-ui, sans-serif';

export function paintGroups(ctx: PaintContext, input: Input, y0: number, y1: number): void {
  const { layout, palette, annotations } = input;
  for (const i of visibleAnnotations(annotations, y0, y1)) {
    const note = annotations[i]!;
    if (note.kind !== 'group' || note.y2 < y0 || note.y1 > y1) continue;
    const left = layout.lanes[note.lanes[0]]!.x - 24;
    const right = layout.lanes[note.lanes[1]]!.x + 24;
    ctx.fillStyle = palette.groupFill;
    ctx.fillRect(left, note.y1 - 4, right - left, note.y2 - note.y1 + 8);
    ctx.fillStyle = palette.muted;
    ctx.font = `italic ${FONT}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(note.label, right - 18, note.y1 - 5);
  }
}

export function paintAnnotations(ctx: PaintContext, input: Input, y0: number, y1: number): void {
  const { layout, palette, annotations } = input;
  ctx.font = FONT;
  ctx.lineWidth = 1.2;
  ctx.setLineDash([]);
  // only those in the band (binary search), in the list's order
  for (const i of visibleAnnotations(annotations, y0, y1)) {
    const note = annotations[i]!;
    if (note.kind === 'group') continue;
    const lane = layout.lanes[note.lane];
    if (!lane) continue;
    if (note.kind === 'metric') {
      if (note.y < y0 - 40 || note.y > y1 + 20) continue;
      metric(ctx, lane.x, note.y, note.label, note.lane === layout.lanes.length - 1 ? 1 : -1, palette);
      continue;
    }
    if (note.y2 < y0 || note.y1 > y1) continue;
    if (note.kind === 'rtt') bracket(ctx, lane.x - 9, note.y1, note.y2, note.label, palette);
    else transmission(ctx, lane.x, note.y1, note.y2, note.label, palette);
  }
}

function bracket(ctx: PaintContext, x: number, y1: number, y2: number, label: string, palette: ChartPalette): void {
  ctx.strokeStyle = palette.annotation;
  ctx.beginPath();
  ctx.moveTo(x + 5, y1);
  ctx.lineTo(x, y1);
  ctx.lineTo(x, y2);
  ctx.lineTo(x + 5, y2);
  ctx.stroke();
  const text = ellipsize(ctx, label, y2 - y1 - 6);
  if (text === '') return;
  ctx.save();
  ctx.translate(x - 3, (y1 + y2) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = palette.annotation;
  ctx.fillText(text, 0, 0);
  ctx.restore();
}

function transmission(ctx: PaintContext, x: number, y1: number, y2: number, label: string, palette: ChartPalette): void {
  ctx.fillStyle = palette.annotation;
  ctx.fillRect(x + 2, y1, 4, Math.max(2, y2 - y1));
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, x + 9, (y1 + y2) / 2);
}

/**
 * A metric: a diamond on the lane and a two-line pill (name, value) beside
 * it — outside the chart for the last lane, else on the lane's left, where
 * the RTT brackets are and arrows leave from less often.
 */
function metric(ctx: PaintContext, x: number, y: number, label: string, side: 1 | -1, palette: ChartPalette): void {
  ctx.fillStyle = palette.annotation;
  ctx.beginPath();
  ctx.moveTo(x, y - 4);
  ctx.lineTo(x + 4, y);
  ctx.lineTo(x, y + 4);
  ctx.lineTo(x - 4, y);
  ctx.closePath();
  ctx.fill();
  const space = label.indexOf(' ');
  const lines = space < 0 ? [label] : [label.slice(0, space), label.slice(space + 1)];
  const width = Math.max(...lines.map((l) => ctx.measureText(l).width)) + 10;
  const height = lines.length * 13 + 4;
  const left = side > 0 ? x + 12 : x - 16 - width;
  ctx.fillStyle = palette.background;
  ctx.strokeStyle = palette.annotation;
  ctx.beginPath();
  ctx.rect(left, y + 4, width, height);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = palette.annotation;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  lines.forEach((l, i) => ctx.fillText(l, left + 5, y + 4 + 8.5 + i * 13));
}
