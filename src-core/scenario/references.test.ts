// Each cross-reference rule: the issue's path, message, and its line and
// column in the file (checked against jsonc-parser's own lookup).
import { describe, expect, it } from 'vitest';
import { formatPath } from './errors';
import { parseScenarioText } from './load';
import type { ScenarioIssue } from './load';
import { expectedLocation, fixture } from './load.test-helper';
import type { LooseJson } from './load.test-helper';

type Path = (string | number)[];

/** Loads a fixture changed by `mutate`, written as 2-space JSON; it must fail. */
function load(name: 'udp' | 'tcp', mutate: (doc: LooseJson) => void): { text: string; issues: ScenarioIssue[] } {
  const doc = fixture(name);
  mutate(doc);
  const text = JSON.stringify(doc, null, 2);
  const result = parseScenarioText(text);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return { text, issues: result.issues };
}

/** Exactly one issue, with this path and message, located at the value the path names. */
function expectOnly(name: 'udp' | 'tcp', mutate: (doc: LooseJson) => void, path: Path, message: string): void {
  const { text, issues } = load(name, mutate);
  expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([`${formatPath(path)}: ${message}`]);
  expect({ line: issues[0]!.line, column: issues[0]!.column }).toEqual(expectedLocation(text, path));
}

describe('nodes', () => {
  it('ids are unique', () => {
    expectOnly(
      'udp',
      (d) => d.nodes.push({ id: 'r1', kind: 'router', address: '10.0.3.1' }),
      ['nodes', 3, 'id'],
      'duplicate node id "r1" (nodes[1] has it already)',
    );
  });

  it('addresses are unique', () => {
    expectOnly(
      'udp',
      (d) => (d.nodes[2].address = '10.0.1.2'),
      ['nodes', 2, 'address'],
      'duplicate address "10.0.1.2" (node "client" has it already)',
    );
  });

  it('no two services of a node share protocol and port', () => {
    expectOnly(
      'udp',
      (d) => d.nodes[2].services.push({ type: 'tcp-upper-server', port: 12000 }, { type: 'udp-upper-server', port: 12000 }),
      ['nodes', 2, 'services', 2, 'port'],
      'port udp/12000 is already used on node "server" by services[0] (udp-upper-server)',
    );
  });

  it('counts every listener of a service: a DNS server holds TCP 53 as well as UDP 53', () => {
    expectOnly(
      'udp',
      (d) => {
        d.nodes[2].services = [
          { type: 'dns-server', zones: [{ origin: 'example.com', records: [] }] },
          { type: 'tcp-upper-server', port: 53 },
        ];
        d.workload = [];
      },
      ['nodes', 2, 'services', 1, 'port'],
      'port tcp/53 is already used on node "server" by services[0] (dns-server)',
    );
  });
});

describe('links', () => {
  it('ends exist', () => {
    expectOnly('udp', (d) => (d.links[1].b = 'srv'), ['links', 1, 'b'], 'unknown node "srv" (nodes are: client, r1, server)');
    expectOnly('udp', (d) => (d.links[0].a = 'Client'), ['links', 0, 'a'], 'unknown node "Client" (did you mean "client"?)');
  });

  it('ends differ', () => {
    expectOnly(
      'udp',
      (d) => (d.links[0].b = 'client'),
      ['links', 0, 'b'],
      'a link cannot join node "client" to itself (expected "b" to differ from "a")',
    );
  });

  it('ids are unique', () => {
    expectOnly('udp', (d) => (d.links[1].id = 'access'), ['links', 1, 'id'], 'duplicate link id "access" (links[0] has it already)');
  });

  it('default ids ("a-b") count too', () => {
    expectOnly(
      'udp',
      (d) => {
        d.links[0].id = 'r1-server';
        delete d.links[1].id;
        d.lossRules = [{ link: 'r1-server', nth: [1] }];
      },
      ['links', 1],
      'this link\'s default id "r1-server" is already used by links[0]; give this link an "id"',
    );
    expectOnly(
      'tcp',
      (d) => d.links.push({ id: 'client1-r1', a: 'client2', b: 'server', delayMs: 1, bandwidthMbps: 1 }),
      ['links', 3, 'id'],
      'duplicate link id "client1-r1" (links[0] has it already)',
    );
  });

  it('at most one link joins a pair of nodes, in either direction', () => {
    expectOnly(
      'tcp',
      (d) => d.links.push({ a: 'client1', b: 'r1', delayMs: 5, bandwidthMbps: 1 }),
      ['links', 3],
      'links[0] already joins "client1" and "r1" (at most one link per pair of nodes)',
    );
    expectOnly(
      'udp',
      (d) => d.links.push({ id: 'backup', a: 'r1', b: 'client', delayMs: 5, bandwidthMbps: 1 }),
      ['links', 2],
      'links[0] already joins "r1" and "client" (at most one link per pair of nodes)',
    );
  });
});

describe('workload', () => {
  it('the acting node exists and is a host', () => {
    expectOnly('udp', (d) => (d.workload[0].node = 'clinet'), ['workload', 0, 'node'], 'unknown node "clinet" (did you mean "client"?)');
    expectOnly(
      'udp',
      (d) => (d.workload[0].node = 'r1'),
      ['workload', 0, 'node'],
      'expected a host, got router "r1" (actions are performed by hosts)',
    );
  });

  it('the server exists', () => {
    expectOnly('udp', (d) => (d.workload[0].server = 'srv'), ['workload', 0, 'server'], 'unknown node "srv" (nodes are: client, r1, server)');
  });

  it('the server has the matching service on that port (the path names the port when it runs one on another, else the server)', () => {
    expectOnly(
      'udp',
      (d) => (d.workload[0].port = 12001),
      ['workload', 0, 'port'],
      'node "server" has no udp-upper-server on port 12001 (its services: udp-upper-server on port 12000)',
    );
    expectOnly(
      'udp',
      (d) => (d.workload[0].type = 'tcp-upper-client'),
      ['workload', 0, 'server'],
      'node "server" has no tcp-upper-server on port 12000 (its services: udp-upper-server on port 12000)',
    );
    expectOnly(
      'tcp',
      (d) => (d.workload[1].server = 'client1'),
      ['workload', 1, 'server'],
      'node "client1" has no tcp-upper-server on port 12000 (it has no services)',
    );
  });
});

describe('loss rules', () => {
  it('name existing links and nodes', () => {
    expectOnly('udp', (d) => (d.lossRules = [{ link: 'cor', nth: [1] }]), ['lossRules', 0, 'link'], 'unknown link "cor" (did you mean "core"?)');
    expectOnly(
      'tcp',
      (d) => (d.lossRules[0].link = 'uplink'),
      ['lossRules', 0, 'link'],
      'unknown link "uplink" (link ids are: client1-r1, client2-r1, core)',
    );
    expectOnly('tcp', (d) => (d.lossRules[0].from = 'client3'), ['lossRules', 0, 'from'], 'unknown node "client3" (did you mean "client1"?)');
    expectOnly('tcp', (d) => (d.lossRules[0].to = 'db'), ['lossRules', 0, 'to'], 'unknown node "db" (nodes are: client1, client2, r1, server)');
  });
});

describe('view', () => {
  it('laneOrder names existing nodes, each once', () => {
    expectOnly('udp', (d) => d.view.laneOrder.push('ghost'), ['view', 'laneOrder', 3], 'unknown node "ghost" (nodes are: client, r1, server)');
    expectOnly(
      'udp',
      (d) => d.view.laneOrder.push('client'),
      ['view', 'laneOrder', 3],
      'node "client" is already listed at view.laneOrder[0] (each lane appears once)',
    );
  });
});

describe('several issues', () => {
  it('are all reported, in file order', () => {
    const { issues } = load('tcp', (d) => {
      d.view.laneOrder = ['nobody'];
      d.workload[1].node = 'r1';
      d.links[2].b = 'srv';
      d.nodes[1].address = '10.0.1.2';
    });
    expect(issues.map((i) => i.path)).toEqual(['nodes[1].address', 'links[2].b', 'workload[1].node', 'view.laneOrder[0]']);
    const lines = issues.map((i) => i.line!);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });
});
