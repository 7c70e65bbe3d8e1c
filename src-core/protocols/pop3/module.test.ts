import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../chart/colors';
import type { ReferenceChecks } from '../module';
import { POP3_MODULE } from './module';
import { Pop3ReadSchema, Pop3ServerSchema } from './schema';

/** Reference checks over a made-up scenario, recording what they report. */
function refs(nodes: { id: string; services: { type: string; port?: number }[] }[]): { refs: ReferenceChecks; issues: string[] } {
  const issues: string[] = [];
  const scenario = { nodes } as unknown as ReferenceChecks['scenario'];
  const node = (id: string) => nodes.find((n) => n.id === id) as unknown as ReturnType<ReferenceChecks['node']>;
  const checks: ReferenceChecks = {
    scenario,
    node,
    requireNode: (path, id) => {
      if (node(id)) return true;
      issues.push(`${path.join('.')}: unknown node ${id}`);
      return false;
    },
    requireServiceType: (path, id, types, why) => {
      if (!nodes.find((n) => n.id === id)?.services.some((s) => types.includes(s.type))) issues.push(`${path.join('.')}: no ${types.join('/')} on ${id} (${why})`);
    },
    requireServiceOnPort: (path, id, port, type) => {
      if (!nodes.find((n) => n.id === id)?.services.some((s) => s.type === type && s.port === port)) issues.push(`${[...path, 'port'].join('.')}: no ${type} on ${id}:${port}`);
    },
    report: (path, m) => issues.push(`${path.join('.')}: ${m}`),
  };
  return { refs: checks, issues };
}

describe('the POP3 module', () => {
  it('has colours readable on both chart backgrounds', () => {
    const [light, dark] = POP3_MODULE.colors!;
    expect(contrastRatio(light, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark, '#14171b')).toBeGreaterThanOrEqual(4.5);
  });

  it('describes every field of its schemas', () => {
    const service = POP3_MODULE.services[0]!;
    expect(service.properties.map((p) => p.field)).toEqual(Object.keys(Pop3ServerSchema.shape).filter((k) => k !== 'type'));
    const action = POP3_MODULE.actions[0]!;
    expect(action.properties.map((p) => p.field)).toEqual(Object.keys(Pop3ReadSchema.shape).filter((k) => !['type', 'atMs', 'node'].includes(k)));
  });

  it('defaults: port 110, download-and-delete', () => {
    expect(Pop3ServerSchema.parse({ type: 'pop3-server' })).toEqual({ type: 'pop3-server', port: 110 });
    expect(Pop3ReadSchema.parse({ type: 'pop3-read', atMs: 0, node: 'pc', server: 'mail', user: 'bob', password: 'pw' })).toMatchObject({ keep: false, port: 110 });
  });

  it('a pop3-server needs the node\'s smtp-server (the accounts)', () => {
    const { refs: r, issues } = refs([{ id: 'mail', services: [{ type: 'pop3-server', port: 110 }] }]);
    POP3_MODULE.services[0]!.check!(Pop3ServerSchema.parse({ type: 'pop3-server' }), ['nodes', 0, 'services', 0], r);
    expect(issues).toEqual(['nodes.0.services.0: no smtp-server on mail (the mail server with the accounts is needed here)']);
  });

  it('a pop3-read needs a pop3-server on its port and the accounts there', () => {
    const read = { type: 'pop3-read', atMs: 0, node: 'pc', server: 'mail', user: 'bob', password: 'pw', keep: false, port: 110 };
    const ok = refs([{ id: 'pc', services: [] }, { id: 'mail', services: [{ type: 'smtp-server', port: 25 }, { type: 'pop3-server', port: 110 }] }]);
    POP3_MODULE.actions[0]!.check!(read, ['workload', 0], ok.refs);
    expect(ok.issues).toEqual([]);
    const bad = refs([{ id: 'pc', services: [] }, { id: 'mail', services: [{ type: 'pop3-server', port: 995 }] }]);
    POP3_MODULE.actions[0]!.check!(read, ['workload', 0], bad.refs);
    expect(bad.issues).toEqual(['workload.0.port: no pop3-server on mail:110', 'workload.0.server: no smtp-server on mail (the mail server with the accounts is needed here)']);
  });
});
