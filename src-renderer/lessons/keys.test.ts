import { describe, expect, it } from 'vitest';
import { guideKeyAction, stepAfter } from './keys';

const key = (k: string, extra: Partial<Parameters<typeof guideKeyAction>[0]> = {}) =>
  guideKeyAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, targetTag: 'BODY', targetEditable: false, ...extra });

describe('the guide\'s keys', () => {
  it('step with ] and [, show or hide the guide with G', () => {
    expect(key(']')).toBe('nextStep');
    expect(key('[')).toBe('previousStep');
    expect(key('g')).toBe('toggleGuide');
    expect(key('G')).toBe('toggleGuide');
    expect(key('x')).toBeNull();
  });

  it('are not taken while typing, with a modifier, or once handled', () => {
    expect(key(']', { targetTag: 'INPUT' })).toBeNull();
    expect(key(']', { targetEditable: true })).toBeNull();
    expect(key('g', { ctrlKey: true })).toBeNull();
    expect(key('g', { defaultPrevented: true })).toBeNull();
  });

  it('go from step to step, and stop at either end', () => {
    expect(stepAfter(-1, 3, 'nextStep')).toBe(0);
    expect(stepAfter(-1, 3, 'previousStep')).toBeNull();
    expect(stepAfter(1, 3, 'nextStep')).toBe(2);
    expect(stepAfter(2, 3, 'nextStep')).toBeNull();
    expect(stepAfter(0, 3, 'previousStep')).toBeNull();
    expect(stepAfter(0, 0, 'nextStep')).toBeNull();
  });
});
