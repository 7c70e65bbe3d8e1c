/**
 * A protocol module: everything the rest of the program knows about one
 * application protocol, exported by its folder (protocols/<name>/module.ts)
 * and listed once in protocols/registry.ts. The scenario builder, the
 * reference checks, the port-conflict check, the dissectors, the chart's
 * colours, the lesson index, `l7 serve` and (next) the topology editor all
 * read their tables from the list of modules — adding a protocol is one new
 * folder plus one line in the registry (and one in scenario/schema.ts for its
 * file schemas). docs/adding-a-protocol.md shows it with an example.
 */
import type { Dissector } from '../dissect/field';
import type { Engine, EngineEnv, TransportName } from '../engine/face';
import type { HostSlots } from '../host/host-slot';
import type { Reporter, StateDataMap } from '../host/reporter';
import type { PathSegment } from '../scenario/errors';
import type { Scenario, ScenarioNode } from '../scenario/schema';

/** One socket a service listens on: what the port-conflict check and `l7 serve` see. */
export interface ListenerSpec {
  readonly transport: TransportName;
  readonly port: number;
}

/** An engine and how its events reach the trace: what a driver needs to run it. */
export interface EngineBinding<Event, Command, M extends StateDataMap> {
  readonly engine: Engine<Event, Command>;
  /** 'dns': the protocol of its state events. */
  readonly protocol: string;
  /** "DNS resolver": named in fault events. */
  readonly name: string;
  readonly report: (event: Event, reporter: Reporter<M>) => void;
}

/**
 * A running engine, as its starter sees it: commands go in here, and its
 * events can be watched, so that applications of one node work together
 * (a browser asks the node's stub resolver for an address and is told the
 * answer). A listener is called after the event is reported, on the same
 * call stack; what it throws is a fault of the engine that emitted it.
 */
export interface DrivenEngine<Command, Event = unknown> {
  command(command: Command): void;
  onEvent(listener: (event: Event) => void): void;
}

/**
 * What a service or action gets on its node. Two implementations: the
 * simulation's (scenario/build.ts, simulated sockets) and `l7 serve`'s
 * (src-main/serve, real loopback sockets), so one starter serves both.
 */
export interface NodeContext {
  readonly nodeId: string;
  readonly scenario: Scenario;
  /** Socket ids and seeded random numbers for engines made here. */
  readonly env: EngineEnv;
  /** Objects the applications on this node share (host/host-slot.ts). */
  readonly slots: HostSlots;
  /** The address of a node of the scenario (32-bit; ids are checked when the scenario is loaded). */
  addressOf(nodeId: string): number;
  /** Runs an engine on this node, from now on. */
  drive<Event, Command, M extends StateDataMap>(binding: EngineBinding<Event, Command, M>): DrivenEngine<Command, Event>;
  /** State events and metrics that come from no engine (an administrator's edit). */
  reporter<M extends StateDataMap>(protocol: string): Reporter<M>;
  /**
   * When present, the only name lookup of this node's applications: neither
   * its hosts file nor a DNS server is asked (`l7 serve`: the --origin
   * names, src-main/serve/origins.ts). Absent in a simulation.
   */
  readonly nameService?: (name: string) => { readonly address: number | null; readonly reason: string };
}

/** The reference checks a service or action may ask for (scenario/references.ts implements them). */
export interface ReferenceChecks {
  readonly scenario: Scenario | import('../scenario/schema').ParsedScenario;
  node(id: string): ScenarioNode | undefined;
  /** Reports an unknown node id at `path`; true when it exists. */
  requireNode(path: readonly PathSegment[], id: string): boolean;
  /** The node must run one of `types`; `why` ends the message ("a DNS server is needed here"). */
  requireServiceType(path: readonly PathSegment[], id: string, types: readonly string[], why: string): void;
  /** The node `id` must have a service of `type` on `port` (the message names `path` + 'port'). */
  requireServiceOnPort(path: readonly PathSegment[], id: string, port: number, type: string): void;
  report(path: readonly PathSegment[], message: string): void;
}

/**
 * One field of a service or action as the topology editor's property panel
 * shows it. The schema (protocols/<name>/schema.ts) says what values are
 * valid; this says what the field means to a student.
 */
export interface PropertyDescription {
  /** The field's name in the scenario file: "timeoutMs". */
  readonly field: string;
  /** A short label: "Timeout". */
  readonly label: string;
  /** One sentence: what it does. */
  readonly help: string;
  /** The unit of a number, as shown beside it: "ms", "Mbit/s", "bytes", "s". */
  readonly unit?: string;
}

/** Every action has these (the editor shows them for all); an action's own properties come after. */
export const ACTION_BASE_PROPERTIES: readonly PropertyDescription[] = [
  { field: 'atMs', label: 'Start at', help: 'When the host performs it, from the start of the run.', unit: 'ms' },
  { field: 'node', label: 'Host', help: 'The host that performs it.' },
];

/** A service a node may run (its schema lives in scenario/schema.ts's list, from the module's schema file). */
export interface ServiceDefinition<S extends { readonly type: string }> {
  readonly type: S['type'];
  /** A name for people: "DNS resolver (local DNS server)". */
  readonly title: string;
  /** Each field but `type`, in the order the editor shows them (registry.test.ts checks they match the schema). */
  readonly properties: readonly PropertyDescription[];
  /** Every socket it listens on, so no two services of a node can share one. */
  listeners(service: S): readonly ListenerSpec[];
  /** Starts its engines on the node at time zero. */
  start(ctx: NodeContext, service: S): void;
  /** Checks of its fields against the rest of the scenario. */
  check?(service: S, path: readonly PathSegment[], refs: ReferenceChecks): void;
}

/** A workload action a host may perform. */
export interface ActionDefinition<A extends { readonly type: string }> {
  readonly type: A['type'];
  /** A name for people: "Look up a name". */
  readonly title: string;
  /** Each field but `type`, `atMs` and `node` (ACTION_BASE_PROPERTIES), in the editor's order. */
  readonly properties: readonly PropertyDescription[];
  /** Performs it at its time on its node. */
  run(ctx: NodeContext, action: A): void;
  /** Checks of its fields against the rest of the scenario (its node existing and being a host is checked for all). */
  check?(action: A, path: readonly PathSegment[], refs: ReferenceChecks): void;
}

/** A node the topology editor can drop: a host or router with services already set up. */
export interface NodePreset {
  readonly id: string;
  /** What it is, for people and for the new node's name: "Authoritative DNS server". */
  readonly label: string;
  /** Its palette button's text, one or two short words ("Authoritative"); the label is the button's tooltip and accessible name. */
  readonly short: string;
  readonly kind: 'host' | 'router';
  readonly services: readonly { readonly type: string; readonly [field: string]: unknown }[];
}

/** A definition of any service, as lists hold them (the methods' parameters are checked where each is defined). */
export type AnyServiceDefinition = ServiceDefinition<{ readonly type: string }>;
export type AnyActionDefinition = ActionDefinition<{ readonly type: string }>;

/** One rule shortening a chart label: `pattern` (global) replaced by `replace`. */
export interface BriefRule {
  /** What it drops or shortens, for people. */
  readonly why: string;
  readonly pattern: RegExp;
  readonly replace: string;
}

export interface ProtocolModule {
  /** The protocol name of its messages and state events ('dns'). */
  readonly protocol: string;
  /** A title for people: "DNS". */
  readonly title: string;
  /** The palette's heading over its presets, when the title is too long for it ("Sockets"). */
  readonly paletteTitle?: string;
  readonly services: readonly AnyServiceDefinition[];
  readonly actions: readonly AnyActionDefinition[];
  /** The inspector's field tree of its messages. */
  readonly dissector?: Dissector;
  /** Its colour in the chart: [light theme, dark theme], each ≥ 4.5:1 against the chart background. */
  readonly colors?: readonly [string, string];
  /**
   * Rules that shorten its message summaries for chart labels with no room
   * for the full text, applied one more at a time (chart/label-brief.ts);
   * none: the label is cut with "…".
   */
  readonly briefLabels?: readonly BriefRule[];
  /**
   * True for a message summary that is an answer (an HTTP response), never a
   * question awaiting a reply: the chart draws no "reply after" bracket from
   * it to what it led the peer to send next (the requests for a page's
   * images). Without it, any message may be a question.
   */
  readonly isAnswer?: (summary: string) => boolean;
  /** The state types it emits, each with its data's JSON shape described for the trace format. */
  readonly stateTypes: readonly string[];
  /** Built-in lessons about it, in teaching order (resources/lessons/<id>.l7.json). */
  readonly lessons: readonly string[];
  /** Nodes the topology editor offers for it. */
  readonly presets: readonly NodePreset[];
}
