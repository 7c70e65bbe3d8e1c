/**
 * The `.l7.json` scenario format, version 1, as zod schemas.
 *
 * Conventions:
 * - Every object is strict: an unknown property is an error, so typos are never ignored.
 * - Units are in field names: `…Ms` milliseconds, `…Mbps` megabits per second,
 *   `…Packets` packets. Numbers are JSON numbers; fractions are allowed unless
 *   the field says integer.
 * - Optional fields with a default get it in the parsed output: `ScenarioInput`
 *   is what a file may contain, `Scenario` what consumers receive (every default
 *   filled in; the one default that depends on other fields, a link's id, is
 *   filled in by resolve.ts).
 * - Only the shape is checked here. Rules between fields of different objects
 *   (ids unique, references exist, …) are in references.ts.
 * - docs/scenario-format.md documents every field; change it with this file.
 */
import { GuideSchema } from '../lessons/guide-schema';
import { BULK_ACTION_SCHEMAS, BULK_SERVICE_SCHEMAS } from '../protocols/bulk/schema';
import { DNS_ACTION_SCHEMAS, DNS_SERVICE_SCHEMAS, domainSchema } from '../protocols/dns/schema';
import { HTTP_ACTION_SCHEMAS, HTTP_SERVICE_SCHEMAS } from '../protocols/http/schema';
import { IMAP_ACTION_SCHEMAS, IMAP_SERVICE_SCHEMAS } from '../protocols/imap/schema';
import { WEBMAIL_ACTION_SCHEMAS, WEBMAIL_SERVICE_SCHEMAS } from '../protocols/webmail/schema';
import { POP3_ACTION_SCHEMAS, POP3_SERVICE_SCHEMAS } from '../protocols/pop3/schema';
import { SMTP_ACTION_SCHEMAS, SMTP_SERVICE_SCHEMAS } from '../protocols/smtp/schema';
import { SOCKETS_ACTION_SCHEMAS, SOCKETS_SERVICE_SCHEMAS } from '../protocols/sockets/schema';
import { z } from './zod';
import {
  booleanSchema,
  idSchema,
  integerAtLeastOne,
  ipv4Schema,
  linkRefSchema,
  lossRateSchema,
  mbpsSchema,
  nameSchema,
  nodeRefSchema,
  nonNegativeMsSchema,
  numberSchema,
  positiveMsSchema,
  seedSchema,
  textSchema,
} from './fields';

export const SCENARIO_FORMAT = 'l7-scenario';
/** The version this code reads and writes; older files are migrated (migrate.ts). */
export const SCENARIO_VERSION = 1;

export const MAX_NODES = 500;
export const DEFAULT_SEED = 1;
export const DEFAULT_END_TIME_MS = 600_000;
export const DEFAULT_MAX_EVENTS = 10_000_000;
export const DEFAULT_QUEUE_PACKETS = 100;
export const DEFAULT_LOSS_RATE = 0;
export { DEFAULT_UDP_TIMEOUT_MS } from '../protocols/sockets/schema';

// ─── Services (what a node serves) ───────────────────────────────────────────

/**
 * Every service variant, discriminated by "type": each protocol's schema file
 * lists its own (protocols/<name>/schema.ts). To add a protocol, append its
 * list here and its module to protocols/registry.ts (docs/adding-a-protocol.md);
 * a test checks that both agree.
 */
export const serviceVariants = [...SOCKETS_SERVICE_SCHEMAS, ...DNS_SERVICE_SCHEMAS, ...BULK_SERVICE_SCHEMAS, ...HTTP_SERVICE_SCHEMAS, ...SMTP_SERVICE_SCHEMAS, ...POP3_SERVICE_SCHEMAS, ...IMAP_SERVICE_SCHEMAS, ...WEBMAIL_SERVICE_SCHEMAS] as const;

export const ServiceSchema = z
  .discriminatedUnion('type', serviceVariants)
  .describe('a service object with a "type"');

export type Service = z.output<typeof ServiceSchema>;
export type ServiceType = Service['type'];

// ─── Nodes ───────────────────────────────────────────────────────────────────

export const NODE_KINDS = ['host', 'router'] as const;

/** Where the node is drawn in the topology editor; no effect on the simulation. */
export const PositionSchema = z
  .strictObject({ x: numberSchema, y: numberSchema })
  .describe('a position object { "x": number, "y": number }');

export const NodeSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(NODE_KINDS).describe('"host" or "router"'),
    name: nameSchema.optional(),
    address: ipv4Schema,
    position: PositionSchema.optional(),
    services: z.array(ServiceSchema).describe('an array of services').default(() => []),
    /** The host's hosts file (/etc/hosts): names its stub resolver falls back to when DNS gives no address. */
    hostsFile: z
      .array(z.strictObject({ name: domainSchema, address: ipv4Schema }).describe('a hosts entry { "name", "address" }'))
      .describe('an array of hosts entries')
      .optional(),
  })
  .describe('a node object');

// ─── Links ───────────────────────────────────────────────────────────────────

/** A point-to-point link; both directions have the same delay, bandwidth, queue and loss. */
export const LinkSchema = z
  .strictObject({
    /** Default "<a>-<b>" (resolve.ts); loss rules name links by id. */
    id: idSchema.optional(),
    a: nodeRefSchema,
    b: nodeRefSchema,
    /** One-way propagation delay. */
    delayMs: nonNegativeMsSchema,
    bandwidthMbps: mbpsSchema,
    /** Drop-tail queue capacity at each end, in packets. */
    queuePackets: integerAtLeastOne.default(DEFAULT_QUEUE_PACKETS),
    /** Probability that a packet is lost at random (seeded). */
    lossRate: lossRateSchema.default(DEFAULT_LOSS_RATE),
  })
  .describe('a link object');

// ─── Workload actions ────────────────────────────────────────────────────────

/** Every action variant, discriminated by "type", from each protocol's schema file (as for services). */
export const actionVariants = [...SOCKETS_ACTION_SCHEMAS, ...DNS_ACTION_SCHEMAS, ...BULK_ACTION_SCHEMAS, ...HTTP_ACTION_SCHEMAS, ...SMTP_ACTION_SCHEMAS, ...POP3_ACTION_SCHEMAS, ...IMAP_ACTION_SCHEMAS, ...WEBMAIL_ACTION_SCHEMAS] as const;

export const ActionSchema = z
  .discriminatedUnion('type', actionVariants)
  .describe('an action object with a "type"');

export type Action = z.output<typeof ActionSchema>;
export type ActionInput = z.input<typeof ActionSchema>;
export type ActionType = Action['type'];

// ─── Loss rules ──────────────────────────────────────────────────────────────

/**
 * Deterministic loss for lessons ("drop the 2nd data segment from A to B").
 * A packet matches when it passes every filter given: `link` (either
 * direction; without it, the packet's first link), `from` (origin node), `to`
 * (destination node), `protocol`, `dataOnly`. The rule drops the n-th matching
 * packets (counting from 1) listed in `nth`, and every matching packet sent in
 * [fromMs, toMs) (fromMs defaults to 0, toMs to the end of the run).
 * A rule needs `nth` or a window, so it cannot silently drop everything.
 */
export const LossRuleSchema = z
  .strictObject({
    link: linkRefSchema.optional(),
    from: nodeRefSchema.optional(),
    to: nodeRefSchema.optional(),
    protocol: z.enum(['tcp', 'udp']).describe('"tcp" or "udp"').optional(),
    /** Only packets carrying application data (TCP segments with payload; every UDP datagram). */
    dataOnly: booleanSchema.default(false),
    nth: z.array(integerAtLeastOne).min(1).describe('a non-empty array of integers ≥ 1').optional(),
    fromMs: nonNegativeMsSchema.optional(),
    toMs: positiveMsSchema.optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.nth === undefined && rule.fromMs === undefined && rule.toMs === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected "nth" or a time window ("fromMs" and/or "toMs"), got neither',
      });
    }
    if (rule.fromMs !== undefined && rule.toMs !== undefined && !(rule.toMs > rule.fromMs)) {
      ctx.addIssue({
        code: 'custom',
        path: ['toMs'],
        message: `expected a number > fromMs (${rule.fromMs}), got ${rule.toMs}`,
      });
    }
  })
  .describe('a loss rule object');

// ─── Run and view settings ───────────────────────────────────────────────────

export const RunSettingsSchema = z
  .strictObject({
    seed: seedSchema.default(DEFAULT_SEED),
    /** The run stops at this simulated time. */
    endTimeMs: positiveMsSchema.default(DEFAULT_END_TIME_MS),
    /** The run stops after this many events (a guard against runaway scenarios). */
    maxEvents: integerAtLeastOne.default(DEFAULT_MAX_EVENTS),
  })
  .describe('a run settings object');

export const ViewSettingsSchema = z
  .strictObject({
    /** Lanes of the sequence chart, left to right; nodes not listed follow in order of first appearance. */
    laneOrder: z.array(nodeRefSchema).describe('an array of node ids').optional(),
    /** Show transport-layer messages (TCP segments, UDP datagrams) expanded. */
    showTransport: booleanSchema.default(false),
    /** Start with idle gaps compressed (for lessons whose events are seconds apart, such as a TTL running out). */
    compressIdleGaps: booleanSchema.default(false),
  })
  .describe('a view settings object');

// ─── The scenario ────────────────────────────────────────────────────────────

export const ScenarioSchema = z
  .strictObject({
    format: z.literal(SCENARIO_FORMAT).describe(`"${SCENARIO_FORMAT}"`),
    version: z.literal(SCENARIO_VERSION).describe(`${SCENARIO_VERSION}`),
    name: nameSchema,
    description: textSchema.optional(),
    nodes: z.array(NodeSchema).min(1).max(MAX_NODES).describe(`an array of 1 to ${MAX_NODES} nodes`),
    links: z.array(LinkSchema).describe('an array of links'),
    workload: z.array(ActionSchema).describe('an array of actions'),
    lossRules: z.array(LossRuleSchema).describe('an array of loss rules').default(() => []),
    run: RunSettingsSchema.prefault({}),
    view: ViewSettingsSchema.prefault({}),
    /** What to look at and what to try, with the course's formulas (lessons/guide-schema.ts, docs/lesson-guide.md). */
    guide: GuideSchema.optional(),
  })
  .describe('a scenario object');

/** A scenario as a file may contain it (optional fields may be absent). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
/** What the schema alone yields: shape checked, constant defaults filled in, link ids still optional. */
export type ParsedScenario = z.output<typeof ScenarioSchema>;
/**
 * A validated scenario with every default filled in, including each link's
 * id (defaultLinkId in resolve.ts). This is what the loader returns.
 */
export interface Scenario extends Omit<ParsedScenario, 'links'> {
  links: Link[];
}

export type ScenarioNode = z.output<typeof NodeSchema>;
export type ScenarioNodeInput = z.input<typeof NodeSchema>;
export type NodeKind = ScenarioNode['kind'];
export type Position = z.output<typeof PositionSchema>;
export type ServiceInput = z.input<typeof ServiceSchema>;
/** A link of a loaded Scenario: its id is always present. */
export type Link = z.output<typeof LinkSchema> & { id: string };
export type LinkInput = z.input<typeof LinkSchema>;
export type LossRule = z.output<typeof LossRuleSchema>;
export type LossRuleInput = z.input<typeof LossRuleSchema>;
export type RunSettings = z.output<typeof RunSettingsSchema>;
export type RunSettingsInput = z.input<typeof RunSettingsSchema>;
export type ViewSettings = z.output<typeof ViewSettingsSchema>;
export type ViewSettingsInput = z.input<typeof ViewSettingsSchema>;
