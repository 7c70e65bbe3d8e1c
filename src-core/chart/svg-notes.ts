/**
 * Annotations (annotations.ts) in the SVG export (svg.ts): group bands
 * behind the arrows, tinted and outlined in their connection's colour;
 * over the arrows, the group captions, RTT brackets (label left of the
 * bracket), transmission bars and metrics (a dot on the lane, its text
 * below it on the lane's left — on screen too — or, for the last lane, right). `noteBoxes` gives the boxes of
 * their texts (widths estimated: svg-text.ts), which arrow labels keep
 * clear of, from the same geometry. Only annotations whose y range meets
 * the band [top, bottom] are written.
 */
import { drawnRange, type Annotation } from './annotations';
import { connectionColor, connectionTextColor, withAlpha, type ChartPalette } from './colors';
import type { Rect } from './group-bands';
import { rectBox, type Box } from './label-boxes';
import type { ChartLayout } from './layout';
import { escapeXml, num, svgTextWidth } from './svg-text';

/** Size of annotation texts (px). */
const NOTE_SIZE = 10;
/** Attributes for a 3 px outline of the background under a text, so lines crossing it do not cut through it (SVG 2 paint-order). */
export function halo(colors: ChartPalette): string {
  return ` stroke="${colors.background}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;
}

function inBand(note: Annotation, top: number, bottom: number): boolean {
  const [a, b] = drawnRange(note);
  return b >= top && a <= bottom;
}

/** Shapes of an annotation other than a group: its lines and marks, and its text with the text's box. */
interface NoteShape {
  readonly marks: string;
  readonly text: { readonly x: number; readonly y: number; readonly anchor: 'start' | 'end' };
  readonly box: Rect;
}

function shapeOf(layout: ChartLayout, note: Exclude<Annotation, { kind: 'group' }>, colors: ChartPalette): NoteShape {
  const x = layout.lanes[note.lane]?.x ?? 0;
  const w = svgTextWidth(note.label, NOTE_SIZE);
  switch (note.kind) {
    case 'rtt': {
      // a bracket just left of the lane, the label left of it
      const bx = x - 12;
      const y = (note.y1 + note.y2) / 2 + 4;
      return {
        marks: `<path d="M${num(bx + 5)} ${num(note.y1)}H${num(bx)}V${num(note.y2)}H${num(bx + 5)}" fill="none" stroke="${colors.annotation}"/>`,
        text: { x: bx - 4, y, anchor: 'end' },
        box: { x: bx - 4 - w, y: y - 9, width: w, height: 12 },
      };
    }
    case 'transmission':
      return {
        marks: `<rect x="${num(x - 3)}" y="${num(note.y1)}" width="6" height="${num(Math.max(1, note.y2 - note.y1))}" fill="${colors.annotation}" fill-opacity="0.5"/>`,
        text: { x: x + 7, y: note.y2 + 10, anchor: 'start' },
        box: { x: x + 7, y: note.y2 + 1, width: w, height: 12 },
      };
    case 'metric': {
      // below the dot, on the lane's left as on screen (paint-notes.ts), or its right for the last lane
      const right = note.lane === layout.lanes.length - 1;
      const tx = right ? x + 10 : x - 10;
      return {
        marks: `<circle cx="${num(x)}" cy="${num(note.y)}" r="3.5"/>`,
        text: { x: tx, y: note.y + 15, anchor: right ? 'start' : 'end' },
        box: { x: right ? tx : tx - w, y: note.y + 5, width: w, height: 13 },
      };
    }
  }
}

/** Group bands, to write before the arrows. */
export function groupBandsSvg(notes: readonly Annotation[], top: number, bottom: number, colors: ChartPalette): string[] {
  const out: string[] = [];
  for (const note of notes) {
    if (note.kind !== 'group' || !inBand(note, top, bottom)) continue;
    const color = connectionColor(note.tone, colors.theme);
    const b = note.band;
    out.push(
      `<rect class="annotation group" x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" rx="4" ` +
        `fill="${withAlpha(color, 0.07)}" stroke="${withAlpha(color, 0.55)}" stroke-dasharray="4 3"/>`,
    );
  }
  return out;
}

/** Every annotation but the bands, to write over the arrows. */
export function annotationSvg(layout: ChartLayout, notes: readonly Annotation[], top: number, bottom: number, colors: ChartPalette): string[] {
  const out: string[] = [];
  for (const note of notes) {
    if (!inBand(note, top, bottom)) continue;
    const label = escapeXml(note.label);
    if (note.kind === 'group') {
      if (!note.caption) continue;
      const c = note.caption;
      out.push(
        `<text class="annotation group-caption" x="${num(c.x)}" y="${num(c.y + c.height - 3)}" font-size="${NOTE_SIZE}" font-style="italic" ` +
          `fill="${connectionTextColor(note.tone, colors.theme)}"${halo(colors)}>${label}</text>`,
      );
      continue;
    }
    const shape = shapeOf(layout, note, colors);
    out.push(`<g class="annotation ${note.kind}" fill="${colors.annotation}">`, shape.marks);
    const anchor = shape.text.anchor === 'end' ? ' text-anchor="end"' : '';
    out.push(`<text x="${num(shape.text.x)}" y="${num(shape.text.y)}"${anchor} font-size="${NOTE_SIZE}"${halo(colors)}>${label}</text>`, '</g>');
  }
  return out;
}

/** Boxes of the annotation texts written in the band, for arrow labels to keep clear of. */
export function noteBoxes(layout: ChartLayout, notes: readonly Annotation[], top: number, bottom: number, colors: ChartPalette): Box[] {
  const boxes: Box[] = [];
  for (const note of notes) {
    if (!inBand(note, top, bottom)) continue;
    const box = note.kind === 'group' ? note.caption : shapeOf(layout, note, colors).box;
    if (box) boxes.push(rectBox(box.x, box.y, box.width, box.height));
  }
  return boxes;
}
