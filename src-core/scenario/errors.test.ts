import { describe, expect, it } from 'vitest';
import { formatIssue, formatIssues, formatPath, limitIssues, MAX_ISSUES } from './errors';

describe('formatPath', () => {
  it('joins names with dots and indices with brackets', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['links', 2, 'b'])).toBe('links[2].b');
    expect(formatPath(['nodes', 0, 'services', 1, 'port'])).toBe('nodes[0].services[1].port');
  });
  it('quotes names that are not identifiers', () => {
    expect(formatPath(['view', 'lane order'])).toBe('view["lane order"]');
    expect(formatPath(['a-b'])).toBe('["a-b"]');
  });
});

describe('formatIssue', () => {
  it('writes file:line:column: path: message', () => {
    const issue = { path: 'links[2].b', message: 'unknown node "srv"', line: 12, column: 5, offset: 300 };
    expect(formatIssue(issue, 'lesson.l7.json')).toBe('lesson.l7.json:12:5: links[2].b: unknown node "srv"');
  });
  it('leaves out what is unknown or empty', () => {
    expect(formatIssue({ path: '', message: 'm', line: 1, column: 1 }, 'f.json')).toBe('f.json:1:1: m');
    expect(formatIssue({ path: 'a', message: 'm' }, 'f.json')).toBe('f.json: a: m');
    expect(formatIssue({ path: 'a', message: 'm', line: 3, column: 4 })).toBe('3:4: a: m');
    expect(formatIssue({ path: '', message: 'm' })).toBe('m');
  });
  it('formats a list one per line', () => {
    expect(formatIssues([{ path: 'a', message: 'x' }, { path: 'b', message: 'y' }], 'f')).toBe('f: a: x\nf: b: y');
  });
});

describe('limitIssues', () => {
  it('keeps up to MAX_ISSUES and says how many more there were', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ path: `p${i}`, message: 'm' }));
    const kept = limitIssues(many);
    expect(kept).toHaveLength(MAX_ISSUES);
    expect(kept[MAX_ISSUES - 2]!.path).toBe(`p${MAX_ISSUES - 2}`);
    expect(kept[MAX_ISSUES - 1]!.message).toBe('11 more issues not shown (only the first 49 are listed)');
    expect(limitIssues(many.slice(0, MAX_ISSUES))).toHaveLength(MAX_ISSUES);
  });
});
