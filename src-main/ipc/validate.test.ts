import { describe, expect, it } from 'vitest';
import { expectRunId, expectString, parseExportRequest, parseRunRequest, parseSaveRequest } from './validate';

describe('argument checks', () => {
  it('accepts well-formed requests and keeps only the contract’s fields', () => {
    expect(parseSaveRequest({ path: null, suggestedName: 'a.l7.json', text: '{}', extra: 1 })).toEqual({ path: null, suggestedName: 'a.l7.json', text: '{}' });
    const bytes = new Uint8Array([1, 2]);
    expect(parseExportRequest({ kind: 'png', suggestedName: 'c.png', data: bytes })).toEqual({ kind: 'png', suggestedName: 'c.png', data: bytes });
    expect(parseExportRequest({ kind: 'csv', suggestedName: 'p.csv', data: 'x,y\r\n' })).toEqual({ kind: 'csv', suggestedName: 'p.csv', data: 'x,y\r\n' });
    expect(parseRunRequest({ runId: 'r1', scenario: { any: 'thing' } })).toEqual({ runId: 'r1', scenario: { any: 'thing' } });
    expect(parseRunRequest({ runId: 'r1', scenario: null, seed: 7 })).toEqual({ runId: 'r1', scenario: null, seed: 7 });
  });

  it('names the request and the bad argument', () => {
    expect(() => expectString('openLesson', 'id', 3)).toThrow('openLesson: id must be a string, got number');
    expect(() => parseSaveRequest('x')).toThrow('saveFile: request must be an object, got string');
    expect(() => parseSaveRequest(null)).toThrow('saveFile: request must be an object, got null');
    expect(() => parseSaveRequest({ path: 1, suggestedName: 'a', text: '' })).toThrow('saveFile: request.path must be a string or null, got number');
    expect(() => parseSaveRequest({ path: null, suggestedName: 'a', text: 5 })).toThrow('saveFile: request.text must be a string, got number');
    expect(() => parseExportRequest({ kind: 'gif', suggestedName: 'a', data: '' })).toThrow('exportFile: request.kind must be "png", "svg", "json", "pcapng" or "csv", got string');
    expect(() => parseExportRequest({ kind: 'png', suggestedName: 'a', data: [1, 2] })).toThrow('exportFile: request.data must be a string or bytes, got an array');
    expect(() => parseRunRequest({ runId: 5, scenario: {} })).toThrow('startRun: runId must be a string, got number');
    expect(() => parseRunRequest({ runId: 'r', scenario: {}, seed: 1.5 })).toThrow(/startRun: request.seed must be an integer/);
    expect(() => parseRunRequest({ runId: 'r', scenario: {}, seed: -1 })).toThrow(/request.seed/);
    expect(() => expectRunId('cancelRun', '')).toThrow('cancelRun: runId must be 1 to 200 characters, got 0');
  });

  it('throws errors named ArgumentError', () => {
    expect(() => parseRunRequest([])).toThrow(expect.objectContaining({ name: 'ArgumentError' }));
  });
});
