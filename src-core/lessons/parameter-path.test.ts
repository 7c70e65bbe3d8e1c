import { describe, expect, it } from 'vitest';
import { parseParameterPath, readParameter, resolveParameterPath, siUnitOf } from './parameter-path';

const doc = {
  nodes: [
    { id: 'client', services: [] },
    { id: 'server', services: [{ type: 'http-server', persistent: false, port: 80 }] },
  ],
  links: [
    { a: 'client', b: 'router', delayMs: 10, bandwidthMbps: 1.5 },
    { id: 'core', a: 'router', b: 'server', delayMs: 20, bandwidthMbps: 100 },
  ],
  workload: [{ type: 'http-get', atMs: 0, keepAliveTimeoutMs: 5000 }],
  run: { seed: 1 },
};

describe('parameter paths', () => {
  it('split into steps with index or id selectors', () => {
    expect(parseParameterPath('links[core].delayMs')).toEqual({ ok: true, steps: [{ key: 'links', select: 'core' }, { key: 'delayMs' }] });
    expect(parseParameterPath('workload[0].atMs')).toEqual({ ok: true, steps: [{ key: 'workload', select: 0 }, { key: 'atMs' }] });
    expect(parseParameterPath('links[core]..delayMs').ok).toBe(false);
    expect(parseParameterPath('links[].x').ok).toBe(false);
  });

  it('resolve by id (a link without one by its default id), by type, or by index', () => {
    expect(resolveParameterPath(doc, 'links[core].delayMs')).toEqual({ ok: true, path: ['links', 1, 'delayMs'] });
    expect(resolveParameterPath(doc, 'links[client-router].bandwidthMbps')).toEqual({ ok: true, path: ['links', 0, 'bandwidthMbps'] });
    expect(resolveParameterPath(doc, 'nodes[server].services[http-server].persistent')).toEqual({ ok: true, path: ['nodes', 1, 'services', 0, 'persistent'] });
    expect(resolveParameterPath(doc, 'workload[0].atMs')).toEqual({ ok: true, path: ['workload', 0, 'atMs'] });
    // the last step may be absent (an optional field at its default)
    expect(resolveParameterPath(doc, 'links[core].queuePackets')).toEqual({ ok: true, path: ['links', 1, 'queuePackets'] });
  });

  it('say what is missing', () => {
    expect(resolveParameterPath(doc, 'links[edge].delayMs')).toEqual({ ok: false, error: '"links" has no item with id, type or name "edge"' });
    expect(resolveParameterPath(doc, 'workload[3].atMs')).toEqual({ ok: false, error: '"workload" has no item 3 (it has 1)' });
    expect(resolveParameterPath(doc, 'run[0].seed')).toEqual({ ok: false, error: '"run" is not a list' });
    expect(resolveParameterPath(doc, 'nope.x.y').ok).toBe(false);
  });

  it('read values in SI units by the unit the field name ends in', () => {
    expect(readParameter(doc, 'links[core].delayMs')).toEqual({ ok: true, raw: 20, si: 0.02 });
    expect(readParameter(doc, 'links[core].bandwidthMbps')).toEqual({ ok: true, raw: 100, si: 100e6 });
    expect(readParameter(doc, 'nodes[server].services[http-server].persistent')).toEqual({ ok: true, raw: false, si: 0 });
    expect(readParameter(doc, 'nodes[server].services[http-server].port')).toEqual({ ok: true, raw: 80, si: 80 });
    expect(siUnitOf('workload[0].keepAliveTimeoutMs')).toBe('s');
    expect(siUnitOf('links[core].bandwidthMbps')).toBe('bit/s');
    expect(siUnitOf('nodes[server].services[0].maxAgeS')).toBe('s');
    expect(siUnitOf('workload[0].objects')).toBeNull();
  });
});
