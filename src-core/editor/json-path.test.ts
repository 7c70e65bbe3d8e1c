import { describe, expect, it } from 'vitest';
import { getAt, removeAt, setAt } from './json-path';

const doc = Object.freeze({
  nodes: Object.freeze([Object.freeze({ id: 'a' }), Object.freeze({ id: 'b', name: 'B' })]),
  links: Object.freeze([Object.freeze({ a: 'a', b: 'b', delayMs: 1 })]),
  view: Object.freeze({ showTransport: true }),
});

describe('getAt', () => {
  it('reads through objects and arrays, undefined when a step is missing', () => {
    expect(getAt(doc, ['links', 0, 'delayMs'])).toBe(1);
    expect(getAt(doc, ['links', 3, 'delayMs'])).toBeUndefined();
    expect(getAt(doc, ['run', 'seed'])).toBeUndefined();
    expect(getAt(doc, [])).toBe(doc);
  });
});

describe('setAt', () => {
  it('returns a new document sharing every branch off the path, never mutating the input', () => {
    const edited = setAt(doc, ['links', 0, 'delayMs'], 5);
    expect(edited.links[0]!.delayMs).toBe(5);
    expect(doc.links[0]!.delayMs).toBe(1);
    expect(edited.nodes).toBe(doc.nodes);
    expect(edited.view).toBe(doc.view);
    expect(edited.links).not.toBe(doc.links);
  });

  it('creates missing objects and arrays on the way', () => {
    expect(setAt(doc, ['run', 'seed'], 7)).toMatchObject({ run: { seed: 7 } });
    expect(getAt(setAt({}, ['lossRules', 0, 'nth'], [2]), ['lossRules'])).toEqual([{ nth: [2] }]);
  });

  it('returns the input itself when the value is already there', () => {
    expect(setAt(doc, ['view', 'showTransport'], true)).toBe(doc);
  });

  it('setting undefined removes the property', () => {
    const edited = setAt(doc, ['nodes', 1, 'name'], undefined);
    expect(edited.nodes[1]).toEqual({ id: 'b' });
    expect('name' in edited.nodes[1]!).toBe(false);
    expect(edited.nodes[0]).toBe(doc.nodes[0]);
  });

  it('replaces the root for an empty path', () => {
    expect(setAt(doc, [], 3)).toBe(3);
  });
});

describe('removeAt', () => {
  it('splices an array item out and deletes a property', () => {
    expect(removeAt(doc, ['nodes', 0]).nodes).toEqual([{ id: 'b', name: 'B' }]);
    const noView = removeAt(doc, ['view']);
    expect(Object.keys(noView)).toEqual(['nodes', 'links']);
    expect(noView.nodes).toBe(doc.nodes);
  });

  it('returns the input itself when there is nothing to remove', () => {
    expect(removeAt(doc, ['run', 'seed'])).toBe(doc);
    expect(removeAt(doc, ['nodes', 5])).toBe(doc);
    expect(removeAt(doc, [])).toBe(doc);
  });
});
