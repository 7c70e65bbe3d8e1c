import { describe, expect, it, vi } from 'vitest';
import { createFakeHost } from '../testing/fake-host';
import { pickHost } from './index';

describe('pickHost', () => {
  it('uses window.l7 when the Electron preload provided it', () => {
    const electron = createFakeHost('electron');
    const createWeb = vi.fn(() => createFakeHost('web'));
    expect(pickHost({ l7: electron }, createWeb)).toBe(electron);
    expect(createWeb).not.toHaveBeenCalled();
  });

  it('creates the web host when there is no window.l7', () => {
    const web = createFakeHost('web');
    const createWeb = vi.fn(() => web);
    expect(pickHost({}, createWeb)).toBe(web);
    expect(pickHost({ l7: undefined }, createWeb)).toBe(web);
    expect(createWeb).toHaveBeenCalledTimes(2);
  });
});
