import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topologyOf } from '../scenario/build';
import { parseScenarioText } from '../scenario/load';
import { computeRoutes, routesOnDemand } from './routing';

const LESSONS = join(__dirname, '../../resources/lessons');

describe('routesOnDemand', () => {
  it.each(readdirSync(LESSONS).filter((f) => f.endsWith('.l7.json')).sort())('gives the tables computeRoutes gives (%s)', (file) => {
    const parsed = parseScenarioText(readFileSync(join(LESSONS, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not load`);
    const topology = topologyOf(parsed.scenario);
    const all = computeRoutes(topology);
    const tables = routesOnDemand(topology);
    for (const n of [...topology.nodes].reverse()) expect(tables(n.id)).toEqual(all.get(n.id));
    expect(tables('no-such-node')).toBeUndefined();
  });
});
