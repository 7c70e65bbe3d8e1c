import { describe, expect, it } from 'vitest';
import { plotSummary, readoutText } from './plot-summary';

describe('plotSummary and readoutText', () => {
  it('names the plot, each series’ largest value and the x range, with units', () => {
    const spec = {
      id: 'l',
      title: 'Utilisation and queueing delay: link access, isp → campus',
      x: { label: 'Simulated time', unit: 's' },
      yAxes: [{ label: 'Utilisation', unit: 'ratio' }, { label: 'Queueing delay', unit: 's' }],
      series: [
        { label: 'utilisation', unit: 'ratio', x: [0, 0.5, 1.5], y: [0.8, 1, 1], style: 'step' },
        { label: 'queueing delay', unit: 's', x: [0, 0.5, 1.5], y: [0.002, null, 0.0125], style: 'step' },
      ],
    } as const;
    expect(readoutText(spec, 0.5, [1, undefined])).toBe('500.000 ms: utilisation 100.0 %, queueing delay –');
    expect(plotSummary(spec)).toBe('Utilisation and queueing delay: link access, isp → campus. utilisation: up to 100.0 %; queueing delay: up to 12.500 ms. x from 0.000 ms to 1.500 s.');
  });
});
