/**
 * The waterfall as a PNG: the SVG document of waterfall-svg.ts (its text
 * measured with this page's canvas, so the columns fit the fonts it will
 * be drawn in), drawn at EXPORT_SCALE× through an <img> onto a canvas and
 * encoded, then saved through the host (Electron: a save dialog; web: a
 * download). Named "<scenario>-waterfall.png", or "-waterfall-<n>.png"
 * (n from 1) when the trace holds several page loads.
 */
import type { SavedFile } from '../../src-core/api/contract';
import type { ChartTheme } from '../../src-core/chart/colors';
import { SVG_FONT_FAMILY } from '../../src-core/chart/svg';
import { EXPORT_SCALE } from '../chart/export-png';
import { getHost } from '../host';
import { t } from '../i18n/translate';
import { waterfallFileName } from './labels';
import type { PageLoad } from './page-loads';
import { waterfallToSvg, type TextMeasure, type WaterfallSvg } from './waterfall-svg';

export interface WaterfallPngRequest {
  readonly load: PageLoad;
  /** Which of the trace's page loads it is (0-based), and how many there are. */
  readonly index: number;
  readonly count: number;
  readonly nodeName: string;
  /** The scenario's name (the title), and its file's name (the file name's base). */
  readonly title: string;
  readonly fileName: string;
  readonly theme: ChartTheme;
}

/** Widths of text as this page's canvas draws it in the SVG's fonts. */
function canvasMeasure(): TextMeasure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) throw new Error(t('waterfall.export.noMeasure'));
  return (text, size, bold) => {
    ctx.font = `${bold ? '600 ' : ''}${size}px ${SVG_FONT_FAMILY}`;
    return ctx.measureText(text).width;
  };
}

/** The SVG drawn at `scale`× and encoded as PNG (the plots' PNG export uses it too). */
export async function rasterise(doc: Pick<WaterfallSvg, 'svg' | 'width' | 'height'>, scale: number): Promise<Uint8Array> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(doc.svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(doc.width * scale);
  canvas.height = Math.round(doc.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t('waterfall.export.noCanvas'));
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t('waterfall.export.notEncoded')))), 'image/png'));
  return new Uint8Array(await blob.arrayBuffer());
}

/** Saves the waterfall of `request.load` as a PNG; the file saved, or null when the user cancelled the save dialog. */
export async function exportWaterfallPng(request: WaterfallPngRequest): Promise<SavedFile | null> {
  const doc = waterfallToSvg({ load: request.load, nodeName: request.nodeName, title: request.title, theme: request.theme, measure: canvasMeasure() });
  const data = await rasterise(doc, EXPORT_SCALE);
  return getHost().exportFile({ kind: 'png', suggestedName: waterfallFileName(request.fileName, request.index, request.count), data });
}
