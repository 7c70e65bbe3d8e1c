import { describe, expect, it } from 'vitest';
import { formatSweepValues, parseChoices, parseSweepValues } from './sweep-values';

describe('sweep values as typed', () => {
  it('read a list, with commas or spaces', () => {
    expect(parseSweepValues('10, 20, 40 80;160')).toEqual([10, 20, 40, 80, 160]);
    expect(parseSweepValues('0.5 1e3')).toEqual([0.5, 1000]);
  });

  it('read a range from..to:count', () => {
    expect(parseSweepValues('10..50:5')).toEqual([10, 20, 30, 40, 50]);
    expect(parseSweepValues(' 0 .. 1 : 3 ')).toEqual([0, 0.5, 1]);
  });

  it('refuse anything else', () => {
    expect(parseSweepValues('10')).toBeNull();
    expect(parseSweepValues('10, x')).toBeNull();
    expect(parseSweepValues('1..2:1')).toBeNull();
    expect(parseSweepValues('1..2:51')).toBeNull();
    expect(parseSweepValues(Array.from({ length: 51 }, (_, i) => i).join(','))).toBeNull();
    expect(parseSweepValues('')).toBeNull();
  });

  it('write a list back', () => {
    expect(formatSweepValues([10, 20.5])).toBe('10, 20.5');
  });
});

describe('choices of a flag or a mode as typed', () => {
  it('read each choice once it is one of the options', () => {
    expect(parseChoices('false, true', ['true', 'false'])).toEqual(['false', 'true']);
    expect(parseChoices('persistent pipelined', ['non-persistent', 'persistent', 'pipelined'])).toEqual(['persistent', 'pipelined']);
    expect(parseChoices('persistent', ['persistent', 'pipelined'])).toBeNull();
    expect(parseChoices('persistent, nope', ['persistent', 'pipelined'])).toBeNull();
  });
});
