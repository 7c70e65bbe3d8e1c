/**
 * Times for people. Trace times are integer nanoseconds (SimTime); the list
 * shows milliseconds with three decimals (microsecond resolution), the
 * inspector picks a unit that keeps small durations readable.
 */
import type { SocketAddress } from '../../src-core/trace/types';
import { t } from '../i18n/translate';

const NS_PER_S = 1_000_000_000;
const NS_PER_MS = 1_000_000;
const NS_PER_US = 1_000;

/** 24077440 → "24.077" (ms, three decimals, no unit). */
export function formatMs(ns: number): string {
  return (ns / NS_PER_MS).toFixed(3);
}

/** A duration with its unit: "1.090 s", "12.000 ms", "3.200 µs", "0 ns". */
export function formatDuration(ns: number): string {
  const size = Math.abs(ns);
  if (size >= NS_PER_S) return t('units.s', { value: `${formatCount(Math.trunc(ns / NS_PER_S))}${((size % NS_PER_S) / NS_PER_S).toFixed(3).slice(1)}` });
  if (size >= NS_PER_MS) return t('units.ms', { value: (ns / NS_PER_MS).toFixed(3) });
  if (size >= NS_PER_US) return t('units.us', { value: (ns / NS_PER_US).toFixed(3) });
  return t('units.ns', { value: ns });
}

/** "10.0.1.10:61032". */
export function formatSocket(address: SocketAddress): string {
  return `${address.addr}:${address.port}`;
}

/** 1234567 → "1,234,567" (digits grouped, the same in every locale so tests and screenshots agree). */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
