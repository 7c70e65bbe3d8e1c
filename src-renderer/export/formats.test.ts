import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { useRunStore } from '../stores/run';
import { useScenarioStore } from '../stores/scenario';
import { createFakeHost, type FakeHost } from '../testing/fake-host';
import { lessonText } from '../testing/lessons';
import { runExport, unavailableReason } from './formats';

let host: FakeHost;

beforeEach(() => {
  setActivePinia(createPinia());
  host = createFakeHost();
  useScenarioStore().load({ path: null, name: 'sockets-tcp.l7.json', text: lessonText('sockets-tcp') }, 'sockets-tcp');
});

/** Puts the lesson's whole run into the run store, as the host would deliver it. */
function finishRun(): void {
  const loaded = parseScenarioText(lessonText('sockets-tcp'));
  if (!loaded.ok) throw new Error('lesson does not load');
  const trace = runScenario(loaded.scenario).trace();
  const run = useRunStore();
  run.begin('r1', trace.header.scenario);
  run.apply({ type: 'run.started', runId: 'r1', nodes: trace.nodes, seed: trace.header.seed, scenarioName: trace.header.scenario });
  run.apply({ type: 'run.batch', runId: 'r1', batch: { events: trace.events, updates: [], metrics: trace.metrics } });
  run.apply({
    type: 'run.finished',
    runId: 'r1',
    summary: { stopReason: 'idle', endTime: trace.header.endTime, traceEvents: trace.events.length, seed: trace.header.seed },
  });
}

const whole = { scope: 'whole', range: null } as const;

describe('export formats', () => {
  it('offers only the scenario before a run', () => {
    expect(unavailableReason('scenario')).toBeNull();
    expect(unavailableReason('chart-svg')).toMatch(/Run the scenario first/);
    expect(unavailableReason('pcapng')).toMatch(/Run the scenario first/);
  });

  it('exports the chart as SVG, whole or a time range', async () => {
    finishRun();
    await runExport(host, { format: 'chart-svg', ...whole });
    const svg = host.exports[0]!;
    expect(svg.kind).toBe('svg');
    expect(svg.suggestedName).toBe('sockets-tcp.chart.svg');
    expect(svg.data).toMatch(/^<\?xml/);
    expect(svg.data).toContain('Line &quot;hello from client a&quot;');

    await runExport(host, { format: 'chart-svg', scope: 'visible', range: { t0: 40_000_000, t1: 60_000_000 } });
    const part = host.exports[1]!;
    expect(part.suggestedName).toBe('sockets-tcp-part.chart.svg');
    expect(part.data).toContain('40.000–60.000 ms');
    expect((part.data as string).length).toBeLessThan((svg.data as string).length);
  });

  it('exports the trace as JSON, the packets as pcapng and the scenario as a copy', async () => {
    finishRun();
    await runExport(host, { format: 'trace-json', ...whole });
    await runExport(host, { format: 'pcapng', ...whole });
    await runExport(host, { format: 'scenario', ...whole });
    const [json, pcap] = host.exports;
    expect(json!.suggestedName).toBe('sockets-tcp.trace.json');
    expect(JSON.parse(json!.data as string)).toMatchObject({ format: 'l7-trace', scenario: expect.any(String) });
    expect(pcap!.kind).toBe('pcapng');
    expect(pcap!.suggestedName).toBe('sockets-tcp.pcapng');
    expect([...(pcap!.data as Uint8Array).slice(0, 4)]).toEqual([0x0a, 0x0d, 0x0d, 0x0a]);
    const save = host.calls.find((c) => c.method === 'saveFile');
    expect(save?.arg).toMatchObject({ path: null, suggestedName: 'sockets-tcp.l7.json', text: lessonText('sockets-tcp') });
    expect(useScenarioStore().path).toBeNull(); // a copy: the document is unchanged
  });

  it('refuses a format that is not available, plainly', async () => {
    await expect(runExport(host, { format: 'pcapng', ...whole })).rejects.toThrow('Run the scenario first');
  });
});
