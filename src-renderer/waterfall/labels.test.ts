import { describe, expect, it } from 'vitest';
import { connectionText, modeText, objectDescription, outcomeText, pageLoadLabel, sizeText, waterfallFileName } from './labels';
import { lessonLoads } from './test-traces';

describe('the waterfall’s words', () => {
  const [serial, parallel] = lessonLoads('http-non-persistent').loads;

  it('names a page load by browser, URL, mode and start', () => {
    expect(pageLoadLabel(serial!, 'Browser')).toBe('Browser · http://www.example.com/index.html · non-persistent, 1 connection · at 0 s');
    expect(modeText(parallel!)).toBe('non-persistent, 5 parallel connections');
    expect(pageLoadLabel(parallel!, 'Browser')).toContain('· at 2 s');
  });

  it('says how the load ended, with the page-load time', () => {
    expect(outcomeText(serial!)).toBe('Loaded in 674.303 ms: 11 objects over 11 connections');
    expect(outcomeText({ ...serial!, outcome: { kind: 'failed', reason: 'connection refused', eventId: 1 } })).toBe('Failed: connection refused');
    expect(outcomeText({ ...serial!, outcome: { kind: 'unfinished' } })).toBe('Not finished: 11 objects so far');
  });

  it('writes sizes, connections and a whole row', () => {
    expect(sizeText(397)).toBe('397 B');
    expect(sizeText(99_999)).toBe('99,999 B');
    expect(sizeText(123_456)).toBe('123.5 kB');
    const [persistent] = lessonLoads('http-persistent').loads;
    expect(connectionText(persistent!.objects[0]!)).toBe('1 (new)');
    expect(connectionText(persistent!.objects[1]!)).toBe('1');
    expect(objectDescription(serial!.objects[1]!)).toBe('/img1.jpg, 200, 1,000 B, connection 2 (new): connect 60.771–90.912 ms, waiting 90.912–122.124 ms; done at 122.124 ms');
  });

  it('names the PNG after the scenario file, numbered when the trace has several loads', () => {
    expect(waterfallFileName('http-non-persistent.l7.json', 0, 2)).toBe('http-non-persistent-waterfall-1.png');
    expect(waterfallFileName('http-persistent.l7.json', 1, 2)).toBe('http-persistent-waterfall-2.png');
    expect(waterfallFileName('mine.json', 0, 1)).toBe('mine-waterfall.png');
    expect(waterfallFileName('', 0, 1)).toBe('page-load-waterfall.png');
  });
});
