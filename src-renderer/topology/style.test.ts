import { describe, expect, it } from 'vitest';
import { readColors, topologyStyle } from './style';

describe('topology style', () => {
  it('reads colours from CSS variables, with a fallback', () => {
    const vars: Record<string, string> = { '--text': ' #1f2328 ', '--lost': '#b42318' };
    const colors = readColors({ getPropertyValue: (name: string) => vars[name] ?? '' });
    expect(colors.text).toBe('#1f2328');
    expect(colors.accent).toBe('#888');
    const style = topologyStyle(colors);
    expect(style.some((b) => 'selector' in b && b.selector === 'node.packet.lost')).toBe(true);
  });

  it('shows a link label only once useTopologyLabels has chosen one', () => {
    const style = topologyStyle(readColors({ getPropertyValue: () => '' }));
    const rule = (selector: string) => {
      const block = style.find((b) => 'selector' in b && b.selector === selector);
      return block && 'style' in block ? (block.style as Record<string, unknown>) : undefined;
    };
    expect(rule('edge')?.['label']).toBe('');
    expect(rule('edge.label-full')?.['label']).toBe('data(label)');
    expect(rule('edge.label-short')?.['label']).toBe('data(short)');
    expect(rule('node.label-name')?.['label']).toBe('data(name)');
  });

  it('draws the moving packet dot under the nodes and their labels, above the links', () => {
    const style = topologyStyle(readColors({ getPropertyValue: () => '' }));
    const z = (selector: string) => {
      const block = style.find((b) => 'selector' in b && b.selector === selector);
      return block && 'style' in block ? (block.style as Record<string, unknown>)['z-index'] : undefined;
    };
    expect(typeof z('node')).toBe('number');
    expect(z('node.packet') as number).toBeLessThan(z('node') as number);
    // nothing else lifts a node (and its label) back under the dot
    for (const b of style) if ('selector' in b && b.selector !== 'node.packet' && b.selector.startsWith('node') && 'style' in b) expect((b.style as Record<string, unknown>)['z-index'] ?? z('node')).toBe(z('node'));
    // edges stay below every node, the dot included (cytoscape's default z-index-compare)
    expect(style.some((b) => 'style' in b && 'z-index-compare' in (b.style as object))).toBe(false);
  });
});
