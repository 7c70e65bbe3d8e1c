import { describe, expect, it } from 'vitest';
import { helpFromDescription, labelFromName } from './field-label';

describe('labelFromName', () => {
  it('splits camelCase and takes the unit from the name\'s end', () => {
    expect(labelFromName('delayMs')).toEqual({ label: 'Delay', unit: 'ms' });
    expect(labelFromName('bandwidthMbps')).toEqual({ label: 'Bandwidth', unit: 'Mbit/s' });
    expect(labelFromName('queuePackets')).toEqual({ label: 'Queue', unit: 'packets' });
    expect(labelFromName('endTimeMs')).toEqual({ label: 'End time', unit: 'ms' });
    expect(labelFromName('lossRate')).toEqual({ label: 'Loss rate' });
    expect(labelFromName('compressIdleGaps')).toEqual({ label: 'Compress idle gaps' });
  });

  it('keeps a name that is only a unit word, and spells ids and TTLs as people do', () => {
    expect(labelFromName('bytes')).toEqual({ label: 'Bytes' });
    expect(labelFromName('id')).toEqual({ label: 'ID' });
    expect(labelFromName('ttl')).toEqual({ label: 'TTL' });
  });
});

describe('helpFromDescription', () => {
  it('makes a sentence of a schema description', () => {
    expect(helpFromDescription('a node id')).toBe('A node id.');
    expect(helpFromDescription('true or false.')).toBe('True or false.');
    expect(helpFromDescription(undefined)).toBe('');
  });
});
