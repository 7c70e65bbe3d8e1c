import { describe, expect, it } from 'vitest';
import { UDP_UPPER_TEXT } from '../scenario/fixtures';
import { actionVariants, serviceVariants } from '../scenario/schema';
import type { ScenarioInput } from '../scenario/schema';
import { fieldsFor, serviceTargets } from './form-fields';
import type { FormField } from './form-types';

const udp = (): ScenarioInput => JSON.parse(UDP_UPPER_TEXT) as ScenarioInput;

/** A scenario with a DNS server (zones with records), a resolver and one action of each DNS type. */
const dns: ScenarioInput = {
  format: 'l7-scenario',
  version: 1,
  name: 'dns',
  nodes: [
    { id: 'host', kind: 'host', address: '10.0.0.1' },
    { id: 'local', kind: 'host', address: '10.0.0.2', services: [{ type: 'dns-resolver', rootServers: ['root'] }] },
    {
      id: 'root',
      kind: 'host',
      address: '10.0.0.3',
      services: [
        {
          type: 'dns-server',
          zones: [{ origin: 'example.com', records: [{ type: 'A', name: 'www.example.com', ttl: 60, address: '10.0.0.9' }] }],
        },
      ],
    },
  ],
  links: [{ a: 'host', b: 'local', delayMs: 1, bandwidthMbps: 10 }],
  workload: [{ type: 'dns-poison', atMs: 0, node: 'host', resolver: 'local', spoofAs: 'root', name: 'www.example.com', forgedAddress: '10.6.6.6' }],
};

const byKey = (fields: readonly FormField[]) => new Map(fields.map((f) => [f.path.join('.'), f]));

describe('fieldsFor', () => {
  it('a link: every LinkSchema field, with bounds, units and defaults from the schema', () => {
    const fields = fieldsFor({ kind: 'link', index: 0 }, udp());
    expect(fields.map((f) => f.path)).toEqual(['id', 'a', 'b', 'delayMs', 'bandwidthMbps', 'queuePackets', 'lossRate'].map((k) => ['links', 0, k]));
    const f = byKey(fields);
    expect(f.get('links.0.delayMs')).toMatchObject({ label: 'Delay', unit: 'ms', input: 'number', min: 0, max: 1e9, value: 2, optional: false });
    expect(f.get('links.0.queuePackets')).toMatchObject({ label: 'Queue', unit: 'packets', integer: true, min: 1, value: 100, optional: true });
    expect(f.get('links.0.bandwidthMbps')).toMatchObject({ unit: 'Mbit/s', help: 'A number from 0.000001 to 1000000 (megabits per second: 1 bit/s to 1 Tb/s).' });
    expect(f.get('links.0.a')).toMatchObject({ input: 'text', suggestions: ['client', 'r1', 'server'] });
  });

  it('a link without an id shows its default id as the placeholder', () => {
    const doc = udp();
    delete doc.links[0]!.id;
    expect(fieldsFor({ kind: 'link', index: 0 }, doc)[0]).toMatchObject({ label: 'ID', value: undefined, placeholder: 'client-r1', optional: true });
  });

  it('a node: id, kind, name, address and hosts file; services and position are elsewhere', () => {
    const fields = fieldsFor({ kind: 'node', index: 0 }, udp());
    expect(fields.map((f) => f.path.at(-1))).toEqual(['id', 'kind', 'name', 'address', 'hostsFile']);
    expect(fields[1]).toMatchObject({ input: 'enum', options: ['host', 'router'], value: 'host' });
    expect(fields[4]).toMatchObject({ input: 'table', value: [], optional: true });
    expect(fields[4]!.columns!.map((c) => c.key)).toEqual(['name', 'address']);
  });

  it('run and view settings absent from the file show their defaults', () => {
    const doc = udp();
    delete doc.run;
    delete doc.view;
    expect(fieldsFor({ kind: 'run' }, doc).map((f) => [f.path.join('.'), f.value])).toEqual([
      ['run.seed', 1],
      ['run.endTimeMs', 600000],
      ['run.maxEvents', 10000000],
    ]);
    expect(fieldsFor({ kind: 'view' }, doc)[0]).toMatchObject({ path: ['view', 'laneOrder'], input: 'text', list: true, value: undefined });
  });

  it('an action: its type, then atMs and node, then the module\'s properties in order with their words', () => {
    const fields = fieldsFor({ kind: 'action', index: 0 }, dns);
    expect(fields.map((f) => f.path.at(-1))).toEqual(['type', 'atMs', 'node', 'resolver', 'spoofAs', 'name', 'forgedAddress', 'guesses', 'delayMs', 'targetPort', 'idGuess', 'ttl']);
    const f = byKey(fields);
    expect(f.get('workload.0.type')).toMatchObject({ input: 'enum', value: 'dns-poison' });
    expect(f.get('workload.0.type')!.options).toHaveLength(actionVariants.length);
    expect(f.get('workload.0.type')!.optionLabels!['dns-poison']).toBe('Poison a resolver\'s cache');
    expect(f.get('workload.0.atMs')).toMatchObject({ label: 'Start at', unit: 'ms' });
    expect(f.get('workload.0.ttl')).toMatchObject({ label: 'Forged TTL', unit: 's', value: 86400, optional: true });
    expect(f.get('workload.0.targetPort')).toMatchObject({ input: 'number', words: ['random'], value: 53 });
    expect(f.get('workload.0.idGuess')).toMatchObject({ input: 'enum', options: ['sequential', 'random'], value: 'sequential' });
  });

  it('a service: a DNS server\'s zones as a table, and each zone\'s records as a table of its own', () => {
    const fields = fieldsFor({ kind: 'service', node: 2, index: 0 }, dns);
    expect(fields.map((f) => f.path.slice(4).join('.'))).toEqual(['type', 'port', 'zones', 'zones.0.records', 'recursive', 'timeoutMs']);
    const f = byKey(fields);
    expect(f.get('nodes.2.services.0.port')).toMatchObject({ readOnly: true, value: 53 });
    const zones = f.get('nodes.2.services.0.zones')!;
    expect(zones.columns!.map((c) => c.key)).toEqual(['origin', 'signingKey']);
    expect(zones.nestedKeys).toEqual(['records']);
    const records = f.get('nodes.2.services.0.zones.0.records')!;
    expect(records).toMatchObject({ label: 'Records of example.com', input: 'table' });
    expect(records.value).toEqual([{ type: 'A', name: 'www.example.com', ttl: 60, address: '10.0.0.9' }]);
    expect(records.columns!.slice(0, 4).map((c) => [c.key, c.input])).toEqual([['type', 'enum'], ['name', 'text'], ['ttl', 'number'], ['address', 'text']]);
    expect(records.columns!.find((c) => c.key === 'exchange')!.onlyWhen).toEqual({ key: 'type', values: ['MX'] });
    expect(records.columns!.find((c) => c.key === 'text')).toMatchObject({ input: 'text', list: true, onlyWhen: { key: 'type', values: ['TXT'] } });
  });

  it('a resolver\'s node lists suggest the document\'s node ids', () => {
    const f = byKey(fieldsFor({ kind: 'service', node: 1, index: 0 }, dns));
    expect(f.get('nodes.1.services.0.rootServers')).toMatchObject({ label: 'Root servers', input: 'text', list: true, suggestions: ['host', 'local', 'root'], value: ['root'] });
    expect(f.get('nodes.1.services.0.randomizeIds')).toMatchObject({ input: 'boolean', value: true });
  });

  it('every service and action type has a form: each field of its schema but position-like ones', () => {
    for (const variant of serviceVariants) {
      const doc: ScenarioInput = { ...dns, nodes: [{ id: 'n', kind: 'host', address: '10.0.0.1', services: [{ type: variant.shape.type.value } as never] }] };
      const keys = fieldsFor({ kind: 'service', node: 0, index: 0 }, doc).filter((f) => f.path.length === 5).map((f) => f.path[4]);
      expect(keys.sort()).toEqual(Object.keys(variant.shape).sort());
    }
    for (const variant of actionVariants) {
      const doc: ScenarioInput = { ...dns, workload: [{ type: variant.shape.type.value } as never] };
      const keys = fieldsFor({ kind: 'action', index: 0 }, doc).map((f) => f.path[2]);
      expect(keys.sort()).toEqual(Object.keys(variant.shape).sort());
    }
  });

  it('an unknown service type gives the type field alone', () => {
    const doc: ScenarioInput = { ...dns, nodes: [{ id: 'n', kind: 'host', address: '10.0.0.1', services: [{ type: 'nope' } as never] }] };
    expect(fieldsFor({ kind: 'service', node: 0, index: 0 }, doc).map((f) => f.label)).toEqual(['Type']);
  });
});

describe('serviceTargets', () => {
  it('lists a node\'s services with their titles', () => {
    expect(serviceTargets(dns, 2)).toEqual([{ target: { kind: 'service', node: 2, index: 0 }, title: 'DNS server (authoritative)' }]);
    expect(serviceTargets(dns, 0)).toEqual([]);
  });
});

describe('an optional object inside a service (a web server\'s cookie)', () => {
  const web = (cookie?: object): ScenarioInput =>
    ({
      format: 'l7-scenario',
      version: 1,
      name: 'web',
      nodes: [{ id: 'web', kind: 'host', address: '10.0.0.80', services: [{ type: 'http-server', objects: [], ...(cookie ? { cookie } : {}) }] }],
      links: [],
      workload: [],
    }) as ScenarioInput;
  const cookieFields = (doc: ScenarioInput) => fieldsFor({ kind: 'service', node: 0, index: 0 }, doc).filter((f) => f.path.includes('cookie'));

  it('is a switch while absent, then the switch and its own fields', () => {
    expect(cookieFields(web()).map((f) => [f.path.join('.'), f.input, f.value, f.presence])).toEqual([['nodes.0.services.0.cookie', 'boolean', false, true]]);
    const on = cookieFields(web({ maxAgeS: 60 }));
    expect(on.map((f) => [f.path.join('.'), f.input, f.value])).toEqual([
      ['nodes.0.services.0.cookie', 'boolean', true],
      ['nodes.0.services.0.cookie.name', 'text', 'id'],
      ['nodes.0.services.0.cookie.maxAgeS', 'number', 60],
    ]);
    expect(on[0]!.label).toBe('Cookie');
  });
});
