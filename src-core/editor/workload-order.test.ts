import { describe, expect, it } from 'vitest';
import { frozenCopyForTest, lessonDocForTest } from './editor-doc.test-helper';
import { deleteAction, sortWorkload } from './workload-order';

describe('the workload in time order', () => {
  it('sorts by start time, keeping the order of actions at the same time', () => {
    const doc = lessonDocForTest('dns-iterative');
    const [a, b, c] = doc.workload;
    const shuffled = { ...doc, workload: [{ ...c!, atMs: 5 }, { ...a!, atMs: 5 }, { ...b!, atMs: 1 }] };
    const before = frozenCopyForTest(shuffled);
    const sorted = sortWorkload(shuffled);
    expect(shuffled).toEqual(before);
    expect(sorted.workload.map((w) => w.atMs)).toEqual([1, 5, 5]);
    expect(sorted.workload[1]).toBe(shuffled.workload[0]);
    expect(sortWorkload(sorted)).toBe(sorted);
  });

  it('deletes one action by its place', () => {
    const doc = lessonDocForTest('dns-iterative');
    expect(deleteAction(doc, 0).workload).toEqual(doc.workload.slice(1));
    expect(deleteAction(doc, 99)).toBe(doc);
  });
});
