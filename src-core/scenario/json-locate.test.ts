import { describe, expect, it } from 'vitest';
import { duplicatePropertyIssues, findNode, locateIssue } from './json-locate';
import { readJson } from './json-text';
import type { JsonDocument } from './json-text';

function doc(text: string): JsonDocument {
  const result = readJson(text);
  if (!result.ok) throw new Error('bad test JSON');
  return result.doc;
}

const TEXT = '{\n  "links": [\n    { "a": "x", "b": "y" }\n  ]\n}';

describe('findNode', () => {
  it('finds a value by path', () => {
    const { node, exact } = findNode(doc(TEXT).tree!, ['links', 0, 'b']);
    expect(exact).toBe(true);
    expect(node.value).toBe('y');
  });
  it('falls back to the nearest ancestor', () => {
    const { node, exact } = findNode(doc(TEXT).tree!, ['links', 0, 'delayMs']);
    expect(exact).toBe(false);
    expect(node.type).toBe('object');
    expect(findNode(doc(TEXT).tree!, ['links', 5]).node.type).toBe('array');
    expect(findNode(doc(TEXT).tree!, ['links', 'x']).node.type).toBe('array');
  });
  it('takes the last of duplicate properties, as JSON.parse does', () => {
    const d = doc('{"a": 1, "a": 2}');
    expect(d.value).toEqual({ a: 2 });
    expect(findNode(d.tree!, ['a']).node.value).toBe(2);
  });
});

describe('locateIssue', () => {
  it('points at the value, or at the name for target "key", or at the parent when missing', () => {
    const d = doc(TEXT);
    expect(locateIssue(d, { path: ['links', 0, 'b'], message: 'm' })).toEqual({
      path: 'links[0].b',
      message: 'm',
      line: 3,
      column: 22,
      offset: 36,
    });
    expect(locateIssue(d, { path: ['links', 0, 'b'], message: 'm', target: 'key' })).toMatchObject({ line: 3, column: 17 });
    expect(locateIssue(d, { path: ['links', 0, 'delayMs'], message: 'm' })).toMatchObject({ line: 3, column: 5 });
  });
});

describe('duplicatePropertyIssues', () => {
  it('reports each repeated name at the repeat, at any depth', () => {
    const d = doc('{\n  "a": 1,\n  "b": [{ "c": 1, "c": 2 }],\n  "a": 3\n}');
    const issues = duplicatePropertyIssues(d).map((i) => locateIssue(d, i));
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'a',
          message: 'duplicate property "a" (also at line 2, column 3; give each property once)',
          line: 4,
          column: 3,
          offset: 43,
        },
        expect.objectContaining({ path: 'b[0].c', line: 3, column: 19 }),
      ]),
    );
    expect(issues).toHaveLength(2);
  });
});
