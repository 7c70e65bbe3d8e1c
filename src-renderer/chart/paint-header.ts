/**
 * The sticky lanes header (a glyph for the node's kind, its name, its
 * address) and the title band of exports (scenario name, protocol legend).
 */
import { DISCARDED_LEGEND } from '../../src-core/chart/arrow-state';
import { legendFor, type ChartPalette } from '../../src-core/chart/colors';
import { BURST_LEGEND } from '../../src-core/chart/svg-legend';
import type { ChartLayout } from '../../src-core/chart/layout';
import { displayKind } from '../../src-core/scenario/node-kind';
import type { TraceNode } from '../../src-core/trace/types';
import { AXIS_WIDTH, chartAux, HEADER_HEIGHT, TITLE_HEIGHT } from './geometry';
import { ellipsize } from './text-width';
import { discardMark } from './paint-arrows';
import type { PaintContext } from './paint';

interface Input {
  readonly layout: ChartLayout;
  readonly palette: ChartPalette;
  readonly viewport: { readonly left: number; readonly width: number };
}

export function paintHeader(ctx: PaintContext, input: Input, y: number): void {
  const { layout, palette, viewport: vp } = input;
  ctx.fillStyle = palette.header;
  ctx.fillRect(0, y, vp.width, HEADER_HEIGHT);
  ctx.strokeStyle = palette.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, y + HEADER_HEIGHT - 0.5);
  ctx.lineTo(vp.width, y + HEADER_HEIGHT - 0.5);
  ctx.stroke();
  const laneWidth = layout.lanes.length > 1 ? layout.lanes[1]!.x - layout.lanes[0]!.x : 190;
  for (const lane of layout.lanes) {
    const x = lane.x - vp.left;
    if (x < -laneWidth / 2 || x > vp.width + laneWidth / 2) continue;
    ctx.font = '600 12.5px system-ui, sans-serif';
    const name = ellipsize(ctx, lane.node.name, laneWidth - 40);
    const total = 20 + ctx.measureText(name).width;
    const start = x - total / 2;
    glyph(ctx, lane.node, start, y + 10, palette);
    ctx.fillStyle = palette.text;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(name, start + 20, y + 17);
    ctx.fillStyle = palette.muted;
    ctx.font = '11px ui-monospace, Menlo, Consolas, monospace';
    ctx.textAlign = 'center';
    ctx.fillText(ellipsize(ctx, lane.node.address, laneWidth - 12), x, y + 35); // a lane group lists its members' addresses
  }
  ctx.fillStyle = palette.muted;
  ctx.font = '10.5px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.fillText('time', AXIS_WIDTH - 8, y + HEADER_HEIGHT - 12);
}

/** A 14 × 14 px drawing of the node's kind (scenario/node-kind.ts, as the topology names it): router (circle with arrows), server (rack), host (screen). */
function glyph(ctx: PaintContext, node: TraceNode, x: number, y: number, palette: ChartPalette): void {
  ctx.strokeStyle = palette.muted;
  ctx.fillStyle = palette.muted;
  ctx.lineWidth = 1.3;
  ctx.beginPath();
  if (node.kind === 'router') {
    ctx.arc(x + 7, y + 7, 6.5, 0, Math.PI * 2);
    ctx.moveTo(x + 3, y + 7);
    ctx.lineTo(x + 11, y + 7);
    ctx.moveTo(x + 7, y + 3);
    ctx.lineTo(x + 7, y + 11);
    ctx.stroke();
  } else if (displayKind({ kind: node.kind, services: node.services ?? [] }) === 'server') {
    ctx.rect(x + 1.5, y + 0.5, 11, 5.5);
    ctx.rect(x + 1.5, y + 7.5, 11, 5.5);
    ctx.stroke();
    ctx.fillRect(x + 9, y + 2.5, 2, 1.5);
    ctx.fillRect(x + 9, y + 9.5, 2, 1.5);
  } else {
    ctx.rect(x + 0.5, y + 0.5, 13, 9);
    ctx.moveTo(x + 7, y + 10);
    ctx.lineTo(x + 7, y + 13);
    ctx.moveTo(x + 3.5, y + 13.5);
    ctx.lineTo(x + 10.5, y + 13.5);
    ctx.stroke();
  }
}

/** Export title band: the title on the left, the protocol legend after it. */
export function paintTitle(ctx: PaintContext, input: Input, title: string): void {
  const { palette, viewport: vp } = input;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, vp.width, TITLE_HEIGHT);
  ctx.fillStyle = palette.text;
  ctx.font = '600 15px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const text = ellipsize(ctx, title, Math.max(120, vp.width * 0.5));
  ctx.fillText(text, 12, TITLE_HEIGHT / 2);
  let x = 12 + ctx.measureText(text).width + 28;
  ctx.font = '12px system-ui, sans-serif';
  for (const entry of legendFor(chartAux(input.layout).protocols, palette.theme)) {
    ctx.strokeStyle = entry.color;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(x, TITLE_HEIGHT / 2);
    ctx.lineTo(x + 18, TITLE_HEIGHT / 2);
    ctx.stroke();
    ctx.fillStyle = palette.text;
    ctx.fillText(entry.protocol, x + 23, TITLE_HEIGHT / 2);
    x += 23 + ctx.measureText(entry.protocol).width + 16;
  }
  // how arrows end and bundle, when the chart has them (the SVG's key lists the same)
  const arrows = input.layout.arrows;
  if (arrows.some((a) => a.state === 'discarded')) {
    ctx.strokeStyle = palette.muted;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, TITLE_HEIGHT / 2);
    ctx.lineTo(x + 14, TITLE_HEIGHT / 2);
    ctx.stroke();
    discardMark(ctx, x + 18, TITLE_HEIGHT / 2, palette.muted, palette.background);
    ctx.fillStyle = palette.text;
    ctx.fillText(DISCARDED_LEGEND, x + 27, TITLE_HEIGHT / 2);
    x += 27 + ctx.measureText(DISCARDED_LEGEND).width + 16;
  }
  if (arrows.some((a) => a.burst && !a.burst.open)) {
    ctx.fillStyle = palette.muted;
    ctx.font = '700 10.5px system-ui, sans-serif';
    ctx.fillText('×N', x, TITLE_HEIGHT / 2);
    const w = ctx.measureText('×N').width;
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = palette.text;
    ctx.fillText(BURST_LEGEND, x + w + 5, TITLE_HEIGHT / 2);
  }
}
