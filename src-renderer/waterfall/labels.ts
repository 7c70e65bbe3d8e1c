/**
 * The waterfall's words: a page load as the picker names it, its outcome,
 * an object's size and connection, a row read out in full (for assistive
 * tech), and the exported file's name. Times in ms with three decimals,
 * as the message list writes them.
 */
import { formatTime } from '../../src-core/sim/time';
import { formatCount, formatMs } from '../format/time';
import { t } from '../i18n/translate';
import type { PageLoad, PageObject } from './page-loads';
import { objectSegments, PHASES } from './phases';

/** "non-persistent, 5 parallel connections", "pipelined, 1 connection". */
export function modeText(load: PageLoad): string {
  const connections = t('waterfall.words.connections', { count: load.maxConnections }, load.maxConnections);
  return t('waterfall.words.mode', { mode: load.mode, connections });
}

/** "Browser · http://www.example.com/index.html · non-persistent, 1 connection · at 2 s". */
export function pageLoadLabel(load: PageLoad, nodeName: string): string {
  return t('waterfall.words.load', { node: nodeName, url: load.url, mode: modeText(load), time: formatTime(load.start) });
}

/** "Loaded in 674.303 ms: 11 objects over 11 connections", "Failed: …", "Loading…". */
export function outcomeText(load: PageLoad): string {
  const o = load.outcome;
  if (o.kind === 'failed') return t('waterfall.words.failed', { reason: o.reason });
  if (o.kind === 'unfinished') return t('waterfall.words.unfinished', { count: formatCount(load.objects.length) }, load.objects.length);
  const objects = t('waterfall.words.objects', { count: formatCount(o.objects) }, o.objects);
  const connections = t('waterfall.words.connectionCount', { count: formatCount(o.connections) }, o.connections);
  return t('waterfall.words.loaded', { time: formatMs(o.elapsed), objects, connections });
}

/** "1,000 B" (exact up to 99,999 bytes), then "123.4 kB" (1 kB = 1000 B). */
export function sizeText(bytes: number): string {
  return bytes < 100_000 ? t('waterfall.words.bytes', { count: formatCount(bytes) }) : t('waterfall.words.kilobytes', { count: (bytes / 1000).toFixed(1) });
}

/** "3 (new)" for an object that opened its connection, "1" for one that reused it, "cache" for one the browser's cache answered. */
export function connectionText(o: PageObject): string {
  if (o.cache === 'fresh') return t('waterfall.words.cache');
  return o.newConnection ? t('waterfall.words.newConnection', { n: o.connectionNumber }) : String(o.connectionNumber);
}

/** A row in words: "/img1.jpg, 200, 1,000 B, connection 2 (new): connect 60.771–90.912 ms, waiting 90.912–122.124 ms; done at 122.124 ms". */
export function objectDescription(o: PageObject): string {
  const phases = objectSegments(o).map((s) => t('waterfall.words.phase', { phase: t(`waterfall.phases.${s.phase}.inText`), from: formatMs(s.from), to: formatMs(s.to) }));
  const values = { path: o.path, status: o.status, size: sizeText(o.bytes), connection: connectionText(o), done: formatMs(o.relative.lastByte) };
  return phases.length > 0 ? t('waterfall.words.object', { ...values, phases: phases.join(', ') }) : t('waterfall.words.objectNoPhases', values);
}

export function phaseLabel(phase: string): string {
  return PHASES.find((p) => p.phase === phase)?.label ?? phase;
}

/** The PNG's name: "http-non-persistent.l7.json", load 1 of 2 → "http-non-persistent-waterfall-1.png"; the only load → "…-waterfall.png". */
export function waterfallFileName(fileName: string, index: number, count: number): string {
  const base = fileName.replace(/(\.l7)?\.json$/i, '') || 'page-load';
  return count > 1 ? `${base}-waterfall-${index + 1}.png` : `${base}-waterfall.png`;
}
