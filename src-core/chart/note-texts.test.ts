import { describe, expect, it } from 'vitest';
import { formatMs, RttNote, TransmissionNote } from './note-texts';

describe('note texts', () => {
  it('writes the time in the text when it is read', () => {
    const rtt = new RttNote(2, 10, 30, 'RTT', 24_077_440);
    expect(rtt).toMatchObject({ kind: 'rtt', lane: 2, y1: 10, y2: 30, label: 'RTT 24.08 ms' });
    expect(new RttNote(0, 0, 1, 'reply after', 1_500_000_000).label).toBe('reply after 1.500 s');
    const tx = new TransmissionNote(1, 7, 5, 6, 3200);
    expect(tx).toMatchObject({ kind: 'transmission', lane: 1, id: 7, y1: 5, y2: 6, label: 'transmission 3.2 µs' });
  });

  it('formats ns in the largest unit that fits', () => {
    expect([formatMs(24_077_440), formatMs(1.5e9), formatMs(3200)]).toEqual(['24.08 ms', '1.500 s', '3.2 µs']);
  });
});
