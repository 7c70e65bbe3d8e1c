import { describe, expect, it } from 'vitest';
import type { EditorDoc } from '../../src-core/editor/doc';
import { addGuide, addStep, addTry, guideOf, moveItem, removeItem, setLookFor, setQueryField } from './guide-edits';

const doc = { format: 'l7-scenario', version: 1, name: 'x', nodes: [], links: [], workload: [] } as unknown as EditorDoc;

describe('guide edits', () => {
  it('add a guide once, then steps, suggestions and what to look for, keeping what they do not touch', () => {
    let d = addGuide(doc, 'What it shows.');
    expect(addGuide(d, 'again')).toBe(d);
    d = { ...d, guide: { ...guideOf(d)!, formulas: [{ id: 'f' }] } } as unknown as EditorDoc;
    d = addStep(d, 'First', { protocol: 'dns', from: 'a', nth: 1 });
    d = addStep(d, 'Zeroth', { protocol: 'dns' }, 0);
    d = addTry(d, 'Try it');
    d = setLookFor(d, ' one \n\n two ');
    const g = guideOf(d)!;
    expect(g.steps!.map((s) => s.text)).toEqual(['Zeroth', 'First']);
    expect(g.tryThis).toEqual([{ text: 'Try it' }]);
    expect(g.lookFor).toEqual(['one', 'two']);
    expect((g as unknown as { formulas: unknown[] }).formulas).toEqual([{ id: 'f' }]);
  });

  it('move and remove items, and leave the file as it is for a move nowhere', () => {
    let d = addStep(addStep(addGuide(doc, 's'), 'a', {}), 'b', {});
    expect(moveItem(d, 'steps', 0, 5)).toBe(d);
    d = moveItem(d, 'steps', 0, 1);
    expect(guideOf(d)!.steps!.map((s) => s.text)).toEqual(['b', 'a']);
    d = removeItem(d, 'steps', 0);
    expect(guideOf(d)!.steps!.map((s) => s.text)).toEqual(['a']);
  });

  it('set a query field, and remove it when emptied', () => {
    let d = addStep(addGuide(doc, 's'), 'a', { protocol: 'dns' });
    d = setQueryField(d, 0, 'from', 'host');
    expect(guideOf(d)!.steps![0]!.at).toEqual({ protocol: 'dns', from: 'host' });
    d = setQueryField(d, 0, 'protocol', '');
    expect(guideOf(d)!.steps![0]!.at).toEqual({ from: 'host' });
  });
});
