import { describe, expect, it } from 'vitest';
import type { Metric } from '../../src-core/trace/types';
import { compareMetrics } from './compare-metrics';

const metric = (node: string, name: string, value: number, unit: Metric['unit'] = 's'): Metric => ({ node, name, value, unit, at: 0, summary: `${name} ${value}` });

describe('the comparison\'s metrics table', () => {
  it('pairs metrics by node, name and occurrence, with the difference B − A', () => {
    const rows = compareMetrics(
      [metric('browser', 'pageLoadTime', 0.4), metric('browser', 'pageLoadTime', 0.2), metric('cache', 'hitRate', 0, 'ratio')],
      [metric('browser', 'pageLoadTime', 0.1), metric('cache', 'hitRate', 0.5, 'ratio'), metric('browser', 'pageLoadTime', 0.05)],
    );
    expect(rows.map((r) => [r.node, r.name, r.occurrence, r.a, r.b])).toEqual([
      ['browser', 'pageLoadTime', 1, 0.4, 0.1],
      ['browser', 'pageLoadTime', 2, 0.2, 0.05],
      ['cache', 'hitRate', 1, 0, 0.5],
    ]);
    expect(rows[0]!.difference).toBeCloseTo(-0.3, 12);
  });

  it('keeps a metric only one run has, without a difference, and leaves out link samples', () => {
    const rows = compareMetrics([metric('a', 'replyTime', 1), metric('r', 'linkUtilisationSample', 0.5, 'ratio')], [metric('b', 'throughput', 1e6, 'bit/s')]);
    expect(rows.map((r) => [r.name, r.a, r.b, r.difference])).toEqual([
      ['replyTime', 1, null, null],
      ['throughput', null, 1e6, null],
    ]);
  });
});

describe('the comparison\'s link rows', () => {
  const link = (node: string, name: string, value: number, where: string): Metric => ({ node, name, value, unit: name === 'queueingDelay' ? 's' : 'ratio', at: 0, summary: `${where}: busy` });
  it('list only the bottleneck direction of either run, paired by link and direction', () => {
    const a = [link('isp', 'linkUtilisation', 0.9, 'link access, isp → campus'), link('campus', 'linkUtilisation', 0.05, 'link access, campus → isp'), link('isp', 'queueingDelay', 0.2, 'link access, isp → campus')];
    const b = [link('campus', 'linkUtilisation', 0.04, 'link access, campus → isp'), link('isp', 'linkUtilisation', 0.3, 'link access, isp → campus'), link('isp', 'queueingDelay', 0.001, 'link access, isp → campus')];
    const rows = compareMetrics(a, b);
    expect(rows.map((r) => [r.node, r.name, r.a, r.b])).toEqual([
      ['link access, isp → campus', 'linkUtilisation', 0.9, 0.3],
      ['link access, isp → campus', 'queueingDelay', 0.2, 0.001],
    ]);
  });
});
