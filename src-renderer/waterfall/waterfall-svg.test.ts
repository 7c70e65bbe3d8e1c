import { describe, expect, it } from 'vitest';
import { chartPalette } from '../../src-core/chart/colors';
import { PHASE_COLORS } from './colors';
import { lessonLoads } from './test-traces';
import { waterfallToSvg } from './waterfall-svg';

describe('the waterfall as SVG', () => {
  const [serial] = lessonLoads('http-non-persistent').loads;

  it('draws the title band, the axis and a row per object, every text in full', () => {
    const out = waterfallToSvg({ load: serial!, nodeName: 'Browser', title: 'HTTP: non-persistent connections', theme: 'light' });
    expect(out.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(out.svg).toContain(`width="${out.width}" height="${out.height}"`);
    expect(out.texts).toContain('HTTP: non-persistent connections');
    expect(out.texts).toContain('Loaded in 674.303 ms: 11 objects over 11 connections');
    expect(out.texts).toContain('0 ms');
    expect(out.texts).toContain('600 ms');
    for (const o of serial!.objects) expect(out.texts).toContain(o.path);
    expect(out.texts.some((t) => t.includes('…'))).toBe(false);
    // 11 connects and 11 waits, in their colours
    expect(out.svg.split(`fill="${PHASE_COLORS.light.connect}"`).length - 1).toBe(11 + 1); // and the legend's swatch
    expect(out.svg.split(`fill="${PHASE_COLORS.light.waiting}"`).length - 1).toBe(11 + 1);
    expect(out.svg).toContain('stroke-dasharray="5 4"'); // the page-load line
    expect(out.height).toBeGreaterThan(11 * 26);
  });

  it('uses the dark theme’s colours when asked, and escapes text', () => {
    const load = { ...serial!, url: 'http://www.example.com/?a=1&b=<2>' };
    const out = waterfallToSvg({ load, nodeName: 'Browser "A"', title: 'T & U', theme: 'dark' });
    expect(out.svg).toContain(`fill="${chartPalette('dark').background}"`);
    expect(out.svg).toContain(`fill="${PHASE_COLORS.dark.waiting}"`);
    expect(out.svg).toContain('T &amp; U');
    expect(out.svg).toContain('?a=1&amp;b=&lt;2&gt;');
    expect(out.svg).not.toMatch(/<[^/a-z!?]/);
  });

  it('shortens a URL too long for its column in the middle, keeping the file name', () => {
    const long = `/${'a'.repeat(120)}/photo.jpg`;
    const load = { ...serial!, objects: serial!.objects.map((o, i) => (i === 1 ? { ...o, path: long } : o)) };
    const out = waterfallToSvg({ load, nodeName: 'Browser', title: 'T', theme: 'light' });
    const shown = out.texts.find((t) => t.startsWith('/aaa') && t.includes('…'));
    expect(shown).toBeDefined();
    expect(shown!.endsWith('photo.jpg')).toBe(true);
  });
});
