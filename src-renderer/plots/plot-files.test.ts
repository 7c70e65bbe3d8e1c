import { describe, expect, it } from 'vitest';
import { plotFileName } from './plot-files';

describe('plotFileName', () => {
  it('names the scenario and the plot, without the scenario file’s extension', () => {
    expect(plotFileName('http-access-link.l7.json', 'link access, isp → campus', 'svg')).toBe('http-access-link-link-access-isp-campus.svg');
    expect(plotFileName('lab.json', 'tcp throughput', 'csv')).toBe('lab-tcp-throughput.csv');
    expect(plotFileName('', '→', 'png')).toBe('plot-plot.png');
  });
});
