/**
 * A state event's data as the inspector shows it: JSON, with every time
 * written for people. Trace times are integer nanoseconds (docs/trace-format.md):
 * `expiresAt` (a cache entry's end, on the run's clock), `elapsed` (a
 * duration) and the like are shown as "172,800.116 s (172800116085280 ns)",
 * so the unit is never left to guess and the exact value stays.
 */
import { t } from '../i18n/translate';
import { formatDuration } from './time';

/** Keys of state data whose numbers are SimTime (ns), in every protocol's state types. */
const NS_KEYS: ReadonlySet<string> = new Set(['expiresAt', 'elapsed', 'at', 'sentAt', 'receivedAt', 'deadline']);

export function formatStateData(data: unknown): string {
  return JSON.stringify(data, (key, value: unknown) => (NS_KEYS.has(key) && typeof value === 'number' && Number.isInteger(value) ? `${formatDuration(value)} (${t('units.ns', { value })})` : value), 2) ?? '';
}
