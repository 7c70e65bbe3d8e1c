import { describe, expect, it } from 'vitest';
import type { FormField } from '../../src-core/editor/form-types';
import { displayText, domId, issuesAt, issuesOfField, parseText } from './form-input';

const field = (path: FormField['path'], input: FormField['input'] = 'text'): FormField => ({ path, label: 'x', help: '', input, value: undefined, optional: true });

describe('parseText', () => {
  it('numbers become numbers, empty means absent, other text goes on for the loader to name', () => {
    expect(parseText({ input: 'number' }, ' 12.5 ')).toBe(12.5);
    expect(parseText({ input: 'number' }, '')).toBeUndefined();
    expect(parseText({ input: 'number' }, '12abc')).toBe('12abc');
    expect(parseText({ input: 'number', words: ['random'] }, 'random')).toBe('random');
    expect(parseText({ input: 'number', words: ['random'] }, '53')).toBe(53);
  });

  it('text keeps its spaces; lists are one item per line', () => {
    expect(parseText({ input: 'text' }, ' hello ')).toBe(' hello ');
    expect(parseText({ input: 'text' }, '')).toBeUndefined();
    expect(parseText({ input: 'text', list: true }, 'root\n\n tld \n')).toEqual(['root', 'tld']);
    expect(parseText({ input: 'number', list: true }, '1\n3')).toEqual([1, 3]);
    expect(parseText({ input: 'text', list: true }, '')).toEqual([]);
  });
});

describe('displayText', () => {
  it('shows lists one per line and absent values as empty', () => {
    expect(displayText(['a', 'b'])).toBe('a\nb');
    expect(displayText(undefined)).toBe('');
    expect(displayText(53)).toBe('53');
  });
});

describe('issues of a field', () => {
  const issues = [
    { path: 'links[0].delayMs', message: 'd' },
    { path: 'nodes[0].services[0].zones[0].origin', message: 'o' },
    { path: 'nodes[0].services[0].zones[0].records[1].ttl', message: 't' },
  ];

  it('a plain field has the issues at its path', () => {
    expect(issuesAt(issues, ['links', 0, 'delayMs']).map((i) => i.message)).toEqual(['d']);
    expect(issuesAt(issues, ['links', 0])).toEqual([]);
  });

  it('a table has those inside it that no longer field of the form claims', () => {
    const zones = field(['nodes', 0, 'services', 0, 'zones'], 'table');
    const records = field(['nodes', 0, 'services', 0, 'zones', 0, 'records'], 'table');
    expect(issuesOfField(issues, zones, [zones, records]).map((i) => i.message)).toEqual(['o']);
    expect(issuesOfField(issues, records, [zones, records]).map((i) => i.message)).toEqual(['t']);
  });
});

describe('domId', () => {
  it('makes a safe id from a path', () => {
    expect(domId('pf1', ['links', 0, 'delayMs'])).toBe('pf1-links-0-delayMs');
    expect(domId('pf1', ['view', 'lane order'], 'help')).toBe('pf1-view-lane_order--help');
  });
});
