import { describe, expect, it } from 'vitest';
import { formatPath } from './errors';
import { checkShape } from './shape-issues';
import { fixture } from './load.test-helper';
import type { LooseJson } from './load.test-helper';

/** The issues of a fixture after `mutate`, as "path: message". */
function issues(mutate: (doc: LooseJson) => void): string[] {
  const doc = fixture('udp');
  mutate(doc);
  const result = checkShape(doc);
  if (result.ok) return [];
  return result.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

describe('checkShape', () => {
  it('accepts the fixtures and fills in constant defaults', () => {
    const result = checkShape(fixture('udp'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.scenario;
    expect(s.links[0]).toMatchObject({ queuePackets: 100, lossRate: 0 });
    expect(s.links[1]).toMatchObject({ queuePackets: 50, lossRate: 0 });
    expect(s.workload[0]).toMatchObject({ type: 'udp-upper-client', timeoutMs: 1000 });
    expect(s.run).toEqual({ seed: 7, endTimeMs: 5000, maxEvents: 10_000_000 });
    expect(s.view).toEqual({ laneOrder: ['client', 'r1', 'server'], showTransport: false, compressIdleGaps: false });
    expect(s.lossRules).toEqual([]);
    expect(s.nodes[0]!.services).toEqual([]);
  });

  it('says what was expected and what was found', () => {
    expect(
      issues((d) => {
        d.links[0].delayMs = '5ms';
        d.links[0].bandwidthMbps = 0;
        d.links[0].lossRate = 1;
        d.links[1].queuePackets = 2.5;
      }),
    ).toEqual([
      'links[0].delayMs: expected a number from 0 to 1000000000 (milliseconds), got "5ms"',
      'links[0].bandwidthMbps: expected a number from 0.000001 to 1000000 (megabits per second: 1 bit/s to 1 Tb/s), got 0',
      'links[0].lossRate: expected a probability: a number ≥ 0 and < 1, got 1',
      'links[1].queuePackets: expected an integer ≥ 1, got 2.5',
    ]);
  });

  it('checks ids, addresses, ports, kinds and names', () => {
    expect(
      issues((d) => {
        d.name = '';
        d.nodes[0].id = '1client';
        d.nodes[0].kind = 'switch';
        d.nodes[1].address = '10.0.01.1';
        d.nodes[2].address = '256.0.0.1';
        d.nodes[2].services[0].port = 70000;
      }),
    ).toEqual([
      'name: expected a name of 1 to 200 characters, got ""',
      'nodes[0].id: expected an id (a letter, then up to 63 letters, digits, "_" or "-"), got "1client"',
      'nodes[0].kind: expected "host" or "router", got "switch"',
      'nodes[1].address: expected a dotted IPv4 address such as "10.0.0.1" (four numbers 0–255, no leading zeros), got "10.0.01.1"',
      'nodes[2].address: expected a dotted IPv4 address such as "10.0.0.1" (four numbers 0–255, no leading zeros), got "256.0.0.1"',
      'nodes[2].services[0].port: expected a port number (an integer from 1 to 65535), got 70000',
    ]);
  });

  it('reports a missing property at its path', () => {
    expect(
      issues((d) => {
        delete d.links[1].bandwidthMbps;
        delete d.nodes;
      }),
    ).toEqual([
      'nodes: missing property "nodes": expected an array of 1 to 500 nodes',
      'links[1].bandwidthMbps: missing property "bandwidthMbps": expected a number from 0.000001 to 1000000 (megabits per second: 1 bit/s to 1 Tb/s)',
    ]);
  });

  it('reports each unknown property by name, with a suggestion or the allowed names', () => {
    expect(
      issues((d) => {
        d.links[0].dealyMs = 1;
        d.links[0].color = 'red';
        d.seeds = 3;
      }),
    ).toEqual([
      'links[0].dealyMs: unknown property "dealyMs" (did you mean "delayMs"?)',
      'links[0].color: unknown property "color" (allowed here: id, a, b, delayMs, bandwidthMbps, queuePackets, lossRate)',
      'seeds: unknown property "seeds" (allowed here: format, version, name, description, nodes, links, workload, lossRules, run, view, guide)',
    ]);
  });

  it('checks variants by their "type", and each variant strictly', () => {
    expect(
      issues((d) => {
        d.nodes[2].services.push({ type: 'ftp-server', port: 21 }, { port: 81 }, 'udp');
        d.workload.push({ ...d.workload[0], type: 'tcp-upper-client', timeoutMs: 500 });
      }),
    ).toEqual([
      'nodes[2].services[1].type: expected "udp-upper-server", "tcp-upper-server", "dns-server", "dns-resolver", "bulk-sink", "http-server", "http-proxy", "smtp-server", "pop3-server", "imap-server" or "webmail-server", got "ftp-server"',
      'nodes[2].services[2].type: missing property "type": expected "udp-upper-server", "tcp-upper-server", "dns-server", "dns-resolver", "bulk-sink", "http-server", "http-proxy", "smtp-server", "pop3-server", "imap-server" or "webmail-server"',
      'nodes[2].services[3]: expected a service object with a "type", got "udp"',
      'workload[1].timeoutMs: unknown property "timeoutMs" (allowed here: type, atMs, node, server, port, line)',
    ]);
  });

  it('checks loss rules: nth or a window, and an ordered window', () => {
    expect(
      issues((d) => {
        d.lossRules = [{ from: 'client' }, { fromMs: 10, toMs: 10 }, { nth: [] }, { nth: [0] }, { toMs: 5 }, { fromMs: 5 }];
      }),
    ).toEqual([
      'lossRules[0]: expected "nth" or a time window ("fromMs" and/or "toMs"), got neither',
      'lossRules[1].toMs: expected a number > fromMs (10), got 10',
      'lossRules[2].nth: expected a non-empty array of integers ≥ 1, got an empty array',
      'lossRules[3].nth[0]: expected an integer ≥ 1, got 0',
    ]);
  });

  it('bounds times and bandwidths to what the simulator represents exactly', () => {
    expect(
      issues((d) => {
        d.workload[0].atMs = 1e12;
        d.workload[0].timeoutMs = 1e-7;
        d.links[0].delayMs = -1;
        d.links[0].bandwidthMbps = 1e-320;
        d.links[1].bandwidthMbps = 1e7;
      }),
    ).toEqual([
      'links[0].delayMs: expected a number from 0 to 1000000000 (milliseconds), got -1',
      'links[0].bandwidthMbps: expected a number from 0.000001 to 1000000 (megabits per second: 1 bit/s to 1 Tb/s), got 1e-320',
      'links[1].bandwidthMbps: expected a number from 0.000001 to 1000000 (megabits per second: 1 bit/s to 1 Tb/s), got 10000000',
      'workload[0].atMs: expected a number from 0 to 1000000000 (milliseconds), got 1000000000000',
      'workload[0].timeoutMs: expected a number from 0.000001 to 1000000000 (milliseconds), got 1e-7',
    ]);
  });

  it('checks run and view settings', () => {
    expect(
      issues((d) => {
        d.run = { seed: 2 ** 32, endTimeMs: 0, maxEvents: 0 };
        d.view = { laneOrder: 'client', showTransport: 'yes' };
      }),
    ).toEqual([
      'run.seed: expected an integer from 0 to 4294967295, got 4294967296',
      'run.endTimeMs: expected a number from 0.000001 to 1000000000 (milliseconds), got 0',
      'run.maxEvents: expected an integer ≥ 1, got 0',
      'view.laneOrder: expected an array of node ids, got "client"',
      'view.showTransport: expected true or false, got "yes"',
    ]);
  });
});
