/**
 * Test support (imported only by *.test.ts): fast-check generators of valid
 * scenarios, as files may contain them (ScenarioInput, optional fields
 * sometimes absent). Every generated scenario passes the loader; a failure of
 * that is a bug in either this file or the loader.
 *
 * Adding a service or action variant: extend SERVICE_TYPES / CLIENT_FOR below.
 */
import fc from 'fast-check';
import { MAX_BANDWIDTH_MBPS, MAX_TIME_MS, MIN_BANDWIDTH_MBPS, MIN_POSITIVE_MS } from './fields';
import { listenersOf } from '../protocols/registry';
import type { ActionInput, LinkInput, LossRuleInput, ScenarioInput, ScenarioNodeInput, ServiceInput, ServiceType } from './schema';

/** The services generated here (DNS services are covered by their own fixtures and tests). */
const SERVICE_TYPES = ['udp-upper-server', 'tcp-upper-server'] as const satisfies readonly ServiceType[];
type UpperService = Extract<ServiceInput, { type: (typeof SERVICE_TYPES)[number] }>;

/** JSON cannot keep −0 (it writes 0), so generated numbers never are −0. */
const noNegativeZero = (x: number): number => (Object.is(x, -0) ? 0 : x);

export const nonNegativeMsArb = fc.double({ min: 0, max: MAX_TIME_MS, noNaN: true }).map(noNegativeZero);
export const positiveMsArb = fc.double({ min: MIN_POSITIVE_MS, max: MAX_TIME_MS, noNaN: true });
const finiteArb = fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegativeZero);
/** Any text, including astral characters and lone surrogates. */
const textArb = (maxLength: number) => fc.string({ unit: 'binary', minLength: 1, maxLength });

/**
 * Node ids without "-", so that default link ids ("a-b") cannot collide
 * (with "-", links x-y→z and x→y-z would both be "x-y-z"; the loader reports that).
 */
const nodeIdArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,11}$/);

const serviceArb: fc.Arbitrary<UpperService> = fc.record({
  type: fc.constantFrom(...SERVICE_TYPES),
  port: fc.integer({ min: 1, max: 65535 }),
});

const servicesArb = fc.uniqueArray(serviceArb, {
  maxLength: 3,
  selector: (s) => listenersOf(s).map((l) => `${l.transport}/${l.port}`).join(),
});

export const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .uniqueArray(nodeIdArb, { minLength: 1, maxLength: 8 })
  .chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      addresses: fc.uniqueArray(fc.ipV4(), { minLength: ids.length, maxLength: ids.length }),
      nodeDetails: fc.tuple(
        ...ids.map(() =>
          fc.record(
            {
              kind: fc.constantFrom('host' as const, 'router' as const),
              name: textArb(200),
              position: fc.record({ x: finiteArb, y: finiteArb }),
              services: servicesArb,
            },
            { requiredKeys: ['kind'] },
          ),
        ),
      ),
      // Distinct unordered pairs of node indices (none with a single node: a link joins two nodes).
      pairs:
        ids.length < 2
          ? fc.constant([] as [number, number][])
          : fc.uniqueArray(
              fc.tuple(fc.nat(ids.length - 1), fc.nat(ids.length - 1)).filter(([a, b]) => a !== b),
              {
                maxLength: Math.min(10, (ids.length * (ids.length - 1)) / 2),
                selector: ([a, b]) => (a < b ? `${a},${b}` : `${b},${a}`),
              },
            ),
      linkDetails: fc.array(
        fc.record(
          {
            hasId: fc.boolean(),
            delayMs: nonNegativeMsArb,
            bandwidthMbps: fc.double({ min: MIN_BANDWIDTH_MBPS, max: MAX_BANDWIDTH_MBPS, noNaN: true }),
            queuePackets: fc.integer({ min: 1, max: 10_000 }),
            lossRate: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map(noNegativeZero),
          },
          { requiredKeys: ['hasId', 'delayMs', 'bandwidthMbps'] },
        ),
        { minLength: 10, maxLength: 10 },
      ),
      actionPicks: fc.array(
        fc.record({
          client: fc.nat(),
          server: fc.nat(),
          service: fc.nat(),
          atMs: nonNegativeMsArb,
          line: textArb(1000),
          timeoutMs: fc.option(positiveMsArb, { nil: undefined }),
        }),
        { maxLength: 5 },
      ),
      rulePicks: fc.array(
        fc.record(
          {
            link: fc.nat(),
            from: fc.nat(),
            to: fc.nat(),
            protocol: fc.constantFrom('tcp' as const, 'udp' as const),
            dataOnly: fc.boolean(),
            nth: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 4 }),
            window: fc.tuple(nonNegativeMsArb, nonNegativeMsArb).filter(([a, b]) => a !== b && Math.max(a, b) >= MIN_POSITIVE_MS),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      header: fc.record(
        {
          name: textArb(200),
          description: fc.string({ unit: 'binary' }),
          run: fc.record(
            {
              seed: fc.integer({ min: 0, max: 4_294_967_295 }),
              endTimeMs: positiveMsArb,
              maxEvents: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
            },
            { requiredKeys: [] },
          ),
          laneOrder: fc.shuffledSubarray(ids),
          showTransport: fc.boolean(),
        },
        { requiredKeys: ['name'] },
      ),
    }),
  )
  .map((g) => {
    const nodes: ScenarioNodeInput[] = g.ids.map((id, i) => ({ id, address: g.addresses[i]!, ...g.nodeDetails[i]! }));
    const links: LinkInput[] = g.pairs.map(([a, b], i) => {
      const { hasId, ...rest } = g.linkDetails[i]!;
      return { ...(hasId ? { id: `link${i}` } : {}), a: g.ids[a]!, b: g.ids[b]!, ...rest };
    });
    const linkIds = links.map((l) => l.id ?? `${l.a}-${l.b}`);

    const hosts = nodes.filter((n) => n.kind === 'host');
    const servers = nodes.filter((n) => (n.services ?? []).length > 0);
    const workload: ActionInput[] = [];
    if (hosts.length > 0 && servers.length > 0) {
      for (const pick of g.actionPicks) {
        const server = servers[pick.server % servers.length]!;
        const services = (server.services ?? []).filter((x): x is UpperService => x.type === 'udp-upper-server' || x.type === 'tcp-upper-server');
        const service = services[pick.service % services.length];
        if (!service) continue;
        const common = {
          atMs: pick.atMs,
          node: hosts[pick.client % hosts.length]!.id,
          server: server.id,
          port: service.port,
          line: pick.line,
        };
        workload.push(
          service.type === 'udp-upper-server'
            ? { type: 'udp-upper-client', ...common, ...(pick.timeoutMs === undefined ? {} : { timeoutMs: pick.timeoutMs }) }
            : { type: 'tcp-upper-client', ...common },
        );
      }
    }

    const lossRules: LossRuleInput[] = g.rulePicks
      .map((pick) => {
        const rule: LossRuleInput = {};
        if (pick.link !== undefined && linkIds.length > 0) rule.link = linkIds[pick.link % linkIds.length]!;
        if (pick.from !== undefined) rule.from = g.ids[pick.from % g.ids.length]!;
        if (pick.to !== undefined) rule.to = g.ids[pick.to % g.ids.length]!;
        if (pick.protocol !== undefined) rule.protocol = pick.protocol;
        if (pick.dataOnly !== undefined) rule.dataOnly = pick.dataOnly;
        if (pick.nth !== undefined) rule.nth = pick.nth;
        if (pick.window !== undefined) {
          const [x, y] = pick.window;
          rule.fromMs = Math.min(x, y);
          rule.toMs = Math.max(x, y);
        }
        return rule;
      })
      .filter((rule) => rule.nth !== undefined || rule.toMs !== undefined);

    const h = g.header;
    const scenario: ScenarioInput = {
      format: 'l7-scenario',
      version: 1,
      name: h.name,
      ...(h.description === undefined ? {} : { description: h.description }),
      nodes,
      links,
      workload,
      ...(lossRules.length > 0 ? { lossRules } : {}),
      ...(h.run === undefined ? {} : { run: h.run }),
    };
    if (h.laneOrder !== undefined || h.showTransport !== undefined) {
      scenario.view = {
        ...(h.laneOrder === undefined ? {} : { laneOrder: h.laneOrder }),
        ...(h.showTransport === undefined ? {} : { showTransport: h.showTransport }),
      };
    }
    return scenario;
  });
